package io.ledgerbridge.sandbox.accounting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An invoice, bill or credit note. The totals are derived from the lines by {@link LineMath}; what is
 * paid or credited is derived from the payments and allocations that point at it.
 */
final class Document {

    UUID id;
    DocumentType type;
    UUID contactId;
    LocalDate date;
    LocalDate dueDate;
    LocalDate expectedPaymentDate;
    LocalDate plannedPaymentDate;
    String status = "DRAFT";
    String lineAmountTypes = "Exclusive";
    String number;
    String reference;
    String url;
    String currencyCode = "AUD";
    boolean sentToContact;
    List<Line> lines = new ArrayList<>();
    BigDecimal subTotal = Money.ZERO;
    BigDecimal totalTax = Money.ZERO;
    BigDecimal total = Money.ZERO;
    BigDecimal totalDiscount = Money.ZERO;
    final List<Payment> payments = new ArrayList<>();
    /** Allocations of credit to this invoice, or from this credit note. */
    final List<Allocation> allocations = new ArrayList<>();
    LocalDate fullyPaidOn;
    Instant updated;
    final Map<String, Attachment> attachments = new LinkedHashMap<>();

    BigDecimal amountPaid() {
        return payments.stream().filter(Payment::isActive).map(p -> p.amount).reduce(Money.ZERO, BigDecimal::add);
    }

    BigDecimal amountCredited() {
        return allocations.stream().map(Allocation::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    /** AmountDue for an invoice; RemainingCredit for a credit note. */
    BigDecimal amountDue() {
        if (status.equals("VOIDED") || status.equals("DELETED")) {
            return Money.ZERO;
        }
        return total.subtract(amountPaid()).subtract(amountCredited());
    }

    boolean hasMoneyApplied() {
        return amountPaid().signum() != 0 || amountCredited().signum() != 0;
    }

    /** A shallow working copy whose lines can be replaced without touching the stored document. */
    Document copy() {
        Document c = new Document();
        c.id = id;
        c.type = type;
        c.contactId = contactId;
        c.date = date;
        c.dueDate = dueDate;
        c.expectedPaymentDate = expectedPaymentDate;
        c.plannedPaymentDate = plannedPaymentDate;
        c.status = status;
        c.lineAmountTypes = lineAmountTypes;
        c.number = number;
        c.reference = reference;
        c.url = url;
        c.currencyCode = currencyCode;
        c.sentToContact = sentToContact;
        c.lines = new ArrayList<>(lines);
        c.subTotal = subTotal;
        c.totalTax = totalTax;
        c.total = total;
        c.totalDiscount = totalDiscount;
        c.payments.addAll(payments);
        c.allocations.addAll(allocations);
        c.fullyPaidOn = fullyPaidOn;
        c.updated = updated;
        c.attachments.putAll(attachments);
        return c;
    }

    /** Takes over every field of a validated working copy and returns itself. */
    Document assignAndReturn(Document c) {
        type = c.type;
        contactId = c.contactId;
        date = c.date;
        dueDate = c.dueDate;
        expectedPaymentDate = c.expectedPaymentDate;
        plannedPaymentDate = c.plannedPaymentDate;
        status = c.status;
        lineAmountTypes = c.lineAmountTypes;
        number = c.number;
        reference = c.reference;
        url = c.url;
        currencyCode = c.currencyCode;
        sentToContact = c.sentToContact;
        lines = c.lines;
        subTotal = c.subTotal;
        totalTax = c.totalTax;
        total = c.total;
        totalDiscount = c.totalDiscount;
        return this;
    }
}
