package io.ledgerbridge.workspace;

/**
 * A workspace's defaults and toggles (F6–F8). Module toggles form a chain: tax rates, then items and
 * contacts, then invoice push and pull ({@link ModuleChain}).
 *
 * @param allocateCreditNotes allocate each credit note to the invoice or bill of its order once both are in Xero
 *                            (issue 11); on by default (V19): a later version of a credit note LedgerBridge
 *                            allocated has that allocation removed, is updated, and is allocated again
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

    /** Settings with credit-note allocation as it is by default: on (a workspace may turn it off). */
    public WorkspaceSettings(String salesAccount, String defaultExpenseAccount, String freightAccount,
                             String surchargeAccount, String clearingAccount, InvoiceStatus invoiceDefaultStatus,
                             boolean autoApproveBills, boolean automaticSync, boolean markAsPaid, Modules modules,
                             PhoneField contactPhoneField, AddressField contactAddressField) {
        this(salesAccount, defaultExpenseAccount, freightAccount, surchargeAccount, clearingAccount,
                invoiceDefaultStatus, autoApproveBills, automaticSync, markAsPaid, modules, contactPhoneField,
                contactAddressField, true);
    }

    public static WorkspaceSettings defaults() {
        return new WorkspaceSettings(null, null, null, null, null, InvoiceStatus.DRAFT, false, true, false,
                new Modules(false, false, false, false, false), PhoneField.DEFAULT, AddressField.BILLING, true);
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
