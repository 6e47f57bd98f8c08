package io.ledgerbridge.sandbox.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Part of a credit note applied to an invoice of the same side (FACTS §6). */
record Allocation(UUID id, UUID creditNoteId, UUID invoiceId, BigDecimal amount, LocalDate date) {
}
