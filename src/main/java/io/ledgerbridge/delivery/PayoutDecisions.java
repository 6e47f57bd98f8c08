package io.ledgerbridge.delivery;

import io.ledgerbridge.support.FixHints;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What to do with a payout (F24), from its payments and the supplier's sales invoices of those orders as LedgerBridge
 * holds them; no database, no Xero. In this order:
 * <ol>
 *   <li>a payment that can never be applied as sent fails the payout (all such reasons at once): an order with no sales
 *       invoice here, one paid or voided in Xero, in another currency, or paid more than is due;</li>
 *   <li>without a clearing account it waits for the setting;</li>
 *   <li>an invoice recorded but not in Xero yet (not SYNCED), or in Xero but not approved, makes it wait;</li>
 *   <li>else it is sent: one batch payment of all its payments.</li>
 * </ol>
 */
final class PayoutDecisions {

    private PayoutDecisions() {
    }

    /** One invoice the payout pays, as the platform sent it. */
    record Payment(String orderId, String invoiceNumber, BigDecimal amount) {
    }

    /** The payout as the platform sent it. */
    record Payout(String payoutId, String currency, LocalDate paidOn, String reference, List<Payment> payments) {
    }

    /** The supplier's sales invoice (ACCREC) of one order, as LedgerBridge holds it. */
    record Invoice(String orderId, DocumentState state, UUID xeroId, String xeroStatus, String currency,
                   BigDecimal total, BigDecimal amountPaid) {

        BigDecimal due() {
            return total.subtract(amountPaid == null ? BigDecimal.ZERO : amountPaid);
        }
    }

    sealed interface Decision {
    }

    /** One payment of the batch: the Xero invoice and the amount. */
    record Line(UUID invoiceId, BigDecimal amount) {
    }

    /** Every invoice is in Xero and approved: one batch payment of these lines. */
    record Send(List<Line> lines) implements Decision {
    }

    /** Not yet: tried again later. */
    record Wait(String reason, String fixHint) implements Decision {
    }

    /** Never as sent. */
    record Fail(String reason, String fixHint) implements Decision {
    }

    static Decision decide(Payout payout, Map<String, Invoice> invoices, String clearingAccount) {
        List<String> failures = new ArrayList<>();
        List<String> notInXero = new ArrayList<>();
        List<String> notApproved = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (Payment payment : payout.payments()) {
            String order = "order " + payment.orderId();
            Invoice invoice = invoices.get(payment.orderId());
            if (invoice == null) {
                failures.add(order + " has no sales invoice in LedgerBridge for this workspace");
                continue;
            }
            if (!invoice.currency().equals(payout.currency())) {
                failures.add(order + " is in " + invoice.currency() + ", the payout in " + payout.currency());
                continue;
            }
            String status = invoice.xeroStatus();
            if (invoice.state() == DocumentState.PAID || invoice.state() == DocumentState.LOCKED || "PAID".equals(status)) {
                failures.add(order + " is already paid in Xero");
                continue;
            }
            if (invoice.state() == DocumentState.VOIDED || "VOIDED".equals(status) || "DELETED".equals(status)) {
                failures.add(order + " is voided in Xero");
                continue;
            }
            if (payment.amount().compareTo(invoice.due()) > 0) {
                failures.add("the payout pays " + payment.amount().toPlainString() + " on " + order + ", which has "
                        + invoice.due().toPlainString() + " due");
                continue;
            }
            if (invoice.state() != DocumentState.SYNCED || invoice.xeroId() == null) {
                notInXero.add(payment.orderId() + " (" + invoice.state() + ")");
            } else if (!"AUTHORISED".equals(status)) {
                notApproved.add(payment.orderId() + " (" + (status == null ? "status not known" : status) + ")");
            } else {
                lines.add(new Line(invoice.xeroId(), payment.amount()));
            }
        }
        if (!failures.isEmpty()) {
            return new Fail("The payout cannot be applied: " + String.join("; ", failures) + ".",
                    FixHints.correctThePayout(payout.payoutId()));
        }
        if (clearingAccount == null || clearingAccount.isBlank()) {
            return new Wait("The payout waits for a clearing account: the workspace has none to take the batch payment.",
                    FixHints.PAYOUT_AWAITS_CLEARING_ACCOUNT);
        }
        if (!notInXero.isEmpty()) {
            return new Wait("The payout waits for invoices not in Xero yet: " + String.join(", ", notInXero) + ".",
                    FixHints.PAYOUT_AWAITS_INVOICES);
        }
        if (!notApproved.isEmpty()) {
            return new Wait("The payout waits for invoices not approved in Xero: " + String.join(", ", notApproved)
                    + "; Xero takes payments only on approved invoices.", FixHints.PAYOUT_AWAITS_APPROVAL);
        }
        return new Send(List.copyOf(lines));
    }

    /** What an invoice is once a payment of the applied payout is on it: its state, Xero status and amount paid. */
    record Settled(DocumentState state, String xeroStatus, BigDecimal amountPaid) {
    }

    /**
     * An invoice of {@code total}, with {@code amountPaid} on it before, once {@code amount} more is paid: PAID when
     * nothing is left due (as Xero marks it), else still SYNCED and AUTHORISED, part paid: as the invoice status pull
     * would find it.
     */
    static Settled settle(BigDecimal total, BigDecimal amountPaid, BigDecimal amount) {
        BigDecimal paid = (amountPaid == null ? BigDecimal.ZERO : amountPaid).add(amount);
        return paid.compareTo(total) >= 0 ? new Settled(DocumentState.PAID, "PAID", paid)
                : new Settled(DocumentState.SYNCED, "AUTHORISED", paid);
    }
}
