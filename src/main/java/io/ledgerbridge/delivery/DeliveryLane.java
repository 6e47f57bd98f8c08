package io.ledgerbridge.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerbridge.coding.CodingResult;
import io.ledgerbridge.coding.CodingResult.Problem;
import io.ledgerbridge.coding.DocumentCoder;
import io.ledgerbridge.coding.Mappings;
import io.ledgerbridge.coding.Mappings.Direction;
import io.ledgerbridge.coding.Organisation;
import io.ledgerbridge.connection.NeedsReconnectException;
import io.ledgerbridge.connection.NotConnectedException;
import io.ledgerbridge.connection.TokenService;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.delivery.pacing.Priority;
import io.ledgerbridge.mapping.MappingRepository;
import io.ledgerbridge.order.OrderDocument;
import io.ledgerbridge.workspace.Workspace;
import io.ledgerbridge.workspace.WorkspaceRepository;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.xero.XeroDocument;
import io.ledgerbridge.xero.XeroFailure;
import io.ledgerbridge.xero.XeroInvoice;
import io.ledgerbridge.xero.XeroJson;
import io.ledgerbridge.xero.XeroMessage;
import io.ledgerbridge.xero.XeroRequest;
import io.ledgerbridge.xero.XeroResponse;
import io.ledgerbridge.xero.XeroUnreachableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass of a workspace's delivery lane: claim up to 50 due documents, code them, resolve their
 * contacts, send them to Xero in one call per collection ({@code POST /Invoices?summarizeErrors=false} for
 * invoices and bills, {@code POST /CreditNotes?summarizeErrors=false} for credit notes) and give each
 * element's outcome to its own document. Returns the state changes for xero.sync.status.
 * <p>
 * Exactly once: the call carries an Idempotency-Key derived from the documents and versions it carries;
 * a document whose write got no answer is looked up in Xero (by number and contact, then by its Url, or
 * for a credit note by its type) before it is sent again; the Xero id is stored as soon as an answer names it.
 */
@Component("deliveryLane")
public class DeliveryLane {

    /** Xero advises about 50 elements per request (FACTS.md §3). */
    static final int MAX_BATCH = 50;
    /** What a person does about each reason a workspace's documents wait. */
    private static final Map<String, String> FIXES = Map.of(
            "NOT_CONNECTED", "Connect Xero (POST /api/v1/workspaces/{ws}/xero/connect): the waiting documents then go by themselves.",
            "NEEDS_RECONNECT", "Connect Xero again: the waiting documents then go by themselves.",
            "SYNC_OFF", "Turn invoice push on in the workspace settings to send them.",
            "MANUAL_SYNC", "Start a sync (POST /api/v1/workspaces/{ws}/sync/invoice-push), or turn automatic sync on.");
    private static final Logger log = LoggerFactory.getLogger(DeliveryLane.class);

    private final DeliveryRepository documents;
    private final TokenService tokens;
    private final WorkspaceRepository workspaces;
    private final MappingRepository mappings;
    private final OrganisationCache organisations;
    private final ContactResolver contacts;
    private final PacedXero xero;
    private final PlanQuota quota;
    private final LaneDispatcher dispatcher;
    private final ObjectMapper json;
    private final XeroJson xeroJson;
    private final Clock clock;
    private final String documentUrl;
    private final Duration pacingWindow;
    private final int batchSize;
    private final Duration lease;
    private final TransactionTemplate transaction;

    public DeliveryLane(DeliveryRepository documents, TokenService tokens, WorkspaceRepository workspaces,
                        MappingRepository mappings, OrganisationCache organisations, ContactResolver contacts,
                        PacedXero xero, PlanQuota quota, LaneDispatcher dispatcher, ObjectMapper json, XeroJson xeroJson,
                        Clock clock,
                        @Value("${ledgerbridge.delivery.document-url}") String documentUrl,
                        @Value("${ledgerbridge.delivery.batch-size:50}") int batchSize,
                        @Value("${ledgerbridge.delivery.claim-lease-seconds:120}") long leaseSeconds,
                        io.ledgerbridge.delivery.pacing.PacingSettings pacing, TransactionTemplate transaction) {
        this.transaction = transaction;
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("ledgerbridge.delivery.batch-size must be 1 to " + MAX_BATCH + ", was " + batchSize);
        }
        this.batchSize = batchSize;
        this.lease = Duration.ofSeconds(leaseSeconds);
        this.documents = documents;
        this.tokens = tokens;
        this.workspaces = workspaces;
        this.mappings = mappings;
        this.organisations = organisations;
        this.contacts = contacts;
        this.xero = xero;
        this.quota = quota;
        this.dispatcher = dispatcher;
        this.json = json;
        this.xeroJson = xeroJson;
        this.clock = clock;
        this.documentUrl = documentUrl;
        this.pacingWindow = pacing.window();
    }

    /** A document coded, before its contact is known. */
    private record Coded(DueDocument due, OrderDocument document, CodingResult coding, OrderDocument.Party party) {
    }

    /** A document coded and with its contact, before the look-up of unknown outcomes. */
    private record Prepared(DueDocument due, OrderDocument document, CodingResult coding, UUID contactId) {
    }

    /** A document on its way: the claim, its snapshot, and (once built) the invoice or credit note to send. */
    private record Work(DueDocument due, OrderDocument document, CodingResult coding, XeroDocument element) {
    }

    /** One pass; the lane is free for the next pass when it returns, whatever happened. */
    public List<SyncStatusEvent> run(String workspaceId) {
        try {
            return pass(workspaceId);
        } finally {
            dispatcher.release(workspaceId);
        }
    }

    private List<SyncStatusEvent> pass(String workspaceId) {
        List<SyncStatusEvent> events = new ArrayList<>();
        WorkspaceSettings settings = workspaces.settings(workspaceId).orElseThrow();
        if (!settings.modules().invoicePush()) {
            park(workspaceId, "SYNC_OFF", "Invoice sync is off for this workspace.", events);
            return events;
        }
        if (!settings.automaticSync()) {
            park(workspaceId, "MANUAL_SYNC", "Automatic sync is off: documents go when a sync is started.", events);
            return events;
        }
        XeroConnection connection;
        try {
            connection = tokens.connection(workspaceId);
        } catch (NotConnectedException e) {
            park(workspaceId, "NOT_CONNECTED", e.getMessage(), events);
            return events;
        } catch (NeedsReconnectException e) {
            park(workspaceId, "NEEDS_RECONNECT", e.getMessage(), events);
            return events;
        }
        List<DueDocument> claimed = documents.claim(workspaceId, batchSize, lease);
        if (claimed.isEmpty()) {
            return events;
        }
        try {
            deliver(connection, settings, claimed, events);
        } catch (ThrottledException e) {
            claimed.forEach(due -> documents.retryLater(due, e.notBefore(), false, null));
        } catch (NeedsReconnectException e) {
            claimed.forEach(documents::release);
            park(workspaceId, "NEEDS_RECONNECT", e.getMessage(), events);
        } catch (XeroAnswerException e) {
            handleCallFailure(connection, claimed, e.failure(), events);
        } catch (XeroUnreachableException e) {
            Instant next = backoff(claimed);
            claimed.forEach(due -> documents.retryLater(due, next, e.outcomeUnknown(),
                    "Sync unsuccessful (temporary): " + e.getMessage()));
        } catch (RuntimeException e) {
            // A fault of ours: the documents still claimed go back (with backoff) instead of waiting out the lease,
            // and the failure is logged by the route's error handler.
            Instant next = backoff(claimed);
            claimed.forEach(due -> documents.retryLater(due, next, false, "Sync unsuccessful (LedgerBridge fault): " + e));
            throw e;
        }
        return events;
    }

    private void deliver(XeroConnection connection, WorkspaceSettings settings, List<DueDocument> claimed,
                         List<SyncStatusEvent> events) {
        String workspaceId = connection.workspaceId();
        Workspace workspace = workspaces.find(workspaceId).orElseThrow();
        Mappings memory = mappings.load(workspaceId);
        Organisation organisation = organisations.get(connection);
        int quotaLeft = quota.remaining(workspace);

        List<Coded> coded = new ArrayList<>();
        for (DueDocument due : claimed) {
            OrderDocument document = read(due.payload());
            if (due.cancelled() && due.xeroId() == null && !due.outcomeUnknown()) {
                documents.delivered(due, null, null, "VOIDED", null, null, null);
                events.add(event(due, "VOIDED", null, null, null, null, null));
                continue;
            }
            Direction direction = due.sales() ? Direction.SALES : Direction.PURCHASES;
            CodingResult coding = DocumentCoder.code(new DocumentCoder.Request(document, direction, settings, memory, organisation,
                    "ACCREC".equals(due.xeroType())));
            if (!coding.sendable()) {
                Problem problem = coding.problems().get(0);
                settle(due, "FAILED", null, problem.message(), problem.fixHint(), events);
                continue;
            }
            if (due.xeroId() == null && !due.cancelled()) {
                if (quotaLeft <= 0) {
                    settle(due, "OVER_QUOTA", null, "Over the plan's quota of " + PlanQuota.FREE_PER_MONTH
                            + " synced invoices this month.", "Upgrade to Pro, or it goes at the start of next month.", events);
                    continue;
                }
                quotaLeft--;
            }
            coded.add(new Coded(due, document, coding, direction == Direction.SALES ? document.buyer() : document.supplier()));
        }
        Map<String, ContactResolver.Resolution> resolved = coded.isEmpty() ? Map.of()
                : contacts.resolveAll(connection, coded.stream().map(Coded::party).toList(), settings);
        List<Prepared> prepared = new ArrayList<>();
        for (Coded item : coded) {
            ContactResolver.Resolution contact = resolved.get(ContactMatcher.partyKey(item.party()));
            if (contact.problem() != null) {
                settle(item.due(), "FAILED", null, contact.problem(), contact.fixHint(), events);
                continue;
            }
            prepared.add(new Prepared(item.due(), item.document(), item.coding(), contact.contactId()));
        }
        Map<UUID, DueDocument> found = new HashMap<>();
        for (XeroEndpoint endpoint : XeroEndpoint.values()) {
            found.putAll(lookUpUnknownOutcomes(connection, endpoint, prepared));
        }
        List<Work> sending = new ArrayList<>();
        for (Prepared ready : prepared) {
            DueDocument current = found.getOrDefault(ready.due().documentId(), ready.due());
            XeroDocument element = current.creditNote()
                    ? CreditNoteBuilder.build(current, ready.document(), ready.coding(), ready.contactId(), settings)
                    : current.cancelled() ? cancellation(current)
                    : InvoiceBuilder.build(current, ready.document(), ready.coding(), ready.contactId(), settings,
                            documentUrl.replace("{documentId}", current.documentId().toString()));
            sending.add(new Work(current, ready.document(), ready.coding(), element));
        }
        if (!sending.isEmpty()) {
            send(connection, organisation, settings, sending, events);
        }
    }

    /** Cancelling: a draft or submitted document is deleted, an approved one voided (FACTS.md §5). */
    private static XeroInvoice cancellation(DueDocument due) {
        String status = "AUTHORISED".equals(due.xeroStatus()) ? "VOIDED" : "DELETED";
        return XeroInvoice.outgoing(due.xeroId(), due.xeroType(), null, null, null, null, null, null, null, null,
                status, null);
    }

    /**
     * One call per collection (invoices and bills, then credit notes). When a call as a whole fails, the
     * next collection's documents are not sent in this pass: they go back, due, for the next one.
     */
    private void send(XeroConnection connection, Organisation organisation, WorkspaceSettings settings,
                      List<Work> sending, List<SyncStatusEvent> events) {
        boolean answered = true;
        for (XeroEndpoint endpoint : XeroEndpoint.values()) {
            List<Work> batch = sending.stream().filter(work -> XeroEndpoint.of(work.due()) == endpoint).toList();
            if (batch.isEmpty()) {
                continue;
            }
            if (!answered) {
                batch.forEach(work -> documents.release(work.due()));
                continue;
            }
            answered = send(connection, organisation, settings, endpoint, batch, events);
        }
    }

    /** @return false when the call as a whole failed (throttled, temporary, rejected, reconnect) */
    private boolean send(XeroConnection connection, Organisation organisation, WorkspaceSettings settings,
                         XeroEndpoint endpoint, List<Work> sending, List<SyncStatusEvent> events) {
        boolean fourDecimals = sending.stream().anyMatch(work -> work.coding().fourDecimalUnitPrices());
        String body = xeroJson.write(Map.of(endpoint.collection(), sending.stream().map(Work::element).toList()));
        String key = idempotencyKey(endpoint.keyKind(), connection.workspaceId(), body);
        documents.sending(sending.stream().map(Work::due).filter(due -> due.xeroId() == null).toList());
        XeroResponse response;
        try {
            response = xero.call(connection, XeroRequest.write(connection.workspaceId(), "POST", endpoint.path(),
                    "summarizeErrors=false" + (fourDecimals ? "&unitdp=4" : ""), body, key), Priority.PUSH);
        } catch (ThrottledException e) {
            // The pacer said no before anything left: nothing to look up next time, just later.
            sending.forEach(work -> documents.notSent(work.due(), e.notBefore()));
            return false;
        }
        if (!response.ok()) {
            XeroFailure failure = response.failure();
            if (failure.kind() == XeroFailure.Kind.THROTTLED) {
                // A 429 is a definite answer: nothing was written, so nothing needs looking up next time.
                Instant next = clock.instant().plus(retryAfter(failure));
                sending.forEach(work -> documents.notSent(work.due(), next));
                return false;
            }
            handleCallFailure(connection, sending.stream().map(Work::due).toList(), failure, events);
            return false;
        }
        List<? extends XeroDocument> answers = endpoint.answers(xeroJson, response.body());
        List<Payable> payable = new ArrayList<>();
        // every outcome of the call in one transaction: one commit (one WAL flush) per call, not two per document
        transaction.executeWithoutResult(status -> {
            Outcomes outcomes = new Outcomes(new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < sending.size(); i++) {
                Work work = sending.get(i);
                XeroDocument answer = i < answers.size() ? answers.get(i) : null;
                if (apply(connection, organisation, endpoint, work, answer, key, response.status(), outcomes, events)
                        && needsPayment(work, answer, settings)) {
                    payable.add(new Payable(work, answer.xeroId()));
                }
            }
            documents.deliveredAll(outcomes.deliveries());
            documents.recordAttempts(outcomes.attempts());
        });
        if (!payable.isEmpty()) {
            pay(connection, settings, payable, events);
        }
        return true;
    }

    /** A synced, approved invoice or bill the platform has marked paid, in a workspace with mark-as-paid on. */
    private static boolean needsPayment(Work work, XeroDocument answer, WorkspaceSettings settings) {
        return settings.markAsPaid() && !work.due().cancelled() && !work.due().creditNote()
                && work.due().paymentId() == null && work.document().payment() != null
                && "AUTHORISED".equals(answer.status());
    }

    private record Payable(Work work, UUID invoiceId) {
    }

    /**
     * Mark as paid (F19): one {@code PUT /Payments} for the batch, each payment to the workspace's clearing
     * account with the platform's amount, date and reference; each answer to its own document.
     */
    private void pay(XeroConnection connection, WorkspaceSettings settings, List<Payable> payable,
                     List<SyncStatusEvent> events) {
        if (settings.clearingAccount() == null) {
            payable.forEach(item -> settle(item.work().due(), "FAILED", null,
                    "Mark-as-paid is on, but the workspace has no clearing account to apply the payment to.",
                    "Set clearingAccount in the workspace settings, then re-sync the document.", events));
            return;
        }
        List<Map<String, Object>> payments = new ArrayList<>();
        for (Payable item : payable) {
            OrderDocument.Payment payment = item.work().document().payment();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Invoice", Map.of("InvoiceID", item.invoiceId()));
            body.put("Account", Map.of("Code", settings.clearingAccount()));
            body.put("Date", payment.paidOn().toString());
            body.put("Amount", payment.amount());
            if (payment.reference() != null) {
                body.put("Reference", payment.reference());
            }
            payments.add(body);
        }
        String body = xeroJson.write(Map.of("Payments", payments));
        String key = idempotencyKey("payments", connection.workspaceId(), body);
        XeroResponse response = xero.call(connection, XeroRequest.write(connection.workspaceId(), "PUT", "/Payments",
                "summarizeErrors=false", body, key), Priority.PUSH);
        if (!response.ok()) {
            // The invoices are synced; the payments go with the next pass.
            Instant next = response.failure().kind() == XeroFailure.Kind.THROTTLED
                    ? clock.instant().plus(retryAfter(response.failure())) : backoff(List.of(payable.get(0).work().due()));
            payable.forEach(item -> documents.paymentLater(item.work().due(), next,
                    "The invoice is in Xero; its payment did not get there yet: " + response.failure().detail()));
            return;
        }
        JsonNode answers = xeroJson.tree(response.body()).path("Payments");
        for (int i = 0; i < payable.size(); i++) {
            DueDocument due = payable.get(i).work().due();
            JsonNode answer = answers.path(i);
            if ("ERROR".equals(answer.path("StatusAttributeString").asText())) {
                List<String> messages = new ArrayList<>();
                answer.path("ValidationErrors").forEach(error -> messages.add(error.path("Message").asText()));
                settle(due, "FAILED", null, "The invoice is in Xero, but its payment was refused: " + String.join(" ", messages),
                        "Check the clearing account (it must be a bank account or accept payments), then re-sync.", events);
                documents.recordAttempt(due, "PAY", key, response.status(), "FAILED", String.join(" ", messages));
                continue;
            }
            UUID paymentId = UUID.fromString(answer.path("PaymentID").asText());
            documents.paid(due, paymentId);
            documents.recordAttempt(due, "PAY", key, response.status(), "PAID", null);
            events.add(event(due, "PAID", null, payable.get(i).invoiceId(), "PAID", null, null));
        }
    }

    /** What a call's answers do to its documents, stored together once every answer is read. */
    private record Outcomes(List<DeliveryRepository.Delivery> deliveries, List<DeliveryRepository.Attempt> attempts) {
    }

    /** @return true when the document is now synced in Xero */
    private boolean apply(XeroConnection connection, Organisation organisation, XeroEndpoint endpoint, Work work,
                          XeroDocument answer, String key, int status, Outcomes outcomes, List<SyncStatusEvent> events) {
        DueDocument due = work.due();
        String operation = due.cancelled() ? "CANCEL" : due.xeroId() == null ? "CREATE" : "UPDATE";
        if (answer == null) {
            documents.retryLater(due, backoff(List.of(due)), true, "Sync unsuccessful (temporary): Xero's answer left it out");
            return false;
        }
        if (!answer.failed()) {
            String xeroStatus = answer.status();
            String state;
            String reason = null;
            if (due.cancelled()) {
                state = "VOIDED";
            } else if (work.coding().glAccountRequired()) {
                state = "WAITING";
                reason = "GL_ACCOUNT_REQUIRED";
            } else {
                state = "SYNCED";
            }
            String note = reason == null ? null
                    : "GL account required: " + String.join(", ", work.coding().linesWithoutAccount());
            String hint = reason == null ? null
                    : "Map the items (or set a default account): the document is then sent again and approved by itself.";
            outcomes.deliveries().add(new DeliveryRepository.Delivery(due, answer.xeroId(), xeroStatus, state, reason, note, hint));
            outcomes.attempts().add(new DeliveryRepository.Attempt(due, operation, key, status, state, null));
            events.add(event(due, state, reason, answer.xeroId(), xeroStatus, note, hint));
            return "SYNCED".equals(state);
        }
        List<String> messages = answer.validationErrors() == null ? List.of()
                : answer.validationErrors().stream().map(XeroMessage::message).toList();
        if (XeroMessages.paidLock(messages, statusInXero(connection, endpoint, due, messages))) {
            settle(due, "LOCKED", null, XeroMessages.CHANGE_IT_IN_XERO, "Change it in Xero.", events);
            outcomes.attempts().add(new DeliveryRepository.Attempt(due, operation, key, status, "LOCKED", String.join(" ", messages)));
            return false;
        }
        Problem problem = XeroMessages.explain(messages, work.coding(), organisation.name(),
                endpoint.number(work.document()), due.sales());
        settle(due, "FAILED", null, problem.message(), problem.fixHint(), events);
        outcomes.attempts().add(new DeliveryRepository.Attempt(due, operation, key, status, "FAILED", String.join(" ", messages)));
        organisations.forget(connection.workspaceId());
        return false;
    }

    /**
     * Xero's "not of valid status" does not say which status: when the document may have been paid in Xero
     * since it was sent, read its status there (one call) so that a paid document is LOCKED, not FAILED.
     */
    private String statusInXero(XeroConnection connection, XeroEndpoint endpoint, DueDocument due, List<String> messages) {
        boolean statusRefused = messages.stream().anyMatch(XeroMessages::notValidStatus);
        if (!statusRefused || due.xeroId() == null || "PAID".equals(due.xeroStatus())) {
            return due.xeroStatus();
        }
        XeroResponse response = xero.call(connection, XeroRequest.get(connection.workspaceId(),
                endpoint.path() + "/" + due.xeroId(), null), Priority.PUSH);
        if (!response.ok()) {
            return due.xeroStatus();
        }
        List<? extends XeroDocument> current = endpoint.answers(xeroJson, response.body());
        return current.isEmpty() ? due.xeroStatus() : current.get(0).status();
    }

    /** A call as a whole failed: wait, park, or fail the documents, as the failure's kind says. */
    private void handleCallFailure(XeroConnection connection, List<DueDocument> claimed, XeroFailure failure,
                                   List<SyncStatusEvent> events) {
        switch (failure.kind()) {
            case THROTTLED -> claimed.forEach(due -> documents.retryLater(due, clock.instant().plus(retryAfter(failure)),
                    false, null));
            case NEEDS_RECONNECT, TOKEN_EXPIRED -> {
                claimed.forEach(documents::release);
                String reason = "Xero connection expired: " + failure.detail();
                tokens.needsReconnect(connection.workspaceId(), reason);
                park(connection.workspaceId(), "NEEDS_RECONNECT", reason, events);
            }
            case REJECTED -> claimed.forEach(due -> settle(due, "FAILED", null,
                    "Xero rejected the request: " + String.join(" ", failure.messages().isEmpty()
                            ? List.of(failure.detail()) : failure.messages()),
                    "Fix what Xero names, then re-sync the document.", events));
            case TEMPORARY -> {
                Instant next = backoff(claimed);
                claimed.forEach(due -> documents.retryLater(due, next, failure.outcomeUnknown(),
                        "Sync unsuccessful (temporary): " + failure.detail()));
            }
        }
    }

    /**
     * Before resending documents whose earlier write got no answer: are they in Xero already? One call per
     * collection finds them by number and contact; a candidate is only taken when it is the document
     * ({@link XeroEndpoint#isSame}: an invoice by the Url LedgerBridge puts on it, a credit note by its type,
     * number and contact). Found ones are updated, not created again.
     */
    private Map<UUID, DueDocument> lookUpUnknownOutcomes(XeroConnection connection, XeroEndpoint endpoint,
                                                         List<Prepared> prepared) {
        List<Prepared> unknown = prepared.stream()
                .filter(ready -> XeroEndpoint.of(ready.due()) == endpoint && ready.due().outcomeUnknown()
                        && ready.due().xeroId() == null && endpoint.number(ready.document()) != null)
                .toList();
        if (unknown.isEmpty()) {
            return Map.of();
        }
        XeroResponse response = xero.call(connection, XeroRequest.get(connection.workspaceId(), endpoint.path(),
                endpoint.lookupQuery(unknown.stream().map(ready -> wanted(endpoint, ready)).toList())), Priority.PUSH);
        if (!response.ok()) {
            throw new XeroAnswerException(response);
        }
        List<? extends XeroDocument> candidates = endpoint.answers(xeroJson, response.body());
        Map<UUID, DueDocument> found = new HashMap<>();
        for (Prepared ready : unknown) {
            DueDocument due = ready.due();
            String url = documentUrl.replace("{documentId}", due.documentId().toString());
            candidates.stream()
                    .filter(candidate -> endpoint.isSame(candidate, due, wanted(endpoint, ready), url))
                    .findFirst()
                    .ifPresentOrElse(candidate -> {
                        documents.recordAttempt(due, "LOOKUP", null, response.status(), "FOUND",
                                "Already in Xero as " + candidate.xeroId());
                        log.info("Document {} was already in Xero as {} after an unanswered write", due.documentId(),
                                candidate.xeroId());
                        found.put(due.documentId(), new DueDocument(due.documentId(), due.workspaceId(), due.sourceKey(),
                                due.orderId(), due.xeroType(), due.version(), due.lastEventType(), due.payload(),
                                candidate.xeroId(), null, candidate.status(), true, due.attempts(), due.paymentId()));
                    }, () -> documents.recordAttempt(due, "LOOKUP", null, response.status(), "NOT_FOUND", null));
        }
        return found;
    }

    private static XeroEndpoint.Wanted wanted(XeroEndpoint endpoint, Prepared ready) {
        return new XeroEndpoint.Wanted(endpoint.number(ready.document()), ready.contactId());
    }

    private void park(String workspaceId, String reason, String error, List<SyncStatusEvent> events) {
        int parked = documents.park(workspaceId, reason, error);
        if (parked > 0) {
            log.warn("Workspace {}: {} document(s) wait ({}): {}", workspaceId, parked, reason, error);
            events.add(new SyncStatusEvent(workspaceId, null, null, null, 0, "WAITING", reason, null, null, error,
                    FIXES.get(reason), clock.instant()));
        }
    }

    private void settle(DueDocument due, String state, String reason, String error, String fixHint,
                        List<SyncStatusEvent> events) {
        documents.settled(due, state, error, fixHint);
        events.add(event(due, "OVER_QUOTA".equals(state) ? "WAITING" : state,
                "OVER_QUOTA".equals(state) ? "OVER_QUOTA" : reason, due.xeroId(), due.xeroStatus(), error, fixHint));
    }

    private SyncStatusEvent event(DueDocument due, String state, String reason, UUID xeroId, String xeroStatus,
                                  String error, String fixHint) {
        return new SyncStatusEvent(due.workspaceId(), due.documentId(), due.orderId(), due.xeroType(), due.version(),
                state, reason, xeroId, xeroStatus, error, fixHint, clock.instant());
    }

    /** Xero's Retry-After, or one of its (fixed) windows when it did not send one. */
    private Duration retryAfter(XeroFailure failure) {
        return failure.retryAfter() != null ? failure.retryAfter() : pacingWindow;
    }

    /** Exponential backoff on the documents' attempts: 5 s, 10 s, 20 s ... up to 10 minutes. */
    private Instant backoff(List<DueDocument> claimed) {
        int attempts = claimed.stream().mapToInt(DueDocument::attempts).max().orElse(0);
        long seconds = Math.min(600, 5L << Math.min(attempts, 7));
        return clock.instant().plusSeconds(seconds);
    }

    /**
     * The same request makes the same key, so a resend of an unanswered call within Xero's window is a
     * replay, not a second write; a different request (a document coded anew, a newer version) gets a new
     * key, as Xero requires (it refuses a key reused for another request).
     */
    static String idempotencyKey(String kind, String workspaceId, String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((workspaceId + "|" + body).getBytes(StandardCharsets.UTF_8));
            return "lb-" + kind + "-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private OrderDocument read(String payload) {
        try {
            return json.readValue(payload, OrderDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored snapshot is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
