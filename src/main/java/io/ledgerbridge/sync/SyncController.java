package io.ledgerbridge.sync;

import io.ledgerbridge.sync.SyncTriggers.CoolingDown;
import io.ledgerbridge.sync.SyncTriggers.Queued;
import io.ledgerbridge.sync.SyncTriggers.ScopeStatus;
import io.ledgerbridge.sync.SyncTriggers.Triggered;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Start a sync ({@code POST …/sync/{scope}}: 202, or 429 while its cooldown runs) and see each scope's last run. */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/sync")
class SyncController {

    private final SyncTriggers triggers;

    SyncController(SyncTriggers triggers) {
        this.triggers = triggers;
    }

    @PostMapping("/{scope}")
    ResponseEntity<?> trigger(@PathVariable String workspaceId, @PathVariable String scope) {
        Triggered triggered = triggers.trigger(workspaceId, scope);
        if (triggered instanceof Queued queued) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("scope", queued.scope().path(),
                    "requestedAt", queued.requestedAt(), "cooldownSeconds", queued.scope().cooldown().toSeconds()));
        }
        CoolingDown cooling = (CoolingDown) triggered;
        long seconds = Cooldown.seconds(cooling.remaining());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "A " + cooling.scope().path()
                + " sync was asked for less than " + cooling.scope().cooldown().toSeconds() + " s ago; ask again in "
                + seconds + " s.");
        problem.setTitle("Sync cooling down");
        problem.setProperty("cooldownRemainingSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem);
    }

    @GetMapping
    List<ScopeStatus> status(@PathVariable String workspaceId) {
        return triggers.status(workspaceId);
    }
}
