package io.ledgerbridge.delivery;

import io.ledgerbridge.connection.TokenService;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.connection.XeroConnectionRepository;
import io.ledgerbridge.delivery.StatusPullDecisions.Change;
import io.ledgerbridge.delivery.StatusPullDecisions.Deferred;
import io.ledgerbridge.delivery.StatusPullDecisions.Linked;
import io.ledgerbridge.delivery.StatusPullDecisions.Seen;
import io.ledgerbridge.delivery.StatusPullDecisions.Verdict;
import io.ledgerbridge.pull.MarkedRecords;
import io.ledgerbridge.pull.RefreshMarks.Category;
import io.ledgerbridge.pull.RefreshMarks.Mark;
import io.ledgerbridge.sync.SyncJob;
import io.ledgerbridge.sync.SyncScope;
import io.ledgerbridge.workspace.WorkspaceRepository;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.xero.PacedXero;
import io.ledgerbridge.xero.Priority;
import io.ledgerbridge.xero.XeroAnswerException;
import io.ledgerbridge.xero.XeroCreditNote;
import io.ledgerbridge.xero.XeroInvoice;
import io.ledgerbridge.xero.XeroJson;
import io.ledgerbridge.xero.XeroRequest;
import io.ledgerbridge.xero.XeroResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The invoice status pull (F19, F27): the workspace's invoices and bills changed in Xero since its watermark
 * ({@code If-Modified-Since}, paged, at pull priority so pushes go first) are matched to their documents by Xero id,
 * and each change {@link StatusPullDecisions} finds (paid, part paid, voided or deleted, approved in Xero) is stored and
 * told on xero.sync.status, in one short transaction per page, never with a call to Xero open. A document a pass holds
 * is read again on the next pull: the watermark moves only when nothing was put off. It runs on its schedule (the
 * {@code invoice-status-pull} route) and when a workspace asks (POST …/sync/invoice-pull).
 */
@Component
class InvoiceStatusPull implements SyncJob {

    static final int PAGE_SIZE = 100;
    private static final Logger log = LoggerFactory.getLogger(InvoiceStatusPull.class);

    private final JdbcClient jdbc;
    private final PacedXero xero;
    private final XeroJson xeroJson;
    private final TokenService tokens;
    private final WorkspaceRepository workspaces;
    private final XeroConnectionRepository connections;
    private final StatusEvents events;
    private final MarkedRecords marked;
    private final TransactionTemplate transaction;
    private final Clock clock;

    InvoiceStatusPull(JdbcClient jdbc, PacedXero xero, XeroJson xeroJson, TokenService tokens, WorkspaceRepository workspaces,
                      XeroConnectionRepository connections, StatusEvents events, MarkedRecords marked,
                      PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.xero = xero;
        this.xeroJson = xeroJson;
        this.tokens = tokens;
        this.workspaces = workspaces;
        this.connections = connections;
        this.events = events;
        this.marked = marked;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public SyncScope scope() {
        return SyncScope.INVOICE_PULL;
    }

    @Override
    public Optional<String> notReady(String workspaceId) {
        WorkspaceSettings settings = workspaces.settings(workspaceId).orElse(null);
        if (settings == null || !settings.modules().invoicePull()) {
            return Optional.of("Invoice pull is off, so nothing would be read. Turn it on in the workspace settings"
                    + " (modules.invoicePull, with items and contacts).");
        }
        return tokens.whyUnreachable(workspaceId);
    }

    /** The workspaces the schedule pulls: with documents in Xero, invoice pull on, and connected. */
    public List<String> workspaces() {
        return jdbc.sql("SELECT DISTINCT workspace_id FROM documents WHERE xero_id IS NOT NULL").query(String.class).list()
                .stream()
                .filter(workspaceId -> workspaces.settings(workspaceId).map(s -> s.modules().invoicePull()).orElse(false))
                .filter(workspaceId -> connections.find(workspaceId).map(XeroConnection::usable).orElse(false))
                .toList();
    }

    /** The schedule's step: a pull that cannot run now (throttled, not connected) is tried at the next tick. */
    public void pullQuietly(String workspaceId) {
        try {
            run(workspaceId);
        } catch (RuntimeException e) {
            log.info("Workspace {}: the invoice status pull goes at the next tick: {}", workspaceId, e.getMessage());
        }
    }

    @Override
    public Map<String, Long> run(String workspaceId) {
        XeroConnection connection = tokens.connection(workspaceId);
        Instant started = clock.instant();
        Instant since = watermark(workspaceId);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : List.of("read", "paid", "partPaid", "voided", "changed", "deferred")) {
            counts.put(name, 0L);
        }
        if (since == null) {
            saveWatermark(workspaceId, started); // nothing of it in Xero yet: what changes from now on is read
            return counts;
        }
        readPages(connection, "/Invoices", "&summaryOnly=true", since, "Invoices", XeroInvoice.class,
                InvoiceStatusPull::invoicesSeen, false, counts);
        if (hasLiveCreditNotes(workspaceId)) {
            readPages(connection, "/CreditNotes", "", since, "CreditNotes", XeroCreditNote.class,
                    InvoiceStatusPull::creditNotesSeen, true, counts);
        }
        if (counts.get("deferred") == 0) {
            saveWatermark(workspaceId, started);
        }
        log.info("Workspace {}: invoice status pull {}", workspaceId, counts);
        return counts;
    }

    /** Every page of {@code path} changed since the watermark, each applied as it comes. */
    private <T> void readPages(XeroConnection connection, String path, String filters, Instant since, String collection,
                               Class<T> type, Function<List<T>, Map<UUID, Seen>> seen, boolean creditNotes,
                               Map<String, Long> counts) {
        String workspaceId = connection.workspaceId();
        for (int page = 1; ; page++) {
            // Xero compares If-Modified-Since to the second: a second back, so nothing changed meanwhile is missed.
            XeroResponse response = xero.call(connection, XeroRequest.get(workspaceId, path,
                    "page=" + page + "&pageSize=" + PAGE_SIZE + filters).ifModifiedSince(since.minusSeconds(1)),
                    Priority.PULL);
            if (!response.ok()) {
                throw new XeroAnswerException(response);
            }
            List<T> records = xeroJson.list(response.body(), collection, type);
            counts.merge("read", (long) records.size(), Long::sum);
            apply(workspaceId, seen.apply(records), creditNotes, counts);
            if (records.size() < PAGE_SIZE) {
                return;
            }
        }
    }

    /**
     * Whether the workspace has credit notes in Xero that are not voided here: only then are Xero's credit notes read
     * (a voided or deleted one is all the pull tells of a credit note, see {@link StatusPullDecisions#decideCreditNote}).
     */
    private boolean hasLiveCreditNotes(String workspaceId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM documents WHERE workspace_id = :ws AND xero_id IS NOT NULL
                                  AND xero_type IN ('ACCRECCREDIT', 'ACCPAYCREDIT') AND state <> 'VOIDED')
                """).param("ws", workspaceId).query(Boolean.class).single();
    }

    private static Map<UUID, Seen> invoicesSeen(List<XeroInvoice> invoices) {
        return invoices.stream().filter(invoice -> invoice.invoiceId() != null).collect(Collectors.toMap(
                XeroInvoice::invoiceId, invoice -> new Seen(invoice.invoiceId(), invoice.status(), invoice.amountPaid()),
                (a, b) -> b));
    }

    private static Map<UUID, Seen> creditNotesSeen(List<XeroCreditNote> creditNotes) {
        return creditNotes.stream().filter(note -> note.creditNoteId() != null).collect(Collectors.toMap(
                XeroCreditNote::creditNoteId, note -> new Seen(note.creditNoteId(), note.status(), null), (a, b) -> b));
    }

    /** Stores and tells what changed, in one short transaction; the ids of the documents put off to the next read. */
    private Set<UUID> apply(String workspaceId, Map<UUID, Seen> byId, boolean creditNotes, Map<String, Long> counts) {
        Set<UUID> deferred = new HashSet<>();
        if (byId.isEmpty()) {
            return deferred;
        }
        List<Outbox.Row> rows = transaction.execute(status -> {
            List<SyncStatusEvent> told = new ArrayList<>();
            for (LinkedRow row : linked(workspaceId, byId.keySet())) {
                Seen seen = byId.get(row.xeroId());
                Verdict verdict = creditNotes ? StatusPullDecisions.decideCreditNote(row.linked(), seen)
                        : StatusPullDecisions.decide(row.linked(), seen);
                if (verdict instanceof Deferred) {
                    counts.merge("deferred", 1L, Long::sum);
                    deferred.add(row.xeroId());
                } else if (verdict instanceof Change change && store(workspaceId, row, change)) {
                    counts.merge(kind(change), 1L, Long::sum);
                    told.add(new SyncStatusEvent(workspaceId, row.linked().documentId(), row.linked().orderId(),
                            row.linked().xeroType(), row.linked().version(), change.state().name(), null, row.xeroId(),
                            change.xeroStatus(), null, null, clock.instant(), change.amountPaid()));
                }
            }
            return events.told(told);
        });
        if (rows != null && !rows.isEmpty()) {
            log.info("Workspace {}: {} document(s) changed in Xero", workspaceId, rows.size());
        }
        return deferred;
    }

    /** The workspaces with invoices or credit notes Xero's webhooks marked: what the webhook-refresh route reads. */
    public List<String> workspacesMarked() {
        Set<String> marked = new LinkedHashSet<>(this.marked.workspaces(Category.INVOICE));
        marked.addAll(this.marked.workspaces(Category.CREDITNOTE));
        return List.copyOf(marked);
    }

    /**
     * The invoices and credit notes Xero's webhooks marked for the workspace, each kind read with one call ({@code GET
     * /Invoices?IDs=…}, {@code GET /CreditNotes?IDs=…}, pull priority) and applied as a pull applies them. A mark for a
     * record that is not one of the workspace's, or whose document changed here at or after the event (Xero telling of
     * LedgerBridge's own write), needs no call. What could not be read now (throttled, not connected) stays marked for
     * the next tick; the polls are the safety net.
     */
    public void refreshMarkedQuietly(String workspaceId) {
        marked.refreshQuietly(workspaceId, Category.INVOICE, "/Invoices", "Invoices", XeroInvoice.class,
                due -> changedInXero(workspaceId, due),
                invoices -> applyMarked(workspaceId, invoicesSeen(invoices), false));
        marked.refreshQuietly(workspaceId, Category.CREDITNOTE, "/CreditNotes", "CreditNotes", XeroCreditNote.class,
                due -> changedInXero(workspaceId, due),
                creditNotes -> applyMarked(workspaceId, creditNotesSeen(creditNotes), true));
    }

    /** Of the marks due, those of the workspace's documents that changed in Xero after they last changed here. */
    private List<Mark> changedInXero(String workspaceId, List<Mark> due) {
        Map<UUID, Instant> changedHere = changedAt(workspaceId, due.stream().map(Mark::resourceId).toList());
        return due.stream().filter(mark -> changedHere.containsKey(mark.resourceId())
                && mark.eventAt().isAfter(changedHere.get(mark.resourceId()))).toList();
    }

    private Set<UUID> applyMarked(String workspaceId, Map<UUID, Seen> seen, boolean creditNotes) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Set<UUID> deferred = apply(workspaceId, seen, creditNotes, counts);
        log.info("Workspace {}: {} {} its webhooks marked read from Xero {}", workspaceId, seen.size(),
                creditNotes ? "credit note(s)" : "invoice(s)", counts);
        return deferred;
    }

    /** When each of the workspace's documents with these Xero ids last changed here. */
    private Map<UUID, Instant> changedAt(String workspaceId, List<UUID> xeroIds) {
        Map<UUID, Instant> changed = new HashMap<>();
        jdbc.sql("SELECT xero_id, updated_at FROM documents WHERE workspace_id = :ws AND xero_id IN (:ids)")
                .param("ws", workspaceId).param("ids", xeroIds)
                .query((rs, n) -> changed.put(rs.getObject("xero_id", UUID.class), rs.getTimestamp("updated_at").toInstant()))
                .list();
        return changed;
    }

    private static String kind(Change change) {
        return switch (change.state()) {
            case PAID -> "paid";
            case VOIDED -> "voided";
            default -> change.amountPaid() != null ? "partPaid" : "changed";
        };
    }

    /** A linked document and its Xero id. */
    private record LinkedRow(UUID xeroId, Linked linked) {
    }

    private List<LinkedRow> linked(String workspaceId, Set<UUID> xeroIds) {
        return jdbc.sql("""
                SELECT document_id, order_id, xero_type, version, state, xero_status, amount_paid, xero_id,
                       (claimed_until IS NOT NULL AND claimed_until > now()) AS claimed
                  FROM documents WHERE workspace_id = :ws AND xero_id IN (:ids)
                """)
                .param("ws", workspaceId).param("ids", xeroIds)
                .query((rs, n) -> new LinkedRow(rs.getObject("xero_id", UUID.class), new Linked(
                        rs.getObject("document_id", UUID.class), rs.getString("order_id"), rs.getString("xero_type"),
                        rs.getLong("version"), DocumentState.valueOf(rs.getString("state")), rs.getString("xero_status"),
                        rs.getBigDecimal("amount_paid"), rs.getBoolean("claimed"))))
                .list();
    }

    /** The change, if the document is still as it was read (no pass took it meanwhile). */
    private boolean store(String workspaceId, LinkedRow row, Change change) {
        return jdbc.sql("""
                UPDATE documents SET state = :state, xero_status = :xeroStatus, amount_paid = :paid, updated_at = now()
                 WHERE workspace_id = :ws AND document_id = :id AND state = :was
                   AND (claimed_until IS NULL OR claimed_until < now())
                """)
                .param("ws", workspaceId).param("id", row.linked().documentId())
                .param("state", change.state().name()).param("xeroStatus", change.xeroStatus())
                .param("paid", change.amountPaid()).param("was", row.linked().state().name())
                .update() == 1;
    }

    private Instant watermark(String workspaceId) {
        Optional<Instant> saved = jdbc.sql("SELECT modified_since FROM invoice_status_pulls WHERE workspace_id = :ws")
                .param("ws", workspaceId).query(Timestamp.class).optional().map(Timestamp::toInstant);
        if (saved.isPresent()) {
            return saved.get();
        }
        // the first pull: from the first document this workspace put in Xero
        return jdbc.sql("SELECT min(created_at) FROM documents WHERE workspace_id = :ws AND xero_id IS NOT NULL")
                .param("ws", workspaceId).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
    }

    private void saveWatermark(String workspaceId, Instant at) {
        jdbc.sql("""
                INSERT INTO invoice_status_pulls (workspace_id, modified_since, pulled_at) VALUES (:ws, :at, now())
                ON CONFLICT (workspace_id) DO UPDATE SET modified_since = EXCLUDED.modified_since, pulled_at = now()
                """)
                .param("ws", workspaceId).param("at", Timestamp.from(at)).update();
    }
}
