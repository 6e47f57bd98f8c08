package io.ledgerbridge.delivery;

import io.ledgerbridge.connection.TokenService;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.connection.XeroConnectionRepository;
import io.ledgerbridge.delivery.AllocationDecisions.Before;
import io.ledgerbridge.delivery.AllocationDecisions.Wanted;
import io.ledgerbridge.delivery.DeliveryDecisions.Timing;
import io.ledgerbridge.workspace.WorkspaceRepository;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.xero.PacedXero;
import io.ledgerbridge.xero.PacingSettings;
import io.ledgerbridge.xero.Priority;
import io.ledgerbridge.xero.XeroAllocation;
import io.ledgerbridge.xero.XeroCreditNoteCredit;
import io.ledgerbridge.xero.XeroInvoice;
import io.ledgerbridge.xero.XeroJson;
import io.ledgerbridge.xero.XeroReply;
import io.ledgerbridge.xero.XeroRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Allocates each credit note to the invoice or bill of its order once both are in Xero (issue 11), for workspaces
 * with {@code allocateCreditNotes} on: {@code PUT /CreditNotes/{id}/Allocations} with the credit note's total, capped
 * at what the invoice still has due (read just before, with one {@code GET /Invoices?IDs=…} per run). Exactly once:
 * the allocation is marked SENT before it goes, and one whose answer never came (or was a 5xx) is settled by reading
 * the credit note ({@code GET /CreditNotes/{id}}: its allocations and remaining credit) before anything goes again.
 * <p>
 * Run every couple of seconds by routes/xero-delivery.camel.yaml ({@code ledgerbridge.delivery.allocation-period-ms}):
 * a credit note that reaches Xero before its invoice simply waits, and is allocated at the first run after the
 * invoice is synced and approved. Xero is never called inside a transaction; each outcome is written in one short
 * one, fenced by the run's claim.
 */
@Component("creditNoteAllocations")
class CreditNoteAllocations {

    private static final Logger log = LoggerFactory.getLogger(CreditNoteAllocations.class);
    /** Allocations one run takes per workspace: one call each, well within a claim's lease. */
    static final int BATCH = 10;

    private final AllocationRepository allocations;
    private final StatusEvents statusEvents;
    private final WorkspaceRepository workspaces;
    private final XeroConnectionRepository connections;
    private final TokenService tokens;
    private final PacedXero xero;
    private final XeroJson xeroJson;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration lease;
    private final Duration window;

    CreditNoteAllocations(AllocationRepository allocations, StatusEvents statusEvents, WorkspaceRepository workspaces,
                          XeroConnectionRepository connections, TokenService tokens, PacedXero xero, XeroJson xeroJson,
                          TransactionTemplate transaction, Clock clock, DeliverySettings settings, PacingSettings pacing) {
        this.allocations = allocations;
        this.statusEvents = statusEvents;
        this.workspaces = workspaces;
        this.connections = connections;
        this.tokens = tokens;
        this.xero = xero;
        this.xeroJson = xeroJson;
        this.transaction = transaction;
        this.clock = clock;
        this.lease = settings.claimLeaseSeconds();
        this.window = pacing.window();
    }

    /**
     * Connected workspaces with an allocation of ours to remove (whatever the setting: a newer version of the credit
     * note waits for it), or with allocation on and a credit note whose allocation is not settled.
     */
    public List<String> workspaces() {
        Set<String> removing = new HashSet<>(allocations.workspacesWithRemovals());
        Set<String> all = new java.util.LinkedHashSet<>(removing);
        allocations.workspacesWithWork().stream()
                .filter(id -> workspaces.settings(id).map(WorkspaceSettings::allocateCreditNotes).orElse(false))
                .forEach(all::add);
        return all.stream().filter(id -> connections.find(id).map(XeroConnection::usable).orElse(false)).toList();
    }

    /** The schedule's step: what cannot go now (not connected, throttled, a fault of ours) goes at a later run. */
    public void allocateQuietly(String workspaceId) {
        try {
            allocate(workspaceId);
        } catch (RuntimeException e) {
            log.warn("Workspace {}: credit note allocations go at the next run: {}", workspaceId, e.toString());
        }
    }

    void allocate(String workspaceId) {
        XeroConnection connection = tokens.connection(workspaceId);
        remove(connection, workspaceId);
        if (!workspaces.settings(workspaceId).map(WorkspaceSettings::allocateCreditNotes).orElse(false)) {
            return;
        }
        UUID token = UUID.randomUUID();
        List<DueAllocation> due = transaction.execute(status -> allocations.claim(workspaceId, token, BATCH, lease));
        if (due == null || due.isEmpty()) {
            return;
        }
        try {
            Timing timing = new Timing(clock.instant(), window);
            Map<UUID, XeroInvoice> invoices = new HashMap<>();
            XeroReply invoiceRead = xero.reply(connection, XeroRequest.get(workspaceId, "/Invoices", "IDs="
                    + String.join(",", due.stream().map(d -> d.invoiceXeroId().toString()).distinct().toList())),
                    Priority.PUSH);
            if (invoiceRead instanceof XeroReply.Ok ok) {
                xeroJson.list(ok.response().body(), "Invoices", XeroInvoice.class)
                        .forEach(invoice -> invoices.put(invoice.invoiceId(), invoice));
            }
            Set<UUID> unsettledInvoices = new HashSet<>();
            for (DueAllocation allocation : due) {
                if (unsettledInvoices.contains(allocation.invoiceXeroId())) {
                    continue; // an allocation to the same invoice is unknown: its amount due is not known either
                }
                if (!(invoiceRead instanceof XeroReply.Ok)) {
                    record(token, allocation, AllocationDecisions.notNow(invoiceRead, allocation.sent(), timing,
                            allocation.failures()), "ALLOCATION_LOOKUP", null, Pass.status(invoiceRead));
                    continue;
                }
                AllocationOutcome outcome = allocateOne(connection, token, allocation, invoices, timing);
                if (outcome instanceof AllocationOutcome.Applied applied && applied.amount() != null) {
                    XeroInvoice invoice = invoices.get(allocation.invoiceXeroId());
                    if (invoice != null && invoice.amountDue() != null) {
                        invoices.put(invoice.invoiceId(), lessDue(invoice, applied.amount()));
                    }
                } else if (outcome instanceof AllocationOutcome.Unknown) {
                    unsettledInvoices.add(allocation.invoiceXeroId());
                }
            }
        } finally {
            allocations.release(workspaceId, token);
        }
    }

    /** One credit note: read it first when an earlier sending is unknown, decide, send, record. */
    private AllocationOutcome allocateOne(XeroConnection connection, UUID token, DueAllocation allocation,
                                          Map<UUID, XeroInvoice> invoices, Timing timing) {
        XeroCreditNoteCredit creditNote = null;
        if (allocation.sent()) {
            XeroReply read = xero.reply(connection, XeroRequest.get(allocation.workspaceId(),
                    "/CreditNotes/" + allocation.creditNoteXeroId(), null), Priority.PUSH);
            if (!(read instanceof XeroReply.Ok ok)) {
                return record(token, allocation, AllocationDecisions.notNow(read, true, timing, allocation.failures()),
                        "ALLOCATION_LOOKUP", null, Pass.status(read));
            }
            creditNote = xeroJson.list(ok.response().body(), "CreditNotes", XeroCreditNoteCredit.class).stream()
                    .findFirst().orElse(null);
            if (creditNote == null) {
                return record(token, allocation, new AllocationOutcome.Unknown(timing.backoff(allocation.failures()),
                        DeliveryMessages.allocationOnItsWay("Xero did not return the credit note")), "ALLOCATION_LOOKUP",
                        null, ok.response().status());
            }
        }
        XeroInvoice invoice = invoices.get(allocation.invoiceXeroId());
        Before before = AllocationDecisions.beforeSend(creditNote, invoice,
                new Wanted(allocation.invoiceXeroId(), allocation.creditTotal()), timing, allocation.failures());
        if (before instanceof Before.Done done) {
            return record(token, allocation, done.outcome(), allocation.sent() ? "ALLOCATION_LOOKUP" : "ALLOCATE", null, 200);
        }
        BigDecimal amount = ((Before.Send) before).amount();
        String body = xeroJson.write(Map.of("Allocations", List.of(XeroAllocation.outgoing(allocation.invoiceXeroId(),
                amount, date(invoice).toString()))));
        String key = IdempotencyKeys.of("allocation", allocation.workspaceId(), body, allocation.documentId(),
                allocation.attempts());
        if (!allocations.sending(token, allocation, amount)) {
            return null; // another run holds it now
        }
        XeroReply reply = xero.reply(connection, XeroRequest.write(allocation.workspaceId(), "PUT",
                "/CreditNotes/" + allocation.creditNoteXeroId() + "/Allocations", "summarizeErrors=false", body, key),
                Priority.PUSH);
        AllocationOutcome outcome;
        if (reply instanceof XeroReply.Ok ok) {
            List<XeroAllocation> answers = xeroJson.list(ok.response().body(), "Allocations", XeroAllocation.class);
            outcome = AllocationDecisions.afterAnswer(answers.isEmpty() ? null : answers.get(0), amount, timing,
                    allocation.failures());
        } else {
            outcome = AllocationDecisions.sendFailed(reply, timing, allocation.failures());
        }
        return record(token, allocation, outcome, "ALLOCATE", key, Pass.status(reply));
    }

    /**
     * Our allocations whose credit note has a newer version waiting (Xero refuses to change an allocated credit note):
     * each is removed with {@code DELETE /CreditNotes/{id}/Allocations/{AllocationID}}, marked REMOVING before it
     * goes; one whose removal got no answer (or whose id is not known) is settled by reading the credit note first.
     * Once removed, the allocation is DUE again and the credit note goes to the lane, in one transaction: after it is
     * SYNCED at its new version, it is allocated again for its new total.
     */
    private void remove(XeroConnection connection, String workspaceId) {
        UUID token = UUID.randomUUID();
        List<DueRemoval> due = transaction.execute(status -> allocations.claimRemovals(workspaceId, token, BATCH, lease));
        if (due == null || due.isEmpty()) {
            return;
        }
        try {
            Timing timing = new Timing(clock.instant(), window);
            for (DueRemoval removal : due) {
                removeOne(connection, token, removal, timing);
            }
        } finally {
            allocations.release(workspaceId, token);
        }
    }

    private void removeOne(XeroConnection connection, UUID token, DueRemoval due, Timing timing) {
        String creditNotePath = "/CreditNotes/" + due.creditNoteXeroId();
        XeroCreditNoteCredit creditNote = null;
        if (due.readFirst()) {
            XeroReply read = xero.reply(connection, XeroRequest.get(due.workspaceId(), creditNotePath, null), Priority.PUSH);
            if (!(read instanceof XeroReply.Ok ok)) {
                recordRemoval(token, due, AllocationDecisions.readFailed(read, timing, due.failures()),
                        "UNALLOCATE_LOOKUP", Pass.status(read));
                return;
            }
            creditNote = xeroJson.list(ok.response().body(), "CreditNotes", XeroCreditNoteCredit.class).stream()
                    .findFirst().orElse(null);
            if (creditNote == null) {
                recordRemoval(token, due, new RemovalOutcome.Later(timing.backoff(due.failures()),
                        DeliveryMessages.removalOnItsWay("Xero did not return the credit note"), true),
                        "UNALLOCATE_LOOKUP", ok.response().status());
                return;
            }
        }
        AllocationDecisions.BeforeRemoval before = AllocationDecisions.beforeRemoval(due, creditNote);
        if (before instanceof AllocationDecisions.BeforeRemoval.Done done) {
            recordRemoval(token, due, done.outcome(), "UNALLOCATE_LOOKUP", 200);
            return;
        }
        UUID allocationId = ((AllocationDecisions.BeforeRemoval.Send) before).allocationId();
        if (!allocations.removing(token, due, allocationId)) {
            return; // another run holds it now
        }
        XeroReply reply = xero.reply(connection, XeroRequest.write(due.workspaceId(), "DELETE",
                creditNotePath + "/Allocations/" + allocationId, null, null, null), Priority.PUSH);
        recordRemoval(token, due, AllocationDecisions.afterRemoval(reply, timing, due.failures()), "UNALLOCATE",
                Pass.status(reply));
    }

    private void recordRemoval(UUID token, DueRemoval due, RemovalOutcome outcome, String operation, Integer status) {
        Boolean landed = transaction.execute(tx -> {
            boolean applied = allocations.applyRemoval(token, due, outcome, operation, status);
            if (applied && outcome instanceof RemovalOutcome.Refused refused) {
                statusEvents.removalRefused(due, refused);
            }
            return applied;
        });
        if (!Boolean.TRUE.equals(landed)) {
            log.warn("Workspace {}: the removal of credit note {}'s allocation was not recorded: another run holds it now",
                    due.workspaceId(), due.documentId());
        } else if (outcome instanceof RemovalOutcome.Removed) {
            log.info("Workspace {}: credit note {}'s allocation to invoice {} removed, for its newer version",
                    due.workspaceId(), due.documentId(), due.invoiceXeroId());
        } else if (outcome instanceof RemovalOutcome.Refused refused) {
            log.warn("Workspace {}: credit note {}: {}", due.workspaceId(), due.documentId(), refused.reason());
        }
    }

    /** The allocation's date: today (UTC), or the invoice's date when that is later (Xero allocates from it on). */
    private LocalDate date(XeroInvoice invoice) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate invoiced = invoice == null ? null : invoice.issued();
        return invoiced != null && invoiced.isAfter(today) ? invoiced : today;
    }

    private AllocationOutcome record(UUID token, DueAllocation allocation, AllocationOutcome outcome, String operation,
                                     String key, Integer status) {
        Boolean landed = transaction.execute(tx -> {
            boolean applied = allocations.apply(token, allocation, outcome, operation, key, status);
            if (applied && outcome instanceof AllocationOutcome.Refused refused) {
                statusEvents.allocationRefused(allocation, refused);
            }
            return applied;
        });
        if (!Boolean.TRUE.equals(landed)) {
            log.warn("Workspace {}: the allocation of credit note {} was not recorded: another run holds it now",
                    allocation.workspaceId(), allocation.documentId());
        } else if (outcome instanceof AllocationOutcome.Refused refused) {
            log.warn("Workspace {}: credit note {} was not allocated: {}", allocation.workspaceId(),
                    allocation.documentId(), refused.reason());
        } else if (outcome instanceof AllocationOutcome.Applied applied) {
            log.info("Workspace {}: credit note {} allocated ({}) to invoice {}", allocation.workspaceId(),
                    allocation.documentId(), applied.amount(), allocation.invoiceXeroId());
        }
        return outcome;
    }

    /** The invoice as this run now knows it: {@code amount} less due. */
    private static XeroInvoice lessDue(XeroInvoice i, BigDecimal amount) {
        return new XeroInvoice(i.invoiceId(), i.type(), i.contact(), i.date(), i.dueDate(), i.lineAmountTypes(),
                i.invoiceNumber(), i.reference(), i.url(), i.currencyCode(), i.status(), i.lineItems(), i.subTotal(),
                i.totalTax(), i.total(), i.amountDue().subtract(amount), i.amountPaid(), i.payments(), i.updatedDateUtc(),
                i.statusAttributeString(), i.hasErrors(), i.validationErrors(), i.warnings());
    }
}
