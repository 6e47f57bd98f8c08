/**
 * Documents on their way to Xero, and the owner of the documents, document_attempts and processed_events tables:
 * the lanes claim due documents, code them, resolve their contacts, send them and record what became of each
 * (DeliveryDecisions decides; DeliveryRepository applies). Listens to the events of workspace, mapping and
 * connection to release parked documents; never the other way round.
 */
@ApplicationModule(displayName = "Delivery", allowedDependencies = {"coding", "xero", "workspace", "mapping", "connection", "sync", "pull", "order", "deadletter", "api", "support"})
package io.ledgerbridge.delivery;

import org.springframework.modulith.ApplicationModule;
