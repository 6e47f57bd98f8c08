package io.ledgerbridge.workspace;

/**
 * A workspace's defaults and toggles (F6–F8). Module toggles form a chain: tax rates, then items and
 * contacts, then invoice push and pull ({@link ModuleChain}).
 *
 * @param allocateCreditNotes allocate each credit note to the invoice or bill of its order once both are in Xero
 *                            (issue 11); off by default, as mark-as-paid is, because it applies money in the
 *                            customer's Xero and a credit note with an allocation can no longer be changed there
 */
public record WorkspaceSettings(
        String salesAccount,
        String defaultExpenseAccount,
        String freightAccount,
        String surchargeAccount,
        String clearingAccount,
        InvoiceStatus invoiceDefaultStatus,
        boolean autoApproveBills,
        boolean automaticSync,
        boolean markAsPaid,
        Modules modules,
        PhoneField contactPhoneField,
        AddressField contactAddressField,
        boolean allocateCreditNotes) {

    /** Settings without credit-note allocation (it is off unless a workspace turns it on). */
    public WorkspaceSettings(String salesAccount, String defaultExpenseAccount, String freightAccount,
                             String surchargeAccount, String clearingAccount, InvoiceStatus invoiceDefaultStatus,
                             boolean autoApproveBills, boolean automaticSync, boolean markAsPaid, Modules modules,
                             PhoneField contactPhoneField, AddressField contactAddressField) {
        this(salesAccount, defaultExpenseAccount, freightAccount, surchargeAccount, clearingAccount,
                invoiceDefaultStatus, autoApproveBills, automaticSync, markAsPaid, modules, contactPhoneField,
                contactAddressField, false);
    }

    public static WorkspaceSettings defaults() {
        return new WorkspaceSettings(null, null, null, null, null, InvoiceStatus.DRAFT, false, true, false,
                new Modules(false, false, false, false, false), PhoneField.DEFAULT, AddressField.BILLING);
    }

    /** The status a new Xero document gets. */
    public enum InvoiceStatus { DRAFT, SUBMITTED, AUTHORISED }

    /** Which Xero phone the platform's phone number goes to. */
    public enum PhoneField { DEFAULT, DDI, MOBILE, FAX, DO_NOT_SYNC }

    /** Which platform address becomes the Xero contact's address. */
    public enum AddressField { BILLING, DELIVERY, DO_NOT_SYNC }

    /** The sync modules a workspace has on. */
    public record Modules(boolean taxRates, boolean items, boolean contacts, boolean invoicePush, boolean invoicePull) {
    }
}
