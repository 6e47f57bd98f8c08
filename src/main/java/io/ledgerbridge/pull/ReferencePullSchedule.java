package io.ledgerbridge.pull;

import io.ledgerbridge.connection.XeroConnectionRepository;
import io.ledgerbridge.sync.SyncJob;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The reference pulls on their schedule (the reference-pulls route): tax rates, then contacts and items, for every
 * connected workspace with the module on. A pull that cannot run now (throttled, the token endpoint down) goes at the
 * next tick; the manual trigger (POST …/sync/{scope}) runs the same pull at once.
 */
@Component
class ReferencePullSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReferencePullSchedule.class);

    private final List<SyncJob> pulls;
    private final XeroConnectionRepository connections;

    ReferencePullSchedule(TaxRatesPull taxRates, ContactsPull contacts, ItemsPull items,
                          XeroConnectionRepository connections) {
        this.pulls = List.of(taxRates, contacts, items);
        this.connections = connections;
    }

    public List<String> workspaces() {
        return connections.connectedWorkspaces();
    }

    public void pull(String workspaceId) {
        for (SyncJob pull : pulls) {
            if (pull.notReady(workspaceId).isPresent()) {
                continue;
            }
            try {
                pull.run(workspaceId);
            } catch (RuntimeException e) {
                log.info("Workspace {}: the {} pull goes at the next tick: {}", workspaceId, pull.scope().path(),
                        e.getMessage());
            }
        }
    }
}
