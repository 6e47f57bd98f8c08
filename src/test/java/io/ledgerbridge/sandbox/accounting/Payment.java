package io.ledgerbridge.sandbox.accounting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A payment against an invoice or bill, or a refund of a credit note (FACTS §7). */
final class Payment {

    final UUID id;
    final UUID documentId;
    final UUID accountId;
    final LocalDate date;
    final BigDecimal amount;
    final String reference;
    final String paymentType;
    UUID batchPaymentId;
    String status = "AUTHORISED";
    Instant updated;

    Payment(UUID id, UUID documentId, UUID accountId, LocalDate date, BigDecimal amount, String reference,
            String paymentType) {
        this.id = id;
        this.documentId = documentId;
        this.accountId = accountId;
        this.date = date;
        this.amount = amount;
        this.reference = reference;
        this.paymentType = paymentType;
    }

    boolean isActive() {
        return "AUTHORISED".equals(status);
    }
}
