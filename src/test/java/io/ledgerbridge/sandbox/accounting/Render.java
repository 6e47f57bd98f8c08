package io.ledgerbridge.sandbox.accounting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.sandbox.http.Json;
import io.ledgerbridge.sandbox.http.XeroDates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the sandbox's records in Xero's JSON shapes (the OpenAPI schemas of xero_accounting.yaml):
 * PascalCase names, numbers as numbers with Xero's decimal places, dates as {@code /Date(…)/}.
 */
final class Render {

    static final String PROVIDER_NAME = "LedgerBridge";
    /** SystemAccount values the OpenAPI enum allows; others (GST) are held but not written. */
    private static final Set<String> SYSTEM_ACCOUNTS = Set.of("DEBTORS", "CREDITORS", "BANKCURRENCYGAIN", "GSTONIMPORTS",
            "HISTORICAL", "REALISEDCURRENCYGAIN", "RETAINEDEARNINGS", "ROUNDING", "TRACKINGTRANSFERS", "UNPAIDEXPCLM",
            "UNREALISEDCURRENCYGAIN", "WAGEPAYABLES");

    private Render() {
    }

    /** Xero's response envelope: Id, Status, ProviderName, DateTimeUTC, then the collection. */
    static ObjectNode envelope(String collection, Collection<ObjectNode> items, ObjectNode pagination, Instant now) {
        ObjectNode body = Json.object();
        body.put("Id", UUID.randomUUID().toString());
        body.put("Status", "OK");
        body.put("ProviderName", PROVIDER_NAME);
        body.put("DateTimeUTC", XeroDates.envelope(now));
        if (pagination != null) {
            body.set("pagination", pagination);
        }
        ArrayNode array = body.putArray(collection);
        items.forEach(array::add);
        return body;
    }

    /** The Currency schema: Code and Description. */
    static ObjectNode currency(String code, String description) {
        ObjectNode n = Json.object();
        n.put("Code", code);
        n.put("Description", description);
        return n;
    }

    static ObjectNode account(Account a) {
        ObjectNode n = Json.object();
        n.put("AccountID", a.id.toString());
        n.put("Code", a.code);
        n.put("Name", a.name);
        n.put("Status", a.status);
        n.put("Type", a.type);
        n.put("TaxType", a.taxType);
        if (a.description != null) {
            n.put("Description", a.description);
        }
        n.put("Class", a.accountClass());
        if (a.systemAccount != null && SYSTEM_ACCOUNTS.contains(a.systemAccount)) {
            n.put("SystemAccount", a.systemAccount);
        }
        n.put("EnablePaymentsToAccount", a.enablePaymentsToAccount);
        n.put("ShowInExpenseClaims", a.showInExpenseClaims);
        if (a.isBank()) {
            n.put("BankAccountNumber", a.bankAccountNumber);
            n.put("BankAccountType", "BANK");
            n.put("CurrencyCode", "AUD");
        } else {
            n.put("BankAccountType", "");
        }
        if (a.reportingCode != null) {
            n.put("ReportingCode", a.reportingCode);
        }
        n.put("HasAttachments", false);
        n.put("UpdatedDateUTC", XeroDates.msDateTime(a.updated));
        n.put("AddToWatchlist", false);
        return n;
    }

    static ObjectNode taxRate(TaxRate t) {
        ObjectNode n = Json.object();
        n.put("Name", t.name());
        n.put("TaxType", t.taxType());
        n.put("ReportTaxType", t.reportTaxType());
        n.put("CanApplyToAssets", t.assets());
        n.put("CanApplyToEquity", t.equity());
        n.put("CanApplyToExpenses", t.expenses());
        n.put("CanApplyToLiabilities", t.liabilities());
        n.put("CanApplyToRevenue", t.revenue());
        n.put("DisplayTaxRate", t.rate());
        n.put("EffectiveRate", t.rate());
        n.put("Status", "ACTIVE");
        ArrayNode components = n.putArray("TaxComponents");
        components.addObject().put("Name", "GST").put("Rate", t.rate()).put("IsCompound", false)
                .put("IsNonRecoverable", false);
        return n;
    }

    static ObjectNode trackingCategory(TrackingCategory t) {
        ObjectNode n = Json.object();
        n.put("Name", t.name());
        n.put("Status", t.status());
        n.put("TrackingCategoryID", t.id().toString());
        ArrayNode options = n.putArray("Options");
        for (TrackingCategory.Option o : t.options()) {
            options.addObject().put("TrackingOptionID", o.id().toString()).put("Name", o.name()).put("Status", o.status());
        }
        return n;
    }

    static ObjectNode item(Item i, int unitdp) {
        ObjectNode n = Json.object();
        n.put("ItemID", i.id.toString());
        n.put("Code", i.code);
        if (i.name != null) {
            n.put("Name", i.name);
        }
        if (i.description != null) {
            n.put("Description", i.description);
        }
        if (i.purchaseDescription != null) {
            n.put("PurchaseDescription", i.purchaseDescription);
        }
        n.put("UpdatedDateUTC", XeroDates.msDateTime(i.updated));
        n.set("PurchaseDetails", details(i.purchaseDetails, unitdp));
        n.set("SalesDetails", details(i.salesDetails, unitdp));
        n.put("IsTrackedAsInventory", false);
        n.put("IsSold", i.sold);
        n.put("IsPurchased", i.purchased);
        return n;
    }

    private static ObjectNode details(Item.Details d, int unitdp) {
        ObjectNode n = Json.object();
        if (d == null) {
            return n;
        }
        if (d.unitPrice() != null) {
            n.put("UnitPrice", Money.unit(d.unitPrice(), unitdp));
        }
        if (d.accountCode() != null) {
            n.put("AccountCode", d.accountCode());
        }
        if (d.taxType() != null) {
            n.put("TaxType", d.taxType());
        }
        return n;
    }

    /** A contact as GET /Contacts returns it: both address types and all four phone types always present. */
    static ObjectNode contact(Contact c) {
        ObjectNode n = contactSummary(c);
        n.put("ContactStatus", c.status);
        putIf(n, "AccountNumber", c.accountNumber);
        putIf(n, "FirstName", c.firstName);
        putIf(n, "LastName", c.lastName);
        putIf(n, "EmailAddress", c.emailAddress);
        n.put("BankAccountDetails", c.bankAccountDetails);
        putIf(n, "TaxNumber", c.taxNumber);
        putIf(n, "AccountsReceivableTaxType", c.accountsReceivableTaxType);
        putIf(n, "AccountsPayableTaxType", c.accountsPayableTaxType);
        ArrayNode addresses = n.putArray("Addresses");
        for (String type : List.of("STREET", "POBOX")) {
            ObjectNode address = c.addresses.stream().filter(a -> type.equals(a.path("AddressType").asText()))
                    .findFirst().map(ObjectNode::deepCopy).orElseGet(() -> Json.object().put("AddressType", type));
            addresses.add(address);
        }
        ArrayNode phones = n.putArray("Phones");
        for (String type : List.of("DEFAULT", "DDI", "FAX", "MOBILE")) {
            ObjectNode phone = c.phones.stream().filter(p -> type.equals(p.path("PhoneType").asText()))
                    .findFirst().map(ObjectNode::deepCopy).orElseGet(() -> Json.object().put("PhoneType", type)
                            .put("PhoneNumber", "").put("PhoneAreaCode", "").put("PhoneCountryCode", ""));
            phones.add(phone);
        }
        n.put("UpdatedDateUTC", XeroDates.msDateTime(c.updated));
        n.putArray("ContactGroups");
        n.put("IsSupplier", c.supplier);
        n.put("IsCustomer", c.customer);
        putIf(n, "DefaultCurrency", c.defaultCurrency);
        n.putArray("SalesTrackingCategories");
        n.putArray("PurchasesTrackingCategories");
        ArrayNode persons = n.putArray("ContactPersons");
        c.contactPersons.forEach(p -> persons.add(p.deepCopy()));
        n.put("HasAttachments", false);
        n.put("HasValidationErrors", false);
        return n;
    }

    /** The contact as it appears inside an invoice, payment or list summary. */
    static ObjectNode contactSummary(Contact c) {
        ObjectNode n = Json.object();
        n.put("ContactID", c.id.toString());
        putIf(n, "ContactNumber", c.contactNumber);
        n.put("Name", c.name);
        return n;
    }

    /**
     * An invoice, bill or credit note.
     *
     * @param withLines       false for Xero's unpaged lists, which leave LineItems out
     * @param withAttachments true for a single document (GET by id) and the control surface
     */
    static ObjectNode document(Organisation org, Document d, int unitdp, boolean withLines, boolean withAttachments) {
        boolean credit = d.type.isCredit();
        ObjectNode n = Json.object();
        n.put("Type", d.type.name());
        n.put(credit ? "CreditNoteID" : "InvoiceID", (d.id == null ? Ids.ZERO : d.id).toString());
        if (d.number != null) {
            n.put(credit ? "CreditNoteNumber" : "InvoiceNumber", d.number);
        }
        putIf(n, "Reference", d.reference);
        ArrayNode payments = n.putArray("Payments");
        d.payments.stream().filter(Payment::isActive).forEach(p -> payments.add(paymentSummary(p)));
        if (credit) {
            ArrayNode allocations = n.putArray("Allocations");
            d.allocations.forEach(a -> allocations.add(allocationSummary(org, a)));
            n.put("RemainingCredit", d.amountDue());
            n.put("AppliedAmount", d.amountCredited());
        } else {
            ArrayNode creditNotes = n.putArray("CreditNotes");
            d.allocations.forEach(a -> creditNotes.add(creditNoteSummary(org, a)));
            n.putArray("Prepayments");
            n.putArray("Overpayments");
            n.put("AmountDue", d.amountDue());
            n.put("AmountPaid", d.amountPaid());
            n.put("AmountCredited", d.amountCredited());
        }
        n.put("CurrencyRate", new BigDecimal("1.000000"));
        if (!credit) {
            n.put("IsDiscounted", d.totalDiscount.signum() != 0);
        }
        n.put("HasAttachments", !d.attachments.isEmpty());
        n.put("HasErrors", false);
        if (withAttachments) {
            ArrayNode attachments = n.putArray("Attachments");
            d.attachments.values().forEach(a -> attachments.add(attachment(d, a)));
        }
        Contact contact = d.contactId == null ? null : org.contacts.get(d.contactId);
        if (contact != null) {
            n.set("Contact", contactSummary(contact));
        }
        if (d.date != null) {
            n.put("DateString", XeroDates.dateString(d.date));
            n.put("Date", XeroDates.msDate(d.date));
        }
        if (d.dueDate != null) {
            n.put("DueDateString", XeroDates.dateString(d.dueDate));
            n.put("DueDate", XeroDates.msDate(d.dueDate));
        }
        putDate(n, "ExpectedPaymentDate", d.expectedPaymentDate);
        putDate(n, "PlannedPaymentDate", d.plannedPaymentDate);
        n.put("Status", d.status);
        n.put("LineAmountTypes", d.lineAmountTypes);
        if (withLines) {
            ArrayNode lines = n.putArray("LineItems");
            d.lines.forEach(l -> lines.add(line(l, unitdp)));
        }
        n.put("SubTotal", d.subTotal);
        n.put("TotalTax", d.totalTax);
        n.put("Total", d.total);
        if (!credit && d.totalDiscount.signum() != 0) {
            n.put("TotalDiscount", d.totalDiscount);
        }
        if (d.updated != null) {
            n.put("UpdatedDateUTC", XeroDates.msDateTime(d.updated));
            n.put("UpdatedDateUTCString", XeroDates.isoUtc(d.updated));
        }
        n.put("CurrencyCode", d.currencyCode);
        putDate(n, "FullyPaidOnDate", d.fullyPaidOn);
        putIf(n, "Url", d.url);
        if (!credit) {
            n.put("SentToContact", d.sentToContact);
        }
        return n;
    }

    static ObjectNode line(Line l, int unitdp) {
        ObjectNode n = Json.object();
        putIf(n, "ItemCode", l.itemCode);
        if (l.itemId != null) {
            n.putObject("Item").put("ItemID", l.itemId.toString()).put("Name", l.itemName).put("Code", l.itemCode);
        }
        putIf(n, "Description", l.description);
        if (l.unitAmount != null) {
            n.put("UnitAmount", Money.unit(l.unitAmount, unitdp));
        }
        putIf(n, "TaxType", l.taxType);
        n.put("TaxAmount", l.taxAmount);
        n.put("LineAmount", l.lineAmount);
        putIf(n, "AccountCode", l.accountCode);
        if (l.accountId != null) {
            n.put("AccountID", l.accountId.toString());
        }
        ArrayNode tracking = n.putArray("Tracking");
        for (Line.Tracking t : l.tracking) {
            tracking.addObject().put("Name", t.name()).put("Option", t.option())
                    .put("TrackingCategoryID", t.categoryId().toString()).put("TrackingOptionID", t.optionId().toString());
        }
        if (l.quantity != null) {
            n.put("Quantity", Money.quantity(l.quantity));
        }
        if (l.discountRate != null) {
            n.put("DiscountRate", Money.amount(l.discountRate));
        }
        if (l.discountAmount != null) {
            n.put("DiscountAmount", Money.amount(l.discountAmount));
        }
        if (l.id != null) {
            n.put("LineItemID", l.id.toString());
        }
        return n;
    }

    static ObjectNode attachment(Document d, Attachment a) {
        String collection = d.type.isCredit() ? "CreditNotes" : "Invoices";
        ObjectNode n = Json.object();
        n.put("AttachmentID", a.id().toString());
        n.put("FileName", a.fileName());
        n.put("Url", "https://api.xero.com/api.xro/2.0/" + collection + "/" + d.id + "/Attachments/"
                + java.net.URLEncoder.encode(a.fileName(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        n.put("MimeType", a.mimeType());
        n.put("ContentLength", a.content().length);
        if (a.includeOnline()) {
            n.put("IncludeOnline", true);
        }
        return n;
    }

    /** A payment as GET /Payments returns it. */
    static ObjectNode payment(Organisation org, Payment p) {
        ObjectNode n = paymentSummary(p);
        n.put("BankAmount", p.amount);
        n.put("PaymentType", p.paymentType);
        n.put("Status", p.status);
        n.put("UpdatedDateUTC", XeroDates.msDateTime(p.updated));
        n.put("UpdatedDateUTCString", XeroDates.isoUtc(p.updated));
        n.put("IsReconciled", false);
        if (p.batchPaymentId != null) {
            n.put("BatchPaymentID", p.batchPaymentId.toString());
        }
        Account account = org.accounts.get(p.accountId);
        n.putObject("Account").put("AccountID", account.id.toString()).put("Code", account.code);
        Document d = org.invoices.get(p.documentId);
        if (d != null) {
            n.set("Invoice", documentReference(org, d));
        } else {
            d = org.creditNotes.get(p.documentId);
            n.set("CreditNote", documentReference(org, d));
        }
        return n;
    }

    private static ObjectNode paymentSummary(Payment p) {
        ObjectNode n = Json.object();
        n.put("PaymentID", p.id.toString());
        n.put("Date", XeroDates.msDate(p.date));
        n.put("Amount", p.amount);
        putIf(n, "Reference", p.reference);
        n.put("CurrencyRate", new BigDecimal("1.000000"));
        n.put("HasAccount", true);
        n.put("HasValidationErrors", false);
        return n;
    }

    /** The short form of a document inside a payment or allocation. */
    static ObjectNode documentReference(Organisation org, Document d) {
        boolean credit = d.type.isCredit();
        ObjectNode n = Json.object();
        n.put("Type", d.type.name());
        n.put(credit ? "CreditNoteID" : "InvoiceID", d.id.toString());
        if (d.number != null) {
            n.put(credit ? "CreditNoteNumber" : "InvoiceNumber", d.number);
        }
        Contact contact = org.contacts.get(d.contactId);
        if (contact != null) {
            n.set("Contact", contactSummary(contact));
        }
        n.put("Status", d.status);
        n.put("CurrencyCode", d.currencyCode);
        return n;
    }

    static ObjectNode batchPayment(Organisation org, BatchPayment b) {
        ObjectNode n = Json.object();
        Account account = org.accounts.get(b.accountId);
        n.putObject("Account").put("AccountID", account.id.toString()).put("Code", account.code);
        putIf(n, "Reference", b.reference);
        putIf(n, "Details", b.details);
        n.put("BatchPaymentID", b.id.toString());
        n.put("DateString", XeroDates.dateString(b.date));
        n.put("Date", XeroDates.msDate(b.date));
        ArrayNode payments = n.putArray("Payments");
        BigDecimal total = Money.ZERO;
        for (UUID id : b.paymentIds) {
            Payment p = org.payments.get(id);
            ObjectNode pn = paymentSummary(p);
            Document d = org.invoices.get(p.documentId);
            pn.set("Invoice", documentReference(org, d));
            payments.add(pn);
            total = total.add(p.amount);
        }
        n.put("Type", b.type);
        n.put("Status", b.status);
        n.put("TotalAmount", total);
        n.put("UpdatedDateUTC", XeroDates.msDateTime(b.updated));
        n.put("IsReconciled", false);
        return n;
    }

    /** An allocation as a credit note lists it: amount, date and the invoice it went to. */
    static ObjectNode allocationSummary(Organisation org, Allocation a) {
        ObjectNode n = Json.object();
        n.put("AllocationID", a.id().toString());
        n.put("Amount", a.amount());
        n.put("Date", XeroDates.msDate(a.date()));
        n.set("Invoice", documentReference(org, org.invoices.get(a.invoiceId())));
        return n;
    }

    private static ObjectNode creditNoteSummary(Organisation org, Allocation a) {
        Document cn = org.creditNotes.get(a.creditNoteId());
        ObjectNode n = Json.object();
        n.put("CreditNoteID", cn.id.toString());
        if (cn.number != null) {
            n.put("CreditNoteNumber", cn.number);
        }
        n.put("Type", cn.type.name());
        n.put("AppliedAmount", a.amount());
        n.put("Total", cn.total);
        n.put("Status", cn.status);
        return n;
    }

    static ObjectNode allocation(Organisation org, Allocation a) {
        ObjectNode n = allocationSummary(org, a);
        n.set("CreditNote", documentReference(org, org.creditNotes.get(a.creditNoteId())));
        return n;
    }

    private static void putIf(ObjectNode n, String name, String value) {
        if (value != null) {
            n.put(name, value);
        }
    }

    private static void putDate(ObjectNode n, String name, LocalDate value) {
        if (value != null) {
            n.put(name, XeroDates.msDate(value));
        }
    }
}
