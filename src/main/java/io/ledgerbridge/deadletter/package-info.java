/**
 * Events and documents that cannot go through: stored, published on the dead-letter topic, with a reason a
 * person can act on.
 */
@ApplicationModule(displayName = "Dead letters", allowedDependencies = {"support"})
package io.ledgerbridge.deadletter;

import org.springframework.modulith.ApplicationModule;
