/**
 * A workspace's link to one Xero organisation: tokens (encrypted), refresh, and the events a connection
 * raises (WorkspaceConnected). Room for what comes next here: connect (OAuth2 authorization code with PKCE),
 * disconnect and reconnect (issue 11).
 */
@ApplicationModule(displayName = "Connection", allowedDependencies = {"support"})
package io.ledgerbridge.connection;

import org.springframework.modulith.ApplicationModule;
