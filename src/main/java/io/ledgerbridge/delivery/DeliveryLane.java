package io.ledgerbridge.delivery;

import io.ledgerbridge.xero.XeroReply;
import io.ledgerbridge.xero.PacedXero;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerbridge.coding.CodingResult;
import io.ledgerbridge.coding.DocumentCoder;
import io.ledgerbridge.coding.Mappings;
import io.ledgerbridge.coding.Mappings.Direction;
import io.ledgerbridge.coding.Organisation;
import io.ledgerbridge.connection.NeedsReconnectException;
import io.ledgerbridge.connection.NotConnectedException;
import io.ledgerbridge.connection.TokenService;
import io.ledgerbridge.connection.TokenUnavailableException;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.delivery.DeliveryDecisions.Timing;
import io.ledgerbridge.delivery.DeliveryDecisions.Written;
import io.ledgerbridge.delivery.DeliveryRepository.Outcome;
import io.ledgerbridge.delivery.Transition.PaymentNeed;
import io.ledgerbridge.xero.PacingSettings;
import io.ledgerbridge.xero.Priority;
import io.ledgerbridge.mapping.MappingRepository;
import io.ledgerbridge.order.OrderDocument;
import io.ledgerbridge.workspace.Workspace;
import io.ledgerbridge.workspace.WorkspaceRepository;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.xero.XeroDocument;
import io.ledgerbridge.xero.XeroInvoice;
import io.ledgerbridge.xero.XeroJson;
import io.ledgerbridge.xero.XeroMessage;
import io.ledgerbridge.xero.XeroPayment;
import io.ledgerbridge.xero.XeroRequest;
import io.ledgerbridge.xero.XeroResponse;
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
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass of a workspace's delivery lane, an orchestrator over pure decisions ({@link DeliveryDecisions}): claim up
 * to a batch of due documents under a token, then step by step gather what Xero says, decide each document's
 * {@link Transition}, and write the step's transitions in one short transaction ({@link DeliveryRepository#apply},
 * fenced by the claim's token). Xero is never called inside a transaction.
 * <p>
 * The steps: read and code the documents; resolve their contacts; look up in Xero every document whose earlier write
 * got no answer (by its Url or number and contact, so a document without a number is found too); read the status of
 * documents to cancel; one write per collection ({@code POST /Invoices} and {@code POST /CreditNotes},
 * summarizeErrors=false), each answer confirmed against its document; then the platform's payments
 * ({@code PUT /Payments}), each looked up in Xero before it is ever sent again. A document is never sent while the
 * outcome of an earlier write of it is unknown.
 */
@Component("deliveryLane")
class DeliveryLane {

    /** Xero advises about 50 elements per request (FACTS.md §3). */
    static final int MAX_BATCH = 50;
    /** How long a document waits when another pass is creating its contact. */
    private static final Duration CONTACT_WAIT = Duration.ofSeconds(2);
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
    private final PassClaims claims;
    private final StatusEvents events;
    private final ObjectMapper json;
    private final XeroJson xeroJson;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final String documentUrl;
    private final Duration pacingWindow;
    private final int batchSize;
    private final Duration lease;

    public DeliveryLane(DeliveryRepository documents, TokenService tokens, WorkspaceRepository workspaces,
                        MappingRepository mappings, OrganisationCache organisations, ContactResolver contacts,
                        PacedXero xero, PlanQuota quota, LaneDispatcher dispatcher, PassClaims claims, StatusEvents events,
                        ObjectMapper json, XeroJson xeroJson, Clock clock, TransactionTemplate transaction,
                        @Value("${ledgerbridge.delivery.document-url}") String documentUrl,
                        @Value("${ledgerbridge.delivery.batch-size:50}") int batchSize,
                        @Value("${ledgerbridge.delivery.claim-lease-seconds:120}") long leaseSeconds,
                        PacingSettings pacing) {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("ledgerbridge.delivery.batch-size must be 1 to " + MAX_BATCH + ", was " + batchSize);
        }
        this.documents = documents;
        this.tokens = tokens;
        this.workspaces = workspaces;
        this.mappings = mappings;
        this.organisations = organisations;
        this.contacts = contacts;
        this.xero = xero;
        this.quota = quota;
        this.dispatcher = dispatcher;
        this.claims = claims;
        this.events = events;
        this.json = json;
        this.xeroJson = xeroJson;
        this.clock = clock;
        this.transaction = transaction;
        this.documentUrl = documentUrl;
        this.batchSize = batchSize;
        this.lease = Duration.ofSeconds(leaseSeconds);
        this.pacingWindow = pacing.window();
    }

    /**
     * One pass; the lane is free for the next pass when it returns, whatever happened.
     *
     * @return the outbox rows the pass wrote (its state changes and dead letters), held for the route to publish now
     */
    public List<Outbox.Row> run(String workspaceId) {
        try {
            return pass(workspaceId);
        } finally {
            dispatcher.release(workspaceId);
        }
    }

    /** A document on its way through the pass. */
    private static final class Item {
        DueDocument due;
        final OrderDocument document;
        CodingResult coding;
        UUID contactId;
        XeroDocument element;

        Item(DueDocument due, OrderDocument document) {
            this.due = due;
            this.document = document;
        }

        XeroEndpoint endpoint() {
            return XeroEndpoint.of(due);
        }
    }

    /** What a pass works with: its claim, the workspace's connection and settings, and what it has written. */
    private final class Pass {
        final Claim claim;
        final XeroConnection connection;
        final WorkspaceSettings settings;
        final Timing timing;
        Organisation organisation;
        final List<Outbox.Row> published = new ArrayList<>();
        boolean stopped;
        boolean reconnecting;

        Pass(Claim claim, XeroConnection connection, WorkspaceSettings settings) {
            this.claim = claim;
            this.connection = connection;
            this.settings = settings;
            this.timing = new Timing(clock.instant(), pacingWindow);
        }

        String workspaceId() {
            return claim.workspaceId();
        }

        /** Writes the step's outcomes in one short transaction; a reconnect among them stops the pass. */
        void apply(List<Outcome> outcomes) {
            if (outcomes.isEmpty()) {
                return;
            }
            DeliveryRepository.Applied applied = transaction.execute(status -> documents.apply(claim, outcomes, events));
            List<Outcome> landed = applied.landed();
            published.addAll(applied.rows());
            if (landed.size() < outcomes.size()) {
                log.warn("Workspace {}: {} outcome(s) not written: another pass holds those documents now",
                        workspaceId(), outcomes.size() - landed.size());
            }
            if (reconnecting) {
                return;
            }
            outcomes.stream().map(Outcome::transition)
                    .filter(transition -> transition instanceof Transition.Waiting waiting
                            && waiting.reason() == WaitingReason.NEEDS_RECONNECT)
                    .findFirst()
                    .ifPresent(transition -> {
                        // the grant is gone: the workspace's other due documents wait with these
                        reconnecting = true;
                        stopped = true;
                        Transition.Waiting waiting = (Transition.Waiting) transition;
                        tokens.needsReconnect(workspaceId(), waiting.message());
                        published.addAll(park(workspaceId(), WaitingReason.NEEDS_RECONNECT, waiting.message()));
                    });
        }

        /** The documents still on their way get what a failed step means for them, and the pass ends. */
        void stop(List<Item> items, XeroReply reply, String why) {
            apply(items.stream().map(item -> Outcome.of(item.due, DeliveryDecisions.notNow(item.due, reply, timing, why)))
                    .toList());
            items.clear();
            stopped = true;
        }
    }

    private List<Outbox.Row> pass(String workspaceId) {
        WorkspaceSettings settings = workspaces.settings(workspaceId).orElseThrow();
        if (!settings.modules().invoicePush()) {
            return park(workspaceId, WaitingReason.SYNC_OFF, DeliveryMessages.SYNC_OFF);
        }
        if (!settings.automaticSync()) {
            return park(workspaceId, WaitingReason.MANUAL_SYNC, DeliveryMessages.MANUAL_SYNC);
        }
        XeroConnection connection = null;
        XeroReply unavailable = null;
        try {
            connection = tokens.connection(workspaceId);
        } catch (NotConnectedException e) {
            return park(workspaceId, WaitingReason.NOT_CONNECTED, e.getMessage());
        } catch (NeedsReconnectException e) {
            return park(workspaceId, WaitingReason.NEEDS_RECONNECT, e.getMessage());
        } catch (TokenUnavailableException e) {
            unavailable = new XeroReply.Unavailable(e.getMessage());
        }
        Claim claim = documents.claim(workspaceId, batchSize, lease, clock.instant());
        if (claim.isEmpty()) {
            return List.of();
        }
        Pass pass = new Pass(claim, connection, settings);
        claims.bind(claim);
        try {
            if (unavailable != null) {
                pass.stop(items(claim), unavailable, DeliveryMessages.TEMPORARY);
            } else {
                deliver(pass);
            }
            return pass.published;
        } catch (RuntimeException fault) {
            // A fault of ours: what the pass still holds goes back with backoff instead of waiting out the lease,
            // and the failure is logged by the route's error handler.
            Instant next = pass.timing.backoff(claim.documents().stream().mapToInt(DueDocument::failures).max().orElse(0));
            try {
                pass.apply(claim.documents().stream().filter(due -> claim.holds(due.documentId()))
                        .map(due -> Outcome.of(due, new Transition.RetryLater(next,
                                "Sync unsuccessful (LedgerBridge fault): " + fault))).toList());
            } catch (RuntimeException alsoFailed) {
                fault.addSuppressed(alsoFailed);
            }
            throw fault;
        } finally {
            claims.unbind();
            documents.release(claim);
        }
    }

    /** The claimed documents as items, unread (for a pass that stops before reading them). */
    private static List<Item> items(Claim claim) {
        return new ArrayList<>(claim.documents().stream().map(due -> new Item(due, null)).toList());
    }

    private void deliver(Pass pass) {
        List<Item> items = read(pass);
        if (items.isEmpty() || pass.stopped) {
            return;
        }
        code(pass, items);
        resolveContacts(pass, items);
        if (!pass.stopped) {
            lookUpUnknownOutcomes(pass, items);
        }
        if (!pass.stopped) {
            checkQuota(pass, items);
            prepareCancels(pass, items);
        }
        List<Item> payable = new ArrayList<>();
        for (XeroEndpoint endpoint : XeroEndpoint.values()) {
            if (pass.stopped) {
                break;
            }
            List<Item> batch = items.stream().filter(item -> item.element != null && item.endpoint() == endpoint).toList();
            if (!batch.isEmpty()) {
                payable.addAll(write(pass, endpoint, batch, items));
            }
        }
        if (!pass.stopped) {
            items.stream().filter(item -> item.element == null && item.due.onlyPaymentLeft()).forEach(payable::add);
            pay(pass, payable);
        }
    }

    // ---- read and code ----------------------------------------------------------------------------------------------

    /** Each stored snapshot read on its own: one that cannot be read fails alone, with its reason. */
    private List<Item> read(Pass pass) {
        List<Outcome> failed = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (DueDocument due : pass.claim.documents()) {
            try {
                items.add(new Item(due, json.readValue(due.payload(), OrderDocument.class)));
            } catch (Exception e) {
                String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException processing
                        ? processing.getOriginalMessage() : e.toString();
                failed.add(Outcome.of(due, DeliveryDecisions.unreadable(why)));
            }
        }
        pass.apply(failed);
        return items;
    }

    /** Codes every document that is to be written (a cancel or a payment needs no coding). */
    private void code(Pass pass, List<Item> items) {
        boolean coding = items.stream().anyMatch(item -> !item.due.cancelled() && !item.due.onlyPaymentLeft());
        if (coding && pass.organisation == null) {
            try {
                pass.organisation = organisations.get(pass.connection);
            } catch (RuntimeException e) {
                pass.stop(items, PacedXero.failed(e, false), "The organisation could not be read from Xero (temporary): ");
                return;
            }
        }
        Mappings memory = coding ? mappings.load(pass.workspaceId()) : Mappings.none();
        List<Outcome> outcomes = new ArrayList<>();
        for (Item item : List.copyOf(items)) {
            DueDocument due = item.due;
            if (due.cancelled()) {
                if (due.xeroId() == null && !due.outcomeUnknown()) {
                    outcomes.add(Outcome.of(due, DeliveryDecisions.neverInXero()));
                    items.remove(item);
                }
                continue;
            }
            if (due.onlyPaymentLeft()) {
                continue;
            }
            try {
                Direction direction = due.sales() ? Direction.SALES : Direction.PURCHASES;
                item.coding = DocumentCoder.code(new DocumentCoder.Request(item.document, direction, pass.settings, memory,
                        pass.organisation, "ACCREC".equals(due.xeroType())));
            } catch (RuntimeException e) {
                log.error("Document {} could not be coded", due.documentId(), e);
                outcomes.add(Outcome.of(due, DeliveryDecisions.codingFault(e.toString())));
                items.remove(item);
                continue;
            }
            if (!item.coding.sendable()) {
                outcomes.add(Outcome.of(due, DeliveryDecisions.notSendable(item.coding)));
                items.remove(item);
            }
        }
        pass.apply(outcomes);
    }

    // ---- contacts ---------------------------------------------------------------------------------------------------

    /** A contact for every document that is written, or looked up (a look-up asks Xero by the contact). */
    private void resolveContacts(Pass pass, List<Item> items) {
        List<Item> needing = items.stream()
                .filter(item -> !item.due.onlyPaymentLeft() && (!item.due.cancelled() || item.due.outcomeUnknown()))
                .toList();
        if (needing.isEmpty() || pass.stopped) {
            return;
        }
        Map<String, ContactResolver.Resolution> resolved;
        try {
            resolved = contacts.resolveAll(pass.connection, needing.stream().map(DeliveryLane::party).toList(), pass.settings);
        } catch (RuntimeException e) {
            pass.stop(items, PacedXero.failed(e, false), "The contacts could not be read from Xero (temporary): ");
            return;
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Item item : needing) {
            ContactResolver.Resolution contact = resolved.get(ContactMatcher.partyKey(party(item)));
            if (contact.beingCreated()) {
                outcomes.add(Outcome.of(item.due, new Transition.Throttled(pass.timing.now().plus(CONTACT_WAIT), false)));
                items.remove(item);
            } else if (contact.problem() != null) {
                outcomes.add(Outcome.of(item.due, new Transition.Failed(contact.problem(), contact.fixHint(), false)));
                items.remove(item);
            } else {
                item.contactId = contact.contactId();
            }
        }
        pass.apply(outcomes);
    }

    private static OrderDocument.Party party(Item item) {
        return item.due.sales() ? item.document.buyer() : item.document.supplier();
    }

    // ---- look-ups after unanswered writes ---------------------------------------------------------------------------

    /**
     * Before anything is sent for a document whose earlier write got no answer: is it in Xero already? One look-up per
     * collection (and per 40 contacts), covering every document of those contacts changed since the write; each
     * outcome stored at once. A found document is then updated, an absent one created; one the look-up could not
     * settle is not sent in this pass.
     */
    private void lookUpUnknownOutcomes(Pass pass, List<Item> items) {
        for (XeroEndpoint endpoint : XeroEndpoint.values()) {
            List<Item> unknown = items.stream()
                    .filter(item -> item.due.outcomeUnknown() && item.endpoint() == endpoint && item.contactId != null)
                    .toList();
            for (int from = 0; from < unknown.size() && !pass.stopped; from += XeroEndpoint.LOOKUP_CHUNK) {
                lookUp(pass, endpoint, unknown.subList(from, Math.min(unknown.size(), from + XeroEndpoint.LOOKUP_CHUNK)),
                        items);
            }
        }
    }

    private void lookUp(Pass pass, XeroEndpoint endpoint, List<Item> unknown, List<Item> items) {
        Instant since = earliestWrite(unknown);
        List<XeroDocument> candidates = new ArrayList<>();
        int status = 0;
        boolean complete = false;
        for (int page = 1; page <= 10; page++) {
            XeroRequest request = XeroRequest.get(pass.workspaceId(), endpoint.path(), endpoint.lookupQuery(
                    unknown.stream().map(item -> item.contactId).toList(),
                    unknown.stream().map(item -> endpoint.number(item.document)).toList(), page));
            // a minute before the write, for clocks that differ: Xero compares If-Modified-Since to the second
            XeroReply reply = xero.reply(pass.connection, since == null ? request
                    : request.ifModifiedSince(since.minus(Duration.ofMinutes(1))), Priority.PUSH);
            if (!(reply instanceof XeroReply.Ok ok)) {
                List<Outcome> outcomes = unknown.stream()
                        .map(item -> lookupOutcome(item.due, DeliveryDecisions.lookupFailed(item.due, reply, pass.timing),
                                replyStatus(reply))).toList();
                items.removeAll(unknown);
                pass.apply(outcomes);
                return;
            }
            status = ok.response().status();
            List<? extends XeroDocument> read = endpoint.answers(xeroJson, ok.response().body());
            candidates.addAll(read);
            if (read.size() < XeroEndpoint.PAGE_SIZE) {
                complete = true;
                break;
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Item item : unknown) {
            Transition transition = complete
                    ? DeliveryDecisions.afterLookup(endpoint.identity(item.due, item.document, item.contactId,
                            url(item.due)), candidates)
                    : new Transition.RetryLater(pass.timing.backoff(item.due.failures()), DeliveryMessages.lookupIncomplete());
            outcomes.add(lookupOutcome(item.due, transition, status));
            if (transition instanceof Transition.Found found) {
                log.info("Document {} was already in Xero as {} after an unanswered write", item.due.documentId(), found.xeroId());
                item.due = item.due.foundInXero(found.xeroId(), found.xeroStatus());
            } else if (transition instanceof Transition.Absent) {
                item.due = item.due.absentFromXero();
            } else {
                items.remove(item);
            }
        }
        pass.apply(outcomes);
    }

    /** When the earliest of these unanswered writes went; null when one of them is not known (then no bound). */
    private static Instant earliestWrite(List<Item> unknown) {
        Instant earliest = null;
        for (Item item : unknown) {
            if (item.due.unknownSince() == null) {
                return null;
            }
            Instant at = item.due.unknownSince().toInstant();
            earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
        }
        return earliest;
    }

    private static Outcome lookupOutcome(DueDocument due, Transition transition, Integer status) {
        String message = transition instanceof Transition.Found found ? "Already in Xero as " + found.xeroId() : null;
        return new Outcome(due, transition, "LOOKUP", null, status, message);
    }

    // ---- quota and cancels ------------------------------------------------------------------------------------------

    /**
     * Cancels a look-up proved never reached Xero are done; a document new to Xero counts against the free plan's
     * month, and one beyond it waits (F23); the rest are built for sending.
     */
    private void checkQuota(Pass pass, List<Item> items) {
        List<Item> creating = items.stream()
                .filter(item -> item.coding != null && item.due.xeroId() == null && !item.due.cancelled())
                .toList();
        List<Outcome> outcomes = new ArrayList<>();
        for (Item item : List.copyOf(items)) {
            if (item.due.cancelled() && item.due.xeroId() == null && !item.due.outcomeUnknown()) {
                outcomes.add(Outcome.of(item.due, DeliveryDecisions.neverInXero()));
                items.remove(item);
            }
        }
        if (!creating.isEmpty()) {
            Workspace workspace = workspaces.find(pass.workspaceId()).orElseThrow();
            int left = quota.remaining(workspace);
            for (Item item : creating) {
                if (left <= 0) {
                    outcomes.add(Outcome.of(item.due, DeliveryDecisions.overQuota(PlanQuota.FREE_PER_MONTH)));
                    items.remove(item);
                } else {
                    left--;
                }
            }
        }
        pass.apply(outcomes);
        for (Item item : items) {
            if (item.coding != null) {
                item.element = build(item, pass.settings);
            }
        }
    }

    /**
     * A cancel voids an approved document and deletes a draft (FACTS.md §5), by the status Xero holds now, not the
     * one LedgerBridge saw last: one read per collection for every document to cancel.
     */
    private void prepareCancels(Pass pass, List<Item> items) {
        for (XeroEndpoint endpoint : XeroEndpoint.values()) {
            List<Item> cancelling = items.stream()
                    .filter(item -> item.due.cancelled() && item.due.xeroId() != null && item.endpoint() == endpoint)
                    .toList();
            if (cancelling.isEmpty() || pass.stopped) {
                continue;
            }
            Map<UUID, String> current = statuses(pass, endpoint, cancelling, items);
            if (current == null) {
                continue;
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Item item : cancelling) {
                DeliveryDecisions.Cancel cancel = DeliveryDecisions.cancel(item.due,
                        current.getOrDefault(item.due.xeroId(), item.due.xeroStatus()));
                if (cancel instanceof DeliveryDecisions.Cancel.Send send) {
                    item.element = endpoint == XeroEndpoint.INVOICES ? cancellation(item.due, send.status())
                            : creditNoteCancellation(item.due, send.status());
                } else {
                    outcomes.add(new Outcome(item.due, ((DeliveryDecisions.Cancel.Done) cancel).outcome(), "CANCEL", null,
                            null, "Status in Xero: " + current.get(item.due.xeroId())));
                    items.remove(item);
                }
            }
            pass.apply(outcomes);
        }
    }

    /**
     * The status Xero holds for these documents now, by id; null when it could not be read (the documents then go
     * back for later, and are removed from the pass).
     */
    private Map<UUID, String> statuses(Pass pass, XeroEndpoint endpoint, List<Item> reading, List<Item> items) {
        XeroReply reply = xero.reply(pass.connection, XeroRequest.get(pass.workspaceId(), endpoint.path(),
                endpoint.statusQuery(reading.stream().map(item -> item.due.xeroId()).toList())), Priority.PUSH);
        if (!(reply instanceof XeroReply.Ok ok)) {
            items.removeAll(reading);
            pass.apply(reading.stream().map(item -> Outcome.of(item.due, DeliveryDecisions.notNow(item.due, reply,
                    pass.timing, DeliveryMessages.statusNotRead("")))).toList());
            return null;
        }
        Map<UUID, String> statuses = new HashMap<>();
        endpoint.answers(xeroJson, ok.response().body()).forEach(document -> statuses.put(document.xeroId(), document.status()));
        return statuses;
    }

    private XeroDocument build(Item item, WorkspaceSettings settings) {
        return item.due.creditNote()
                ? CreditNoteBuilder.build(item.due, item.document, item.coding, item.contactId, settings)
                : InvoiceBuilder.build(item.due, item.document, item.coding, item.contactId, settings, url(item.due));
    }

    private static XeroInvoice cancellation(DueDocument due, String status) {
        return XeroInvoice.outgoing(due.xeroId(), due.xeroType(), null, null, null, null, null, null, null, null,
                status, null);
    }

    private static XeroDocument creditNoteCancellation(DueDocument due, String status) {
        return io.ledgerbridge.xero.XeroCreditNote.outgoing(due.xeroId(), due.xeroType(), null, null, null, null, null,
                null, status, null);
    }

    // ---- writes -----------------------------------------------------------------------------------------------------

    /**
     * One call for the collection; every element's answer, confirmed against its document, decides its outcome. When
     * the call as a whole fails, the documents of the pass not yet written go back too (the pass ends).
     *
     * @return the documents Xero now holds whose payment is due
     */
    private List<Item> write(Pass pass, XeroEndpoint endpoint, List<Item> batch, List<Item> items) {
        batch = batch.stream().filter(item -> pass.claim.holds(item.due.documentId())).toList();
        if (batch.isEmpty()) {
            return List.of();
        }
        List<XeroDocument> elements = batch.stream().map(item -> item.element).toList();
        boolean fourDecimals = batch.stream().anyMatch(item -> item.coding != null && item.coding.fourDecimalUnitPrices());
        String body = xeroJson.write(Map.of(endpoint.collection(), elements));
        String key = idempotencyKey(endpoint.keyKind(), pass.workspaceId(), body, batch.stream().map(item -> item.due).toList());
        List<DueDocument> creating = batch.stream().map(item -> item.due).filter(due -> due.xeroId() == null).toList();
        documents.sending(pass.claim, creating);
        XeroReply reply = xero.reply(pass.connection, XeroRequest.write(pass.workspaceId(), "POST", endpoint.path(),
                "summarizeErrors=false" + (fourDecimals ? "&unitdp=4" : ""), body, key), Priority.PUSH);
        items.removeAll(batch);
        List<Outcome> outcomes = new ArrayList<>();
        List<Item> payable = new ArrayList<>();
        if (!(reply instanceof XeroReply.Ok ok)) {
            for (Item item : batch) {
                outcomes.add(writeOutcome(item, DeliveryDecisions.writeFailed(item.due, reply, item.due.xeroId() == null,
                        pass.timing), key, replyStatus(reply), null));
            }
            pass.apply(outcomes);
            pass.stop(items, reply, DeliveryMessages.TEMPORARY);
            return payable;
        }
        List<XeroDocument> answers;
        try {
            answers = AnswerMatcher.match(elements, endpoint.answers(xeroJson, ok.response().body()));
        } catch (IllegalStateException unreadable) {
            log.error("Workspace {}: Xero's answer to {} {} could not be read: {}", pass.workspaceId(), "POST",
                    endpoint.path(), unreadable.getMessage());
            answers = java.util.Collections.nCopies(batch.size(), null);
        }
        Map<UUID, String> statusInXero = statusesOfRefused(pass, endpoint, batch, answers);
        for (int i = 0; i < batch.size(); i++) {
            Item item = batch.get(i);
            XeroDocument answer = answers.get(i);
            Transition transition;
            if (answer == null) {
                log.error("Workspace {}: Xero's answer to {} names no element that is document {}; it is looked up"
                        + " before it is sent again", pass.workspaceId(), endpoint.path(), item.due.documentId());
                transition = DeliveryDecisions.noAnswerFor(item.due, item.due.xeroId() == null, pass.timing);
            } else if (statusInXero != null && statusInXero.containsKey(item.due.documentId())
                    && statusInXero.get(item.due.documentId()) == null) {
                transition = new Transition.RetryLater(pass.timing.backoff(item.due.failures()),
                        DeliveryMessages.statusNotRead("Xero refused the change for the document's status"));
            } else {
                transition = DeliveryDecisions.afterWrite(item.due, written(pass, item, endpoint),
                        answer, statusInXero == null ? null : statusInXero.get(item.due.documentId()));
            }
            if (transition instanceof Transition.Delivered delivered && delivered.payment() == PaymentNeed.DUE) {
                item.due = item.due.foundInXero(delivered.xeroId(), delivered.xeroStatus());
                payable.add(item);
            }
            outcomes.add(writeOutcome(item, transition, key, ok.response().status(), answer == null || answer.validationErrors() == null
                    ? null : String.join(" ", answer.validationErrors().stream().map(XeroMessage::message)
                            .filter(Objects::nonNull).toList())));
        }
        pass.apply(outcomes);
        if (outcomes.stream().anyMatch(outcome -> outcome.transition() instanceof Transition.Failed failed
                && failed.answeredByXero())) {
            // a refusal may mean the organisation changed (an archived account, a deleted tax rate): read it again
            organisations.forget(pass.workspaceId());
        }
        return payable;
    }

    private Written written(Pass pass, Item item, XeroEndpoint endpoint) {
        String organisation = pass.organisation != null ? pass.organisation.name()
                : pass.connection.tenantName() == null ? "the Xero organisation" : pass.connection.tenantName();
        return new Written(item.coding, organisation, endpoint.number(item.document), paymentWanted(item.due, item.document,
                pass.settings));
    }

    /** The platform's payment is to be applied to this document in Xero (F19). */
    static boolean paymentWanted(DueDocument due, OrderDocument document, WorkspaceSettings settings) {
        return settings.markAsPaid() && !due.cancelled() && !due.creditNote() && document.payment() != null
                && due.paymentState() != PaymentState.APPLIED && due.paymentId() == null;
    }

    /**
     * Xero's "not of valid status" does not say which status: for documents it refused so, their status now (one read),
     * so a document paid in Xero meanwhile is LOCKED, not FAILED. Null when no document needs it; a document whose
     * status could not be read maps to null.
     */
    private Map<UUID, String> statusesOfRefused(Pass pass, XeroEndpoint endpoint, List<Item> batch, List<XeroDocument> answers) {
        List<Item> refused = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            XeroDocument answer = answers.get(i);
            Item item = batch.get(i);
            if (answer != null && answer.failed() && item.due.xeroId() != null && !"PAID".equals(item.due.xeroStatus())
                    && answer.validationErrors() != null && answer.validationErrors().stream().map(XeroMessage::message)
                    .filter(Objects::nonNull).anyMatch(XeroMessages::notValidStatus)) {
                refused.add(item);
            }
        }
        if (refused.isEmpty()) {
            return null;
        }
        XeroReply reply = xero.reply(pass.connection, XeroRequest.get(pass.workspaceId(), endpoint.path(),
                endpoint.statusQuery(refused.stream().map(item -> item.due.xeroId()).toList())), Priority.PUSH);
        Map<UUID, String> byId = new HashMap<>();
        if (reply instanceof XeroReply.Ok ok) {
            endpoint.answers(xeroJson, ok.response().body()).forEach(document -> byId.put(document.xeroId(), document.status()));
        }
        Map<UUID, String> byDocument = new HashMap<>();
        refused.forEach(item -> byDocument.put(item.due.documentId(), byId.get(item.due.xeroId())));
        return byDocument;
    }

    private static Outcome writeOutcome(Item item, Transition transition, String key, Integer status, String message) {
        String operation = item.due.cancelled() ? "CANCEL" : item.due.xeroId() == null ? "CREATE" : "UPDATE";
        return new Outcome(item.due, transition, operation, key, status, message);
    }

    private static Integer replyStatus(XeroReply reply) {
        if (reply instanceof XeroReply.Ok ok) {
            return ok.response().status();
        }
        if (reply instanceof XeroReply.Refused refused) {
            return refused.failure().status();
        }
        return null;
    }

    // ---- payments ---------------------------------------------------------------------------------------------------

    /**
     * Mark as paid (F19): each payment once. A payment carried over from an earlier pass is checked against the
     * invoice's payments in Xero first (one read), so a payment Xero took without an answer is found, not sent again;
     * then one {@code PUT /Payments} for the rest, each to the clearing account, each answer to its own document.
     */
    private void pay(Pass pass, List<Item> payable) {
        payable = payable.stream().filter(item -> pass.claim.holds(item.due.documentId())).toList();
        if (payable.isEmpty()) {
            return;
        }
        if (pass.settings.clearingAccount() == null) {
            pass.apply(payable.stream().map(item -> Outcome.of(item.due, DeliveryDecisions.noClearingAccount())).toList());
            return;
        }
        List<Item> sending = new ArrayList<>();
        List<Item> carriedOver = payable.stream().filter(item -> item.element == null).toList();
        payable.stream().filter(item -> item.element != null).forEach(sending::add);
        if (!carriedOver.isEmpty()) {
            XeroReply reply = xero.reply(pass.connection, XeroRequest.get(pass.workspaceId(), "/Invoices",
                    "IDs=" + String.join(",", carriedOver.stream().map(item -> item.due.xeroId().toString()).toList())
                            + "&page=1"), Priority.PUSH);
            List<Outcome> outcomes = new ArrayList<>();
            if (!(reply instanceof XeroReply.Ok ok)) {
                carriedOver.forEach(item -> outcomes.add(new Outcome(item.due, paymentReadFailed(item.due, reply, pass.timing),
                        "PAYMENT_LOOKUP", null, replyStatus(reply), null)));
                pass.apply(outcomes);
            } else {
                Map<UUID, XeroInvoice> invoices = new HashMap<>();
                xeroJson.list(ok.response().body(), "Invoices", XeroInvoice.class)
                        .forEach(invoice -> invoices.put(invoice.invoiceId(), invoice));
                for (Item item : carriedOver) {
                    XeroInvoice invoice = invoices.get(item.due.xeroId());
                    if (invoice == null) {
                        outcomes.add(new Outcome(item.due, new Transition.PaymentUnknown(pass.timing.backoff(item.due.failures()),
                                DeliveryMessages.paymentOnItsWay("Xero did not return the invoice")), "PAYMENT_LOOKUP", null,
                                ok.response().status(), null));
                        continue;
                    }
                    DeliveryDecisions.BeforePayment before = DeliveryDecisions.beforePayment(invoice, wanted(item.document));
                    if (before instanceof DeliveryDecisions.BeforePayment.Done done) {
                        outcomes.add(new Outcome(item.due, done.outcome(), "PAYMENT_LOOKUP", null, ok.response().status(),
                                done.outcome() instanceof Transition.Paid ? "Already applied in Xero" : null));
                    } else {
                        sending.add(item);
                    }
                }
                pass.apply(outcomes);
            }
        }
        if (!sending.isEmpty() && !pass.stopped) {
            sendPayments(pass, sending);
        }
    }

    /**
     * The invoice's payments could not be read: a payment of unknown outcome stays unknown (the read comes again
     * before any resend), a due one stays due.
     */
    private static Transition paymentReadFailed(DueDocument due, XeroReply reply, Timing timing) {
        Transition later = DeliveryDecisions.notNow(due, reply, timing, DeliveryMessages.paymentOnItsWay(""));
        Instant at = later instanceof Transition.Throttled throttled ? throttled.notBefore()
                : later instanceof Transition.RetryLater retry ? retry.at() : timing.backoff(due.failures());
        if (later instanceof Transition.Waiting) {
            return later;
        }
        String error = later instanceof Transition.RetryLater retry ? retry.error() : null;
        return due.paymentState() == PaymentState.SENT ? new Transition.PaymentUnknown(at, error)
                : new Transition.PaymentLater(at, error);
    }

    private static DeliveryDecisions.WantedPayment wanted(OrderDocument document) {
        OrderDocument.Payment payment = document.payment();
        return new DeliveryDecisions.WantedPayment(payment.amount(), payment.paidOn(), payment.reference());
    }

    private void sendPayments(Pass pass, List<Item> sending) {
        List<Map<String, Object>> payments = new ArrayList<>();
        for (Item item : sending) {
            OrderDocument.Payment payment = item.document.payment();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Invoice", Map.of("InvoiceID", item.due.xeroId()));
            body.put("Account", Map.of("Code", pass.settings.clearingAccount()));
            body.put("Date", payment.paidOn().toString());
            body.put("Amount", payment.amount());
            if (payment.reference() != null) {
                body.put("Reference", payment.reference());
            }
            payments.add(body);
        }
        String body = xeroJson.write(Map.of("Payments", payments));
        String key = idempotencyKey("payments", pass.workspaceId(), body, sending.stream().map(item -> item.due).toList());
        documents.paymentSending(pass.claim, sending.stream().map(item -> item.due).toList());
        XeroReply reply = xero.reply(pass.connection, XeroRequest.write(pass.workspaceId(), "PUT", "/Payments",
                "summarizeErrors=false", body, key), Priority.PUSH);
        List<Outcome> outcomes = new ArrayList<>();
        if (!(reply instanceof XeroReply.Ok ok)) {
            sending.forEach(item -> outcomes.add(new Outcome(item.due, DeliveryDecisions.paymentFailed(item.due, reply,
                    pass.timing), "PAY", key, replyStatus(reply), null)));
            pass.apply(outcomes);
            return;
        }
        List<XeroPayment> answers = xeroJson.list(ok.response().body(), "Payments", XeroPayment.class);
        boolean[] used = new boolean[answers.size()];
        for (int i = 0; i < sending.size(); i++) {
            Item item = sending.get(i);
            XeroPayment answer = paymentAnswer(item.due.xeroId(), i, answers, used);
            Transition transition = answer == null
                    ? new Transition.PaymentUnknown(pass.timing.backoff(item.due.failures()),
                            DeliveryMessages.paymentOnItsWay("Xero's answer did not name it"))
                    : DeliveryDecisions.afterPayment(answer, answer.invoice() != null && answer.invoice().status() != null
                            ? answer.invoice().status() : paidInFull(item) ? "PAID" : "AUTHORISED");
            outcomes.add(new Outcome(item.due, transition, "PAY", key, ok.response().status(),
                    answer == null || answer.validationErrors() == null ? null
                            : String.join(" ", answer.validationErrors().stream().map(XeroMessage::message).toList())));
        }
        pass.apply(outcomes);
    }

    /** The payment answered for this invoice: at its position when it names the invoice, else wherever it does. */
    private static XeroPayment paymentAnswer(UUID invoiceId, int position, List<XeroPayment> answers, boolean[] used) {
        Function<XeroPayment, Boolean> forInvoice = answer -> answer.invoice() != null
                && invoiceId.equals(answer.invoice().invoiceId());
        if (position < answers.size() && !used[position] && forInvoice.apply(answers.get(position))) {
            used[position] = true;
            return answers.get(position);
        }
        for (int j = 0; j < answers.size(); j++) {
            if (!used[j] && forInvoice.apply(answers.get(j))) {
                used[j] = true;
                return answers.get(j);
            }
        }
        return null;
    }

    private static boolean paidInFull(Item item) {
        return item.document.totals() != null && item.document.payment().amount().compareTo(item.document.totals().total()) >= 0;
    }

    // ---- parking ----------------------------------------------------------------------------------------------------

    /**
     * Every due document of the workspace waits for {@code reason}, each state change told; in one transaction.
     *
     * @return the outbox rows written, for the route to publish
     */
    private List<Outbox.Row> park(String workspaceId, WaitingReason reason, String error) {
        List<DeliveryRepository.ParkedDocument> parked = new ArrayList<>();
        List<Outbox.Row> rows = transaction.execute(status -> {
            parked.addAll(documents.park(workspaceId, reason, error));
            return events.parked(workspaceId, parked, reason, error);
        });
        if (!parked.isEmpty()) {
            log.warn("Workspace {}: {} document(s) wait ({}): {}", workspaceId, parked.size(), reason, error);
        }
        return rows == null ? List.of() : rows;
    }

    private String url(DueDocument due) {
        return documentUrl.replace("{documentId}", due.documentId().toString());
    }

    /**
     * Xero remembers a key for minutes (FACTS.md §4) and refuses it for a different request. The key names the request
     * (its body) and the documents it carries at their versions and attempt counts: a resend of the very same call (a
     * crash before its answer was stored) is a replay, not a second write; after any recorded outcome of a document
     * the key is new, so an error Xero remembers against the old key (a 5xx) never blocks the next attempt. Exactly
     * once does not rest on the key, which lives minutes while backoff grows to ten: it rests on the look-up before any
     * resend of a document whose outcome is unknown.
     */
    static String idempotencyKey(String kind, String workspaceId, String body, List<DueDocument> carried) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((workspaceId + "|").getBytes(StandardCharsets.UTF_8));
            for (DueDocument due : carried) {
                sha.update((due.documentId() + ":" + due.version() + ":" + due.attempts() + "|").getBytes(StandardCharsets.UTF_8));
            }
            sha.update(body.getBytes(StandardCharsets.UTF_8));
            return "lb-" + kind + "-" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
