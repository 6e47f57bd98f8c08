/**
 * What every REST endpoint shares: problem+json errors (ProblemHandler), the OpenAPI document, and the
 * exceptions a feature throws to get a 404 or a 409 (NotFoundException, ConflictException).
 */
@ApplicationModule(displayName = "API", allowedDependencies = {"support"})
package io.ledgerbridge.api;

import org.springframework.modulith.ApplicationModule;
