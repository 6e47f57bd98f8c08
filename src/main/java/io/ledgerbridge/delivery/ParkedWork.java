package io.ledgerbridge.delivery;

import io.ledgerbridge.connection.WorkspaceConnected;
import io.ledgerbridge.mapping.MappingChanged;
import io.ledgerbridge.workspace.PlanChanged;
import io.ledgerbridge.workspace.Workspace;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.workspace.WorkspaceSettingsChanged;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every reason a document waits has its release: the change that removes the cause makes the documents due again,
 * in the transaction that made the change. A setting turned on, a mapping or default account that may code a draft,
 * a connection made, a plan upgraded. ({@link WaitingReason#MANUAL_SYNC} is also released by a started sync, and
 * {@link WaitingReason#PAYMENT_AWAITS_APPROVAL} by a re-sync once the invoice is approved.)
 */
@Component
class ParkedWork {

    private static final Logger log = LoggerFactory.getLogger(ParkedWork.class);

    private final DeliveryRepository documents;

    ParkedWork(DeliveryRepository documents) {
        this.documents = documents;
    }

    /** What a change of settings releases: each waiting reason it removes, and whether failed documents go again. */
    record Release(Set<WaitingReason> reasons, boolean failed) {
    }

    /** Pure: the reasons a settings change removes. */
    static Release released(WorkspaceSettings before, WorkspaceSettings after) {
        Set<WaitingReason> reasons = EnumSet.noneOf(WaitingReason.class);
        if (!before.modules().invoicePush() && after.modules().invoicePush()) {
            reasons.add(WaitingReason.SYNC_OFF);
        }
        if (!before.automaticSync() && after.automaticSync()) {
            reasons.add(WaitingReason.MANUAL_SYNC);
        }
        boolean accounts = !Objects.equals(before.salesAccount(), after.salesAccount())
                || !Objects.equals(before.defaultExpenseAccount(), after.defaultExpenseAccount())
                || !Objects.equals(before.freightAccount(), after.freightAccount())
                || !Objects.equals(before.surchargeAccount(), after.surchargeAccount())
                || !Objects.equals(before.clearingAccount(), after.clearingAccount());
        if (accounts) {
            reasons.add(WaitingReason.GL_ACCOUNT_REQUIRED);
        }
        if (before.invoiceDefaultStatus() != after.invoiceDefaultStatus()
                || before.autoApproveBills() != after.autoApproveBills()) {
            // re-sent with the new status, a draft is approved in Xero, and its payment can go
            reasons.add(WaitingReason.PAYMENT_AWAITS_APPROVAL);
        }
        return new Release(reasons, accounts || before.markAsPaid() != after.markAsPaid());
    }

    @EventListener
    void settingsChanged(WorkspaceSettingsChanged change) {
        Release release = released(change.before(), change.after());
        release.reasons().forEach(reason -> resume(change.workspaceId(), reason));
        if (release.failed()) {
            count(change.workspaceId(), "failed", documents.retryFailed(change.workspaceId()));
        }
    }

    /** A new or changed mapping may be what waiting drafts and failed documents needed (F15). */
    @EventListener
    void mappingChanged(MappingChanged change) {
        resume(change.workspaceId(), WaitingReason.GL_ACCOUNT_REQUIRED);
        count(change.workspaceId(), "failed", documents.retryFailed(change.workspaceId()));
    }

    @EventListener
    void connected(WorkspaceConnected connected) {
        resume(connected.workspaceId(), WaitingReason.NOT_CONNECTED);
        resume(connected.workspaceId(), WaitingReason.NEEDS_RECONNECT);
    }

    /** Documents that waited for the free plan's quota go on PRO (F23); a new month releases them hourly. */
    @EventListener
    void planChanged(PlanChanged change) {
        if (change.plan() == Workspace.Plan.PRO) {
            count(change.workspaceId(), "over quota", documents.releaseOverQuota(change.workspaceId()));
        }
    }

    private void resume(String workspaceId, WaitingReason reason) {
        count(workspaceId, reason.name(), documents.resume(workspaceId, reason));
    }

    private static void count(String workspaceId, String what, int released) {
        if (released > 0) {
            log.info("Workspace {}: {} document(s) that waited ({}) go again", workspaceId, released, what);
        }
    }
}
