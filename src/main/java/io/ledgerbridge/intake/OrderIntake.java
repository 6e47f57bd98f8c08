package io.ledgerbridge.intake;

import io.ledgerbridge.delivery.DesiredDocument;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerbridge.delivery.DocumentRepository;
import io.ledgerbridge.delivery.DesiredDocument.XeroType;
import io.ledgerbridge.delivery.DesiredPayout;
import io.ledgerbridge.delivery.PayoutRepository;
import io.ledgerbridge.intake.DocumentPlanner.Plan;
import io.ledgerbridge.support.FixHints;
import io.ledgerbridge.support.PermanentFailureException;
import io.ledgerbridge.workspace.Workspace;
import io.ledgerbridge.workspace.Workspace.Role;
import io.ledgerbridge.workspace.WorkspaceRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what a batch of order events asks for, in one transaction: the desired state of each document
 * per workspace (a newer version wins; a recorded cancellation reaches the order's credit notes) and each event
 * (its CloudEvents source and id) per workspace (a replay changes nothing).
 * <p>
 * An event that is not JSON, breaks the published contract or can go to no workspace is rejected on
 * its own, with the reason; the rest of the batch is recorded. An event recorded for one side but naming a
 * workspace that cannot take the other is recorded, and carries the reason for that side too. A database
 * failure that may pass (connection lost, deadlock, timeout) fails the whole batch, so the caller tries it
 * again and nothing is committed in between. Any other database failure is narrowed down: each event then
 * gets its own transaction, and only the one that cannot be stored is rejected. An unexpected fault with one
 * event rejects that event only.
 */
@Component("orderIntake")
public class OrderIntake {

    private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);
    /** Problems listed in a reason; the rest are counted. */
    static final int LISTED = 20;
    private static final String ORDER_CANCELLED = "order.cancelled";
    private static final String PAYOUT_SETTLED = "payout.settled";
    /** PostgreSQL's SQLSTATE for a number too large for its column ("numeric field overflow"). */
    private static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";

    private final ObjectMapper json;
    private final OrderEventSchema schema;
    private final DocumentRepository documents;
    private final WorkspaceRepository workspaces;
    private final TransactionTemplate transaction;
    private final PayoutRepository payouts;

    public OrderIntake(ObjectMapper json, OrderEventSchema schema, DocumentRepository documents,
                       WorkspaceRepository workspaces, TransactionTemplate transaction) {
        this(json, schema, documents, workspaces, transaction, null);
    }

    /** With {@code payouts}, payout.settled events are recorded too (F24); without, they are rejected. */
    @Autowired
    public OrderIntake(ObjectMapper json, OrderEventSchema schema, DocumentRepository documents,
                       WorkspaceRepository workspaces, TransactionTemplate transaction, PayoutRepository payouts) {
        this.payouts = payouts;
        // money stays exact from the first byte: numbers with a fraction are read as BigDecimal
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.schema = schema;
        this.documents = documents;
        this.workspaces = workspaces;
        this.transaction = transaction;
    }

    /**
     * What became of one message: what it changed, or why it was rejected (for the dead letter). An event that
     * was recorded for one side and not the other has both: its result, and the reason for the side left out
     * ({@link #partlyRejected}), which gets a dead letter of its own.
     */
    public record Outcome(IntakeResult result, PermanentFailureException rejected,
                          PermanentFailureException partlyRejected) {

        public Outcome(IntakeResult result, PermanentFailureException rejected) {
            this(result, rejected, null);
        }

        public boolean isRejected() {
            return rejected != null;
        }

        /** The failure its dead letter carries: the whole event's, or the side's left out; null when none. */
        public PermanentFailureException deadLetter() {
            return rejected != null ? rejected : partlyRejected;
        }
    }

    /** @return one outcome per message, in the same order */
    public List<Outcome> recordAll(List<String> messages) {
        Map<String, Optional<Set<Role>>> roles = new HashMap<>();
        Function<String, Optional<Set<Role>>> rolesOf = workspace -> roles.computeIfAbsent(workspace,
                id -> workspaces.find(id).map(Workspace::roles));
        List<Outcome> outcomes = new ArrayList<>(messages.size());
        List<Plan> plans = new ArrayList<>(messages.size());
        for (String message : messages) {
            try {
                plans.add(plan(message, rolesOf));
                outcomes.add(null);
            } catch (PermanentFailureException e) {
                plans.add(Plan.NOTHING);
                outcomes.add(new Outcome(null, e));
            } catch (DataAccessException e) {
                throw e; // looking up a workspace failed: the whole batch again, later
            } catch (RuntimeException e) {
                // a fault of ours with this one event: it must not hold up the others
                plans.add(Plan.NOTHING);
                outcomes.add(new Outcome(null, new PermanentFailureException("The event could not be planned ("
                        + e + "); this is a fault in LedgerBridge, please report it with the event.", e)));
            }
        }
        try {
            List<IntakeResult> results = transaction.execute(status -> apply(plans));
            for (int i = 0; i < messages.size(); i++) {
                if (outcomes.get(i) == null) {
                    outcomes.set(i, recorded(results.get(i), plans.get(i)));
                }
            }
        } catch (NonTransientDataAccessException e) {
            if (e instanceof DataAccessResourceFailureException) {
                throw e; // the database is unreachable: the whole batch again, later
            }
            log.warn("A batch of {} events could not be stored ({}); storing them one by one", messages.size(),
                    e.getMostSpecificCause().getMessage());
            for (int i = 0; i < messages.size(); i++) {
                if (outcomes.get(i) == null) {
                    outcomes.set(i, alone(plans.get(i)));
                }
            }
        }
        return outcomes;
    }

    private static Outcome recorded(IntakeResult result, Plan plan) {
        return new Outcome(result, null, plan.unrecorded().isEmpty() ? null
                : new PermanentFailureException(String.join(" ", plan.unrecorded())));
    }

    private Outcome alone(Plan plan) {
        try {
            return recorded(transaction.execute(status -> apply(List.of(plan))).get(0), plan);
        } catch (NonTransientDataAccessException e) {
            if (e instanceof DataAccessResourceFailureException) {
                throw e;
            }
            return new Outcome(null, new PermanentFailureException(storingFailed(e), e));
        }
    }

    private Plan plan(String message, Function<String, Optional<Set<Role>>> rolesOf) {
        JsonNode tree;
        try {
            tree = json.readTree(message == null ? "" : message);
        } catch (JsonProcessingException e) {
            throw new PermanentFailureException("The message is not JSON (" + e.getOriginalMessage() + "). "
                    + "orders.events takes CloudEvents 1.0 in structured JSON mode; see "
                    + OrderEventSchema.PUBLISHED_AT + ".", e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new PermanentFailureException("The message is empty. orders.events takes CloudEvents 1.0 in"
                    + " structured JSON mode; see " + OrderEventSchema.PUBLISHED_AT + ".");
        }
        // before anything computes with them: the schema's multipleOf and a plain write expand 1e100000 in full
        List<String> numbers = NumberBounds.problems(tree);
        if (!numbers.isEmpty()) {
            throw new PermanentFailureException("The event carries numbers LedgerBridge does not take: "
                    + listed(numbers) + ". See " + OrderEventSchema.PUBLISHED_AT
                    + " for each field's range; fix the event at its producer and send it again.");
        }
        List<String> problems = schema.problems(tree);
        boolean payout = PAYOUT_SETTLED.equals(tree.path("type").asText());
        if (problems.isEmpty()) {
            problems = payout ? PayoutRules.problems(tree.get("data")) : OrderRules.problems(tree.get("data"));
        }
        if (!problems.isEmpty()) {
            throw new PermanentFailureException("The event breaks the order event contract ("
                    + OrderEventSchema.PUBLISHED_AT + "): " + listed(problems)
                    + ". Fix the event at its producer and send it again.");
        }
        if (payout) {
            return payoutPlan(tree, rolesOf);
        }
        try {
            OrderEvent event = json.treeToValue(tree, OrderEvent.class);
            return DocumentPlanner.plan(event, json.writeValueAsString(tree.get("data")), rolesOf);
        } catch (JsonProcessingException e) {
            throw new PermanentFailureException("The event could not be read as an order event: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * A payout.settled event that keeps the contract: for its supplier workspace, if that is one LedgerBridge knows
     * with the SUPPLIER role, and each order it pays that is recorded there is in its currency.
     */
    private Plan payoutPlan(JsonNode tree, Function<String, Optional<Set<Role>>> rolesOf) {
        JsonNode data = tree.get("data");
        String eventId = tree.path("id").asText();
        String payoutId = data.path("payoutId").asText();
        String workspace = data.path("supplier").path("workspaceId").asText();
        String event = "Payout " + payoutId + " (event " + eventId + ")";
        if (payouts == null) {
            throw new PermanentFailureException(event + " could not be recorded: this intake takes no payouts.");
        }
        Optional<Set<Role>> roles = rolesOf.apply(workspace);
        if (roles.isEmpty()) {
            throw new PermanentFailureException(event + " names workspace '" + workspace
                    + "' as the supplier, and LedgerBridge knows no workspace of that name. "
                    + FixHints.CREATE_THE_WORKSPACE_AND_RESEND);
        }
        if (!roles.get().contains(Role.SUPPLIER)) {
            throw new PermanentFailureException(event + " names workspace '" + workspace
                    + "' as the supplier, but it has no SUPPLIER role. " + FixHints.CREATE_OR_GIVE_THE_ROLE);
        }
        List<String> currency = PayoutRules.currencyProblems(data,
                payouts.orderCurrencies(workspace, PayoutRules.orderIds(data)));
        if (!currency.isEmpty()) {
            throw new PermanentFailureException("The event breaks the order event contract ("
                    + OrderEventSchema.PUBLISHED_AT + "): " + listed(currency)
                    + ". A payout pays invoices of its own currency; fix it at its producer and send it again.");
        }
        try {
            return Plan.payout(new DesiredPayout(workspace, payoutId, eventId, json.writeValueAsString(data)));
        } catch (JsonProcessingException e) {
            throw new PermanentFailureException("The payout could not be read: " + e.getOriginalMessage(), e);
        }
    }

    /** Why the database refused the event, in words a person can act on where the refusal is one we know. */
    static String storingFailed(DataAccessException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && NUMERIC_VALUE_OUT_OF_RANGE.equals(sql.getSQLState())) {
                // the schema's maximum (9,999,999,999.99, Xero's largest line amount) keeps totals well inside
                // numeric(19,2); should an amount reach the database anyway, say so and not "numeric field overflow"
                return "The event could not be stored: one of its amounts is too large for LedgerBridge (amounts go"
                        + " up to 9,999,999,999.99, the largest Xero takes). Correct the event's totals at its producer"
                        + " and send it again.";
            }
        }
        return "The event could not be stored: " + e.getMostSpecificCause().getMessage();
    }

    /** The first {@link #LISTED} problems, then how many more: a reason says enough to act on, at a bounded length. */
    static String listed(List<String> problems) {
        if (problems.size() <= LISTED) {
            return String.join("; ", problems);
        }
        return String.join("; ", problems.subList(0, LISTED)) + "; and " + (problems.size() - LISTED) + " more problems";
    }

    /** Every planned document in two statements' batches: remember the event ids, then upsert the new ones. */
    private List<IntakeResult> apply(List<Plan> plans) {
        List<DesiredDocument> all = plans.stream().flatMap(plan -> plan.documents().stream()).toList();
        boolean[] firstTime = documents.markEventsApplied(all);
        List<DesiredDocument> fresh = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (firstTime[i]) {
                fresh.add(all.get(i));
            }
        }
        boolean[] recordedFresh = documents.upsertAllIfNewer(fresh);
        List<DesiredDocument> cancelled = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            if (recordedFresh[i] && cancelsItsCreditNotes(fresh.get(i))) {
                cancelled.add(fresh.get(i));
            }
        }
        if (!cancelled.isEmpty()) {
            int creditNotes = documents.cancelCreditNotes(cancelled);
            log.info("{} order cancellation(s) reached {} credit note(s) of the same orders", cancelled.size(), creditNotes);
        }
        List<DesiredPayout> payoutsToRecord = plans.stream().map(Plan::payout).filter(java.util.Objects::nonNull).toList();
        boolean[] payoutRecorded = payoutsToRecord.isEmpty() ? new boolean[0] : payouts.recordAll(payoutsToRecord);
        int payoutIndex = 0;
        List<IntakeResult> results = new ArrayList<>(plans.size());
        int doc = 0;
        int freshIndex = 0;
        for (Plan plan : plans) {
            if (plan.payout() != null) {
                boolean recorded = payoutRecorded[payoutIndex++];
                results.add(new IntakeResult(recorded ? 1 : 0, recorded ? 0 : 1, 0, 0));
                continue;
            }
            int recorded = 0;
            int replayed = 0;
            int stale = 0;
            for (int j = 0; j < plan.documents().size(); j++, doc++) {
                if (!firstTime[doc]) {
                    replayed++;
                } else if (recordedFresh[freshIndex++]) {
                    recorded++;
                } else {
                    stale++;
                }
            }
            results.add(new IntakeResult(recorded, replayed, stale, plan.outside()));
        }
        return results;
    }

    /** A cancelled invoice or bill voids its order's credit notes too; a stale cancellation was not recorded. */
    private static boolean cancelsItsCreditNotes(DesiredDocument document) {
        return ORDER_CANCELLED.equals(document.eventType())
                && (document.xeroType() == XeroType.ACCREC || document.xeroType() == XeroType.ACCPAY);
    }

    /**
     * How many documents the event changed, how many it left alone as a replay or an older version, and how many
     * of its parties are outside LedgerBridge (no workspaceId, so nothing of theirs to write).
     */
    public record IntakeResult(int recorded, int replayed, int stale, int outside) {
        @Override
        public String toString() {
            return recorded + " recorded, " + replayed + " replayed, " + stale + " not newer, " + outside + " outside";
        }
    }
}
