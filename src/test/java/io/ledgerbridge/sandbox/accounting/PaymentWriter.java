package io.ledgerbridge.sandbox.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Payments, batch payments and credit-note allocations (FACTS §6, §7): only against AUTHORISED
 * documents, into a BANK account or one with EnablePaymentsToAccount, never more than is outstanding.
 * A document whose amount due reaches zero becomes PAID; removing the money makes it AUTHORISED again.
 */
final class PaymentWriter {

    /** A checked payment, not yet saved. */
    private record Plan(Document document, Account account, LocalDate date, BigDecimal amount, String reference) {
    }

    private final Organisation org;
    private final ChangeListener events;

    PaymentWriter(Organisation org, ChangeListener events) {
        this.org = org;
        this.events = events;
    }

    ElementResult create(JsonNode input) {
        List<String> errors = new ArrayList<>();
        Plan plan = plan(input, null, errors);
        if (!errors.isEmpty()) {
            return new ElementResult(Input.echo(input), errors, List.of());
        }
        Payment payment = apply(plan, null);
        return new ElementResult(Render.payment(org, payment), List.of(), List.of());
    }

    /** POST /Payments/{id} with {"Status":"DELETED"}. */
    ElementResult delete(Payment payment, JsonNode input) {
        List<String> errors = new ArrayList<>();
        String status = Input.text(input, "Status");
        if (!"DELETED".equalsIgnoreCase(status)) {
            errors.add(String.format(Messages.STATUS_INVALID, status));
        } else if (payment.batchPaymentId != null) {
            errors.add(Messages.PAYMENT_IN_BATCH);
        }
        if (errors.isEmpty() && payment.isActive()) {
            remove(payment);
        }
        return new ElementResult(Render.payment(org, payment), errors, List.of());
    }

    /** Pays what is left (or {@code amount}) of an invoice into the default bank account: "Xero" itself acting. */
    Payment payInside(Document doc, BigDecimal amount, LocalDate date) {
        BigDecimal value = amount == null ? doc.amountDue() : Money.amount(amount);
        Plan plan = new Plan(doc, org.defaultBankAccount(), date == null ? org.today() : date, value, "Paid in the sandbox");
        List<String> errors = new ArrayList<>();
        check(plan, errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", errors));
        }
        return apply(plan, null);
    }

    ElementResult createBatch(JsonNode input) {
        List<String> errors = new ArrayList<>();
        Account account = account(Input.get(input, "Account"), errors);
        LocalDate date = Input.date(input, "Date", errors);
        JsonNode payments = Input.get(input, "Payments");
        List<Plan> plans = new ArrayList<>();
        if (payments == null || !payments.isArray() || payments.isEmpty()) {
            errors.add(Messages.BATCH_EMPTY);
        } else {
            for (JsonNode p : payments) {
                Plan plan = plan(p, account, errors);
                if (plan != null) {
                    plans.add(new Plan(plan.document, account, date != null ? date : plan.date, plan.amount,
                            plan.reference));
                }
            }
        }
        long sales = plans.stream().filter(p -> p.document.type.isSales()).count();
        if (sales != 0 && sales != plans.size()) {
            errors.add(Messages.BATCH_MIXED);
        }
        if (!errors.isEmpty() || account == null) {
            return new ElementResult(Input.echo(input), errors, List.of());
        }
        UUID batchId = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        for (Plan plan : plans) {
            ids.add(apply(plan, batchId).id);
        }
        BatchPayment batch = new BatchPayment(batchId, account.id, date != null ? date : org.today(),
                Input.text(input, "Reference"), Input.text(input, "Details"), sales > 0 ? "RECBATCH" : "PAYBATCH", ids);
        batch.updated = org.touch();
        org.batchPayments.put(batch.id, batch);
        return new ElementResult(Render.batchPayment(org, batch), List.of(), List.of());
    }

    ElementResult deleteBatch(BatchPayment batch, JsonNode input) {
        List<String> errors = new ArrayList<>();
        String status = Input.text(input, "Status");
        if (!"DELETED".equalsIgnoreCase(status)) {
            errors.add(String.format(Messages.STATUS_INVALID, status));
        } else if (!"DELETED".equals(batch.status)) {
            batch.paymentIds.forEach(id -> remove(org.payments.get(id)));
            batch.status = "DELETED";
            batch.updated = org.touch();
        }
        return new ElementResult(Render.batchPayment(org, batch), errors, List.of());
    }

    ElementResult allocate(Document creditNote, JsonNode input) {
        List<String> errors = new ArrayList<>();
        Document invoice = null;
        JsonNode invoiceNode = Input.get(input, "Invoice");
        UUID invoiceId = Ids.parse(Input.text(invoiceNode, "InvoiceID"));
        if (invoiceId != null) {
            invoice = org.invoices.get(invoiceId);
        } else if (Input.text(invoiceNode, "InvoiceNumber") != null) {
            invoice = org.invoiceByIdOrNumber(Input.text(invoiceNode, "InvoiceNumber"));
        }
        BigDecimal amount = Input.decimal(input, "Amount", errors);
        LocalDate date = Input.date(input, "Date", errors);
        if (!"AUTHORISED".equals(creditNote.status)) {
            errors.add(Messages.ALLOCATION_NOT_AUTHORISED);
        } else if (invoice == null) {
            errors.add(Messages.PAYMENT_INVOICE_NOT_FOUND);
        } else if (invoice.type.isSales() != creditNote.type.isSales()) {
            errors.add(Messages.ALLOCATION_WRONG_TYPE);
        } else if (invoice.status.equals("PAID")) {
            errors.add(Messages.ALLOCATION_PAID_OFF);
        } else if (!"AUTHORISED".equals(invoice.status)) {
            // Xero allocates to approved invoices only: a draft, one awaiting approval, a voided or deleted one is refused
            errors.add(Messages.ALLOCATION_INVOICE_NOT_AUTHORISED);
        } else if (invoice.amountDue().signum() <= 0) {
            errors.add(Messages.ALLOCATION_PAID_OFF);
        } else if (amount == null || amount.signum() <= 0) {
            errors.add(Messages.ALLOCATION_AMOUNT_POSITIVE);
        } else if (amount.compareTo(invoice.amountDue()) > 0 || amount.compareTo(creditNote.amountDue()) > 0) {
            errors.add(Messages.ALLOCATION_TOO_MUCH);
        }
        if (!errors.isEmpty()) {
            return new ElementResult(Input.echo(input), errors, List.of());
        }
        Allocation allocation = new Allocation(UUID.randomUUID(), creditNote.id, invoice.id, Money.amount(amount),
                date != null ? date : org.today());
        creditNote.allocations.add(allocation);
        invoice.allocations.add(allocation);
        settle(invoice, allocation.date());
        settle(creditNote, allocation.date());
        return new ElementResult(Render.allocation(org, allocation), List.of(), List.of());
    }

    /** Removes the credit note's allocation {@code allocationId}; null when it has none of that id. */
    Allocation unallocate(Document creditNote, UUID allocationId) {
        Allocation allocation = creditNote.allocations.stream().filter(a -> a.id().equals(allocationId)).findFirst()
                .orElse(null);
        if (allocation == null) {
            return null;
        }
        Document invoice = org.invoices.get(allocation.invoiceId());
        reopen(creditNote, allocation);
        if (invoice != null) {
            reopen(invoice, allocation);
        }
        return allocation;
    }

    private Plan plan(JsonNode input, Account batchAccount, List<String> errors) {
        Document doc = document(input, errors);
        Account account = batchAccount != null ? batchAccount : account(Input.get(input, "Account"), errors);
        BigDecimal amount = Input.decimal(input, "Amount", errors);
        LocalDate date = Input.date(input, "Date", errors);
        if (doc == null || account == null) {
            return null;
        }
        Plan plan = new Plan(doc, account, date != null ? date : org.today(), amount, Input.text(input, "Reference"));
        check(plan, errors);
        return plan;
    }

    private void check(Plan plan, List<String> errors) {
        if (plan.account == null || !plan.account.acceptsPayments() || !plan.account.isActive()) {
            errors.add(Messages.PAYMENT_ACCOUNT_TYPE);
        } else if (!"AUTHORISED".equals(plan.document.status)) {
            errors.add(Messages.PAYMENT_NOT_AUTHORISED);
        } else if (plan.amount == null || plan.amount.signum() <= 0) {
            errors.add(Messages.PAYMENT_AMOUNT_POSITIVE);
        } else if (Money.amount(plan.amount).compareTo(plan.document.amountDue()) > 0) {
            errors.add(Messages.PAYMENT_EXCEEDS);
        }
    }

    private Document document(JsonNode input, List<String> errors) {
        JsonNode invoice = Input.get(input, "Invoice");
        JsonNode credit = Input.get(input, "CreditNote");
        Document doc = null;
        if (invoice != null) {
            UUID id = Ids.parse(Input.text(invoice, "InvoiceID"));
            String number = Input.text(invoice, "InvoiceNumber");
            doc = id != null ? org.invoices.get(id) : number != null ? org.invoiceByIdOrNumber(number) : null;
            if (doc == null) {
                errors.add(Messages.PAYMENT_INVOICE_NOT_FOUND);
            }
        } else if (credit != null) {
            UUID id = Ids.parse(Input.text(credit, "CreditNoteID"));
            String number = Input.text(credit, "CreditNoteNumber");
            doc = id != null ? org.creditNotes.get(id) : number != null ? org.creditNoteByNumber(number) : null;
            if (doc == null) {
                errors.add(Messages.CREDIT_NOTE_NOT_FOUND);
            }
        } else {
            errors.add(Messages.PAYMENT_DOCUMENT_MISSING);
        }
        return doc;
    }

    private Account account(JsonNode node, List<String> errors) {
        UUID id = Ids.parse(Input.text(node, "AccountID"));
        String code = Input.text(node, "Code");
        Account account = id != null ? org.accounts.get(id) : code != null ? org.accountByCode(code) : null;
        if (account == null) {
            errors.add(Messages.ACCOUNT_NOT_FOUND);
        }
        return account;
    }

    private Payment apply(Plan plan, UUID batchId) {
        Payment payment = new Payment(UUID.randomUUID(), plan.document.id, plan.account.id, plan.date,
                Money.amount(plan.amount), plan.reference, plan.document.type.paymentType());
        payment.batchPaymentId = batchId;
        payment.updated = org.touch();
        org.payments.put(payment.id, payment);
        plan.document.payments.add(payment);
        settle(plan.document, plan.date);
        return payment;
    }

    private void remove(Payment payment) {
        payment.status = "DELETED";
        payment.updated = org.touch();
        Document doc = org.invoices.containsKey(payment.documentId) ? org.invoices.get(payment.documentId)
                : org.creditNotes.get(payment.documentId);
        if (doc.status.equals("PAID") && doc.amountDue().signum() > 0) {
            doc.status = "AUTHORISED";
            doc.fullyPaidOn = null;
        }
        doc.updated = org.touch();
        DocumentWriter.announce(org, events, doc, "UPDATE");
    }

    /** The allocation no longer counts: what it took is outstanding (or left to credit) again. */
    private void reopen(Document doc, Allocation allocation) {
        doc.allocations.remove(allocation);
        if (doc.status.equals("PAID") && doc.amountDue().signum() > 0) {
            doc.status = "AUTHORISED";
            doc.fullyPaidOn = null;
        }
        doc.updated = org.touch();
        DocumentWriter.announce(org, events, doc, "UPDATE");
    }

    /** PAID once nothing is outstanding; the document's UpdatedDateUTC moves either way. */
    private void settle(Document doc, LocalDate date) {
        if (doc.amountDue().signum() == 0 && doc.status.equals("AUTHORISED")) {
            doc.status = "PAID";
            doc.fullyPaidOn = date;
        }
        doc.updated = org.touch();
        DocumentWriter.announce(org, events, doc, "UPDATE");
    }
}
