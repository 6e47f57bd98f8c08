/**
 * Syncs a person or the platform asks for (POST …/sync/{scope}): each scope's cooldown, the queue they run from, and
 * their last runs. The features that own the data run them (SyncJob): delivery the invoice push; the pulls come next.
 */
@ApplicationModule(displayName = "Sync triggers", allowedDependencies = {"api", "workspace", "support"})
package io.ledgerbridge.sync;

import org.springframework.modulith.ApplicationModule;
