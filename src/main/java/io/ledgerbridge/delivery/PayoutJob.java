package io.ledgerbridge.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerbridge.connection.NeedsReconnectException;
import io.ledgerbridge.connection.TokenService;
import io.ledgerbridge.connection.TokenUnavailableException;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.delivery.PayoutDecisions.Decision;
import io.ledgerbridge.delivery.PayoutDecisions.Fail;
import io.ledgerbridge.delivery.PayoutDecisions.Invoice;
import io.ledgerbridge.delivery.PayoutDecisions.Line;
import io.ledgerbridge.delivery.PayoutDecisions.Payment;
import io.ledgerbridge.delivery.PayoutDecisions.Payout;
import io.ledgerbridge.delivery.PayoutDecisions.Send;
import io.ledgerbridge.delivery.PayoutDecisions.Wait;
import io.ledgerbridge.delivery.PayoutRepository.DuePayout;
import io.ledgerbridge.support.FixHints;
import io.ledgerbridge.workspace.WorkspaceRepository;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.xero.PacedXero;
import io.ledgerbridge.xero.Priority;
import io.ledgerbridge.xero.XeroFailure;
import io.ledgerbridge.xero.XeroJson;
import io.ledgerbridge.xero.XeroReply;
import io.ledgerbridge.xero.XeroRequest;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Platform payouts (F24) to Xero: each payout still to apply becomes one {@code PUT /BatchPayments} on the supplier's
 * clearing account (Date = paidOn, Reference = reference), once {@link PayoutDecisions} finds every invoice it pays in
 * Xero and approved. Exactly once: the row says SENT before the call goes, so a payout whose answer never came (a
 * timeout, a 5xx, a crash) is looked for among Xero's batch payments ({@code GET /BatchPayments}, by reference, since
 * it was sent) before anything is sent again; the Idempotency-Key is stable per workspace, payout and attempt, so a
 * resend of the same attempt is Xero's replay. No transaction is open while Xero is called (each write stands alone),
 * every call is paced at push priority on the workspace's connection. The {@code payouts} route runs it on a timer.
 */
@Component("payoutJob")
class PayoutJob {

    /** Payouts taken in one tick. */
    static final int BATCH = 20;
    /** How long a tick holds the payouts it took: longer than its calls can take. */
    static final Duration HOLD = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(PayoutJob.class);

    private final PayoutRepository payouts;
    private final WorkspaceRepository workspaces;
    private final TokenService tokens;
    private final PacedXero xero;
    private final XeroJson xeroJson;
    private final Clock clock;
    private final Duration waitRetry;
    private final StatusEvents events;
    private final TransactionTemplate transaction;

    PayoutJob(PayoutRepository payouts, WorkspaceRepository workspaces, TokenService tokens, PacedXero xero,
              XeroJson xeroJson, Clock clock, @Value("${ledgerbridge.payouts.wait-retry-ms:10000}") long waitRetryMs,
              StatusEvents events, PlatformTransactionManager transactions) {
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.payouts = payouts;
        this.workspaces = workspaces;
        this.tokens = tokens;
        this.xero = xero;
        this.xeroJson = xeroJson;
        this.clock = clock;
        this.waitRetry = Duration.ofMillis(waitRetryMs);
    }

    /** The timer's step: every payout due now, each on its own; how many were looked at. */
    public int applyDue() {
        List<DuePayout> due = payouts.claimDue(BATCH, HOLD);
        for (DuePayout payout : due) {
            try {
                apply(payout);
            } catch (RuntimeException e) {
                // a fault of ours with this payout: it stays as it was (a SENT one is still looked up first), later
                log.warn("Workspace {}: payout {} is tried again later: {}", payout.workspaceId(), payout.payoutId(),
                        e.toString(), e);
                payouts.notApplied(payout, payout.state(), "The payout could not be applied (" + e.getMessage()
                        + "); it is tried again.", FixHints.REPORT_THE_FAULT, backoff(payout.attempts() + 3));
            }
        }
        return due.size();
    }

    void apply(DuePayout due) {
        Payout payout = read(due.payloadJson());
        Map<String, Invoice> invoices = payouts.invoices(due.workspaceId(),
                payout.payments().stream().map(Payment::orderId).toList());
        if (due.state() == PayoutState.SENT) {
            XeroConnection connection = connection(due);
            if (connection == null) {
                return;
            }
            Optional<Boolean> found = lookUp(due, payout, invoices, connection);
            if (found.isEmpty() || found.get()) {
                return; // applied, or not known yet: nothing is sent before Xero says it has none
            }
        }
        WorkspaceSettings settings = workspaces.settings(due.workspaceId()).orElse(null);
        Decision decision = PayoutDecisions.decide(payout, invoices, settings == null ? null : settings.clearingAccount());
        if (decision instanceof Fail fail) {
            failed(due, fail.reason(), fail.fixHint(), due.attempts());
        } else if (decision instanceof Wait wait) {
            payouts.notApplied(due, PayoutState.WAITING, wait.reason(), wait.fixHint(), clock.instant().plus(waitRetry));
        } else if (decision instanceof Send send) {
            XeroConnection connection = connection(due);
            if (connection != null) {
                send(due, payout, send.lines(), settings.clearingAccount(), connection);
            }
        }
    }

    /** The workspace's connection, or null when there is none to use now (the payout then waits, saying why). */
    private XeroConnection connection(DuePayout due) {
        try {
            return tokens.connection(due.workspaceId());
        } catch (NeedsReconnectException e) {
            payouts.notApplied(due, due.state() == PayoutState.SENT ? PayoutState.SENT : PayoutState.WAITING,
                    "The payout waits for the Xero connection: " + e.getMessage(), FixHints.PAYOUT_AWAITS_CONNECTION,
                    clock.instant().plus(waitRetry));
        } catch (TokenUnavailableException e) {
            payouts.notApplied(due, due.state(), "Xero could not be reached for the payout (" + e.getMessage()
                    + "); it is tried again.", null, backoff(due.attempts()));
        }
        return null;
    }

    private void send(DuePayout due, Payout payout, List<Line> lines, String clearingAccount, XeroConnection connection) {
        List<Map<String, Object>> payments = new ArrayList<>();
        for (Line line : lines) {
            payments.add(Map.of("Invoice", Map.of("InvoiceID", line.invoiceId()), "Amount", line.amount()));
        }
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("Account", Map.of("Code", clearingAccount));
        batch.put("Date", payout.paidOn().toString());
        batch.put("Reference", payout.reference());
        batch.put("Payments", payments);
        String body = xeroJson.write(Map.of("BatchPayments", List.of(batch)));
        Optional<Integer> sending = payouts.sending(due);
        if (sending.isEmpty()) {
            log.warn("Workspace {}: payout {} was taken by another tick after this one's hold ran out; not sent from here",
                    due.workspaceId(), due.payoutId());
            return;
        }
        int attempt = sending.get();
        String key = key(due.workspaceId(), due.payoutId(), attempt);
        XeroReply reply = xero.reply(connection, XeroRequest.write(due.workspaceId(), "PUT", "/BatchPayments", null,
                body, key), Priority.PUSH);
        if (reply instanceof XeroReply.Ok ok) {
            UUID id = batchPaymentId(xeroJson.tree(ok.response().body()).path("BatchPayments").path(0));
            if (id == null) {
                payouts.notApplied(due, PayoutState.SENT, "Xero's answer named no batch payment; it is looked up"
                        + " before anything is sent again.", null, backoff(attempt));
            } else {
                applied(due, id, lines);
            }
            return;
        }
        notSent(due, reply, attempt);
    }

    /** What a PUT that got no 2xx leaves: looked up first where Xero may have done it, else as it was. */
    private void notSent(DuePayout due, XeroReply reply, int attempt) {
        Instant later = backoff(attempt);
        if (reply instanceof XeroReply.Refused refused) {
            XeroFailure failure = refused.failure();
            switch (failure.kind()) {
                case THROTTLED -> payouts.notApplied(due, PayoutState.PENDING, "Xero's rate limit: the payout goes"
                        + " when it allows.", null, clock.instant().plus(failure.retryAfter() != null
                        ? failure.retryAfter() : Duration.ofSeconds(60)));
                case REJECTED -> failed(due, "Xero refused the batch payment: "
                        + (failure.messages() == null || failure.messages().isEmpty() ? failure.detail()
                        : String.join(" ", failure.messages())), FixHints.checkThePayoutInXero(due.payoutId()), attempt);
                case NEEDS_RECONNECT -> payouts.notApplied(due, PayoutState.WAITING, "The payout waits for the Xero"
                        + " connection: " + failure.detail(), FixHints.PAYOUT_AWAITS_CONNECTION, clock.instant().plus(waitRetry));
                default -> payouts.notApplied(due, PayoutState.SENT, "Xero answered " + failure.status()
                        + " to the batch payment; it may hold it, so it is looked up before anything is sent again.",
                        null, later);
            }
        } else if (reply instanceof XeroReply.NoAnswer noAnswer && noAnswer.mayHaveReachedXero()) {
            payouts.notApplied(due, PayoutState.SENT, "No answer from Xero (" + noAnswer.error() + "); the batch"
                    + " payment is looked up before anything is sent again.", null, later);
        } else if (reply instanceof XeroReply.NotSent notSent) {
            payouts.notApplied(due, PayoutState.PENDING, null, null, notSent.notBefore());
        } else if (reply instanceof XeroReply.Reconnect reconnect) {
            payouts.notApplied(due, PayoutState.WAITING, "The payout waits for the Xero connection: " + reconnect.reason(),
                    FixHints.PAYOUT_AWAITS_CONNECTION, clock.instant().plus(waitRetry));
        } else {
            String error = reply instanceof XeroReply.NoAnswer noAnswer ? noAnswer.error()
                    : reply instanceof XeroReply.Unavailable unavailable ? unavailable.error() : reply.toString();
            payouts.notApplied(due, PayoutState.PENDING, "Xero could not be reached (" + error + "); it is tried again.",
                    null, later);
        }
    }

    /**
     * Looks for the payout among the workspace's batch payments in Xero (its reference, changed since it was sent):
     * one that is not deleted, with its date and exactly its invoices, is it.
     *
     * @return true when found (and now APPLIED), false when Xero has none, empty when Xero could not be read now
     */
    private Optional<Boolean> lookUp(DuePayout due, Payout payout, Map<String, Invoice> invoices, XeroConnection connection) {
        String query = payout.reference().contains("\"") ? null
                : "where=" + URLEncoder.encode("Reference==\"" + payout.reference() + "\"", StandardCharsets.UTF_8)
                        .replace("+", "%20");
        XeroRequest request = XeroRequest.get(due.workspaceId(), "/BatchPayments", query);
        if (due.sentAt() != null) {
            request = request.ifModifiedSince(due.sentAt().minus(Duration.ofMinutes(1)));
        }
        XeroReply reply = xero.reply(connection, request, Priority.PUSH);
        if (!(reply instanceof XeroReply.Ok ok)) {
            payouts.notApplied(due, PayoutState.SENT, "Xero's batch payments could not be read to find the payout ("
                    + reply + "); it is looked up again before anything is sent.", null, backoff(due.attempts()));
            return Optional.empty();
        }
        Set<UUID> wanted = new HashSet<>();
        payout.payments().forEach(payment -> {
            Invoice invoice = invoices.get(payment.orderId());
            if (invoice != null && invoice.xeroId() != null) {
                wanted.add(invoice.xeroId());
            }
        });
        for (JsonNode batch : xeroJson.tree(ok.response().body()).path("BatchPayments")) {
            if (matches(batch, payout, wanted)) {
                UUID id = batchPaymentId(batch);
                log.info("Workspace {}: payout {} found in Xero as batch payment {}, not sent again", due.workspaceId(),
                        due.payoutId(), id);
                List<Line> lines = new ArrayList<>();
                payout.payments().forEach(payment -> {
                    Invoice invoice = invoices.get(payment.orderId());
                    if (invoice != null && invoice.xeroId() != null) {
                        lines.add(new Line(invoice.xeroId(), payment.amount()));
                    }
                });
                applied(due, id, lines);
                return Optional.of(true);
            }
        }
        return Optional.of(false);
    }

    /**
     * APPLIED, and in the same short transaction what it made of each invoice it paid (PAID, or part paid with the
     * amount paid), stored on the documents and told on xero.sync.status as the invoice status pull tells it. A
     * document a delivery pass holds right now is left to the pull. Nothing if this tick no longer holds the payout.
     */
    private void applied(DuePayout due, UUID batchPaymentId, List<Line> lines) {
        Map<UUID, BigDecimal> paid = new LinkedHashMap<>();
        lines.forEach(line -> paid.merge(line.invoiceId(), line.amount(), BigDecimal::add));
        List<Outbox.Row> told = transaction.execute(status -> {
            if (!payouts.applied(due, batchPaymentId)) {
                log.warn("Workspace {}: payout {} was taken by another tick after this one's hold ran out; its outcome"
                        + " is left to that tick", due.workspaceId(), due.payoutId());
                return List.of();
            }
            List<SyncStatusEvent> changes = new ArrayList<>();
            for (PayoutRepository.PaidInvoice invoice : payouts.paidInvoices(due.workspaceId(), paid.keySet())) {
                if (invoice.claimed()) {
                    continue;
                }
                PayoutDecisions.Settled settled = PayoutDecisions.settle(invoice.total(), invoice.amountPaid(),
                        paid.get(invoice.xeroId()));
                if (payouts.storePaid(due.workspaceId(), invoice, settled.state(), settled.xeroStatus(),
                        settled.amountPaid())) {
                    changes.add(new SyncStatusEvent(due.workspaceId(), invoice.documentId(), invoice.orderId(),
                            invoice.xeroType(), invoice.version(), settled.state().name(), null, invoice.xeroId(),
                            settled.xeroStatus(), null, null, clock.instant(), settled.amountPaid()));
                }
            }
            return events.told(changes);
        });
        log.info("Workspace {}: payout {} applied as batch payment {}; {} invoice change(s) told", due.workspaceId(),
                due.payoutId(), batchPaymentId, told == null ? 0 : told.size());
    }

    /**
     * FAILED, and in the same short transaction its dead letter (the payout as the platform sent it, the reason, the
     * batch payments sent for it), published on xero.sync.dlq. Nothing if this tick no longer holds the payout.
     */
    private void failed(DuePayout due, String reason, String fixHint, int attempts) {
        log.info("Workspace {}: payout {} failed: {}", due.workspaceId(), due.payoutId(), reason);
        transaction.executeWithoutResult(status -> {
            if (payouts.notApplied(due, PayoutState.FAILED, reason, fixHint, clock.instant())) {
                events.payoutFailed(due.workspaceId(), due.payoutId(), due.eventId(), due.payloadJson(), reason, fixHint,
                        attempts);
            }
        });
    }

    static boolean matches(JsonNode batch, Payout payout, Set<UUID> invoiceIds) {
        if ("DELETED".equals(batch.path("Status").asText()) || !payout.reference().equals(batch.path("Reference").asText())
                || batchPaymentId(batch) == null) {
            return false;
        }
        String date = batch.path("DateString").asText("");
        if (!date.isEmpty() && !date.startsWith(payout.paidOn().toString())) {
            return false;
        }
        Set<UUID> paid = new HashSet<>();
        for (JsonNode payment : batch.path("Payments")) {
            String id = payment.path("Invoice").path("InvoiceID").asText(null);
            if (id != null) {
                paid.add(UUID.fromString(id));
            }
        }
        return paid.equals(invoiceIds);
    }

    private static UUID batchPaymentId(JsonNode batch) {
        String id = batch.path("BatchPaymentID").asText(null);
        return id == null || id.isBlank() ? null : UUID.fromString(id);
    }

    /** Stable per workspace, payout and attempt: a resend of one attempt is a replay; a new attempt, a new key. */
    static String key(String workspaceId, String payoutId, int attempt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((workspaceId + "|" + payoutId + "|" + attempt).getBytes(StandardCharsets.UTF_8));
            return "lb-payout-" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant backoff(int attempts) {
        return clock.instant().plusSeconds(Math.min(600, 2L << Math.min(Math.max(attempts, 0), 8)));
    }

    private Payout read(String payloadJson) {
        JsonNode data = xeroJson.tree(payloadJson);
        List<Payment> payments = new ArrayList<>();
        for (JsonNode payment : data.path("payments")) {
            payments.add(new Payment(payment.path("orderId").asText(), payment.path("invoiceNumber").asText(null),
                    new BigDecimal(payment.path("amount").asText())));
        }
        return new Payout(data.path("payoutId").asText(), data.path("currency").asText(),
                LocalDate.parse(data.path("paidOn").asText()), data.path("reference").asText(), List.copyOf(payments));
    }
}
