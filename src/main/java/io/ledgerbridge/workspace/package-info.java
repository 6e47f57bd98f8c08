/**
 * Workspaces, their settings and the module chain; events when settings or the plan change.
 */
@ApplicationModule(displayName = "Workspace", allowedDependencies = {"api", "support"})
package io.ledgerbridge.workspace;

import org.springframework.modulith.ApplicationModule;
