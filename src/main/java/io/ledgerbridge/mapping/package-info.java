/**
 * The workspace's mappings (items, suppliers, tax, tracking) and their API; MappingChanged when one is saved.
 */
@ApplicationModule(displayName = "Mapping", allowedDependencies = {"api", "coding", "workspace", "support"})
package io.ledgerbridge.mapping;

import org.springframework.modulith.ApplicationModule;
