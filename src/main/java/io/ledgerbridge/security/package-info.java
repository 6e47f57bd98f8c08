/**
 * The API's bearer token filter and the HTTP security chain.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {})
package io.ledgerbridge.security;

import org.springframework.modulith.ApplicationModule;
