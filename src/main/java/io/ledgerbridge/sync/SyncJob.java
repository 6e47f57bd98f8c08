package io.ledgerbridge.sync;

import java.util.Map;
import java.util.Optional;

/**
 * One scope's sync, as the feature that owns its data runs it when a person (or the platform) asks. The trigger
 * first asks {@link #notReady}: a sync whose prerequisites are missing is refused with what to do first, and its
 * cooldown is not spent.
 */
public interface SyncJob {

    SyncScope scope();

    /** Why the workspace cannot run this sync now, with what to do first; empty when it can. */
    Optional<String> notReady(String workspaceId);

    /** Runs the sync; what it did, counted (e.g. {@code released}). A failure is thrown, and recorded by the caller. */
    Map<String, Long> run(String workspaceId);
}
