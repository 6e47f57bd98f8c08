package io.ledgerbridge.delivery;

import io.ledgerbridge.workspace.Workspace;
import io.ledgerbridge.workspace.Workspace.Plan;
import io.ledgerbridge.workspace.WorkspaceRepository;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The plan's quota (F23): a FREE workspace syncs 30 new invoices or bills a calendar month (UTC); PRO is
 * unlimited. Documents beyond it wait as OVER_QUOTA and go when the plan or the month allows.
 */
@Component("planQuota")
class PlanQuota {

    public static final int FREE_PER_MONTH = 30;

    private final JdbcClient jdbc;
    private final WorkspaceRepository workspaces;
    private final DeliveryRepository documents;

    public PlanQuota(JdbcClient jdbc, WorkspaceRepository workspaces, DeliveryRepository documents) {
        this.jdbc = jdbc;
        this.workspaces = workspaces;
        this.documents = documents;
    }

    /** A new month (or a plan change made elsewhere): release the waiting documents where quota is left again. */
    public int releaseWhereQuotaAllows() {
        List<String> waiting = jdbc.sql("SELECT DISTINCT workspace_id FROM documents WHERE state = 'OVER_QUOTA'")
                .query(String.class).list();
        int released = 0;
        for (String workspaceId : waiting) {
            Workspace workspace = workspaces.find(workspaceId).orElse(null);
            if (workspace != null && remaining(workspace) > 0) {
                released += documents.releaseOverQuota(workspaceId);
            }
        }
        return released;
    }

    /**
     * How many more new documents this workspace may create in Xero this month: each document created (or found in
     * Xero after a write whose answer was lost) this month counts once.
     */
    public int remaining(Workspace workspace) {
        if (workspace.plan() == Plan.PRO) {
            return Integer.MAX_VALUE;
        }
        long used = jdbc.sql("""
                SELECT count(DISTINCT document_id) FROM document_attempts
                 WHERE workspace_id = :ws
                   AND ((operation = 'CREATE' AND outcome IN ('SYNCED', 'WAITING')) OR (operation = 'LOOKUP' AND outcome = 'FOUND'))
                   AND attempted_at >= date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
                """)
                .param("ws", workspace.workspaceId())
                .query(Long.class)
                .single();
        return (int) Math.max(0, FREE_PER_MONTH - used);
    }

}
