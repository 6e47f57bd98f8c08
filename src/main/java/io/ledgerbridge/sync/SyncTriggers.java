package io.ledgerbridge.sync;

import io.ledgerbridge.api.ConflictException;
import io.ledgerbridge.api.NotFoundException;
import io.ledgerbridge.sync.SyncRunRepository.SyncRun;
import io.ledgerbridge.workspace.WorkspaceRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Manual sync triggers (F25-F30): a sync asked for is checked (the scope exists and is built, the workspace is ready
 * for it), held to its scope's cooldown, queued on the sync route, and run there by the feature that owns the scope
 * ({@link SyncJob}); {@link #status} is each scope's last run and the cooldown left.
 */
@Service
public class SyncTriggers {

    static final String QUEUE = "seda:sync-requests";
    private static final Logger log = LoggerFactory.getLogger(SyncTriggers.class);

    /** What a trigger did: queued the run, or found the scope cooling down. */
    sealed interface Triggered permits Queued, CoolingDown {
    }

    record Queued(SyncScope scope, Instant requestedAt) implements Triggered {
    }

    record CoolingDown(SyncScope scope, Duration remaining) implements Triggered {
    }

    /** One scope as {@code GET …/sync} shows it. */
    public record ScopeStatus(String scope, boolean available, long cooldownSeconds, long cooldownRemainingSeconds,
                              SyncRun lastRun) {
    }

    private final Map<SyncScope, SyncJob> jobs = new EnumMap<>(SyncScope.class);
    private final SyncRunRepository runs;
    private final WorkspaceRepository workspaces;
    private final ProducerTemplate producer;
    private final Clock clock;

    SyncTriggers(List<SyncJob> jobs, SyncRunRepository runs, WorkspaceRepository workspaces, ProducerTemplate producer,
                 Clock clock) {
        jobs.forEach(job -> this.jobs.put(job.scope(), job));
        this.runs = runs;
        this.workspaces = workspaces;
        this.producer = producer;
        this.clock = clock;
    }

    Triggered trigger(String workspaceId, String scopePath) {
        SyncScope scope = SyncScope.ofPath(scopePath).orElseThrow(() -> new NotFoundException("There is no sync '"
                + scopePath + "': ask for one of " + Arrays.stream(SyncScope.values()).map(SyncScope::path)
                .collect(Collectors.joining(", ")) + "."));
        requireWorkspace(workspaceId);
        SyncJob job = jobs.get(scope);
        if (job == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_IMPLEMENTED, "The " + scope.path()
                    + " sync is not built yet: nothing was started. The invoice push is; the pulls from Xero come next.");
            problem.setTitle("Not built yet");
            throw new ErrorResponseException(HttpStatus.NOT_IMPLEMENTED, problem, null);
        }
        Optional<String> notReady = job.notReady(workspaceId);
        if (notReady.isPresent()) {
            throw new ConflictException("Not ready to sync", notReady.get());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it: the run's name
        if (!runs.queue(workspaceId, scope, now)) {
            Instant last = runs.find(workspaceId, scope).map(SyncRun::requestedAt).orElse(null);
            return new CoolingDown(scope, Cooldown.remaining(last, scope.cooldown(), now));
        }
        try {
            producer.sendBody(QUEUE, new SyncRequest(workspaceId, scope, now));
        } catch (RuntimeException e) {
            runs.finished(workspaceId, scope, now, clock.instant(), "FAILED", "It could not be queued: " + e.getMessage(), null);
            throw e;
        }
        log.info("Workspace {}: {} sync asked for", workspaceId, scope.path());
        return new Queued(scope, now);
    }

    public List<ScopeStatus> status(String workspaceId) {
        requireWorkspace(workspaceId);
        Map<SyncScope, SyncRun> last = runs.all(workspaceId).stream()
                .collect(Collectors.toMap(SyncRun::scope, run -> run));
        Instant now = clock.instant();
        return Arrays.stream(SyncScope.values()).map(scope -> {
            SyncRun run = last.get(scope);
            Duration remaining = Cooldown.remaining(run == null ? null : run.requestedAt(), scope.cooldown(), now);
            return new ScopeStatus(scope.path(), jobs.containsKey(scope), scope.cooldown().toSeconds(),
                    Cooldown.seconds(remaining), run);
        }).toList();
    }

    /** The sync route's step: runs the job and records what it did; a failure is recorded, not rethrown. */
    public void run(SyncRequest request) {
        SyncJob job = jobs.get(request.scope());
        runs.started(request.workspaceId(), request.scope(), request.requestedAt(), clock.instant());
        try {
            Map<String, Long> counts = job.run(request.workspaceId());
            runs.finished(request.workspaceId(), request.scope(), request.requestedAt(), clock.instant(), "OK", null, counts);
            log.info("Workspace {}: {} sync done {}", request.workspaceId(), request.scope().path(), counts);
        } catch (RuntimeException e) {
            runs.finished(request.workspaceId(), request.scope(), request.requestedAt(), clock.instant(), "FAILED",
                    e.getMessage(), null);
            log.warn("Workspace {}: {} sync failed: {}", request.workspaceId(), request.scope().path(), e.getMessage(), e);
        }
    }

    private void requireWorkspace(String workspaceId) {
        if (!workspaces.exists(workspaceId)) {
            throw NotFoundException.workspace(workspaceId);
        }
    }
}
