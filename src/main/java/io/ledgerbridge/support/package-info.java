/**
 * The shared kernel: names, the clock, Kafka offsets, the settings the product refuses to start without.
 */
@ApplicationModule(displayName = "Support", allowedDependencies = {})
package io.ledgerbridge.support;

import org.springframework.modulith.ApplicationModule;
