/**
 * Order events from Kafka: validated, turned into the documents each workspace wants, and stored with their
 * Kafka offsets in one transaction.
 */
@ApplicationModule(displayName = "Intake", allowedDependencies = {"delivery", "workspace", "support"})
package io.ledgerbridge.intake;

import org.springframework.modulith.ApplicationModule;
