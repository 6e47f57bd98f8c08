package io.ledgerbridge.sandbox.accounting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A batch of payments into or out of one bank account (FACTS §7). */
final class BatchPayment {

    final UUID id;
    final UUID accountId;
    final LocalDate date;
    final String reference;
    final String details;
    final String type;
    final List<UUID> paymentIds;
    String status = "AUTHORISED";
    Instant updated;

    BatchPayment(UUID id, UUID accountId, LocalDate date, String reference, String details, String type,
                 List<UUID> paymentIds) {
        this.id = id;
        this.accountId = accountId;
        this.date = date;
        this.reference = reference;
        this.details = details;
        this.type = type;
        this.paymentIds = paymentIds;
    }
}
