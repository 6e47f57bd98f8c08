/**
 * A workspace's link to one Xero organisation (F1-F4): the connect flow (authorization code with PKCE through Xero's
 * consent page, the choice of organisation, ConnectFlow), tokens stored encrypted and refreshed by one refresher per
 * workspace (TokenService), disconnect, and the move to another organisation once the old links are cleared. Other
 * features react to its events (WorkspaceConnected, XeroLinksCleared); the feature that keeps
 * links to Xero records answers XeroLinks.
 */
@ApplicationModule(displayName = "Connection", allowedDependencies = {"api", "workspace", "support"})
package io.ledgerbridge.connection;

import org.springframework.modulith.ApplicationModule;
