package io.ledgerbridge.workspace;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A saved resource as its PUT answers it: the resource's own fields, and {@code accountCheck} saying whether the
 * account codes of the request were checked against the organisation.
 */
public record AccountChecked<T>(@JsonUnwrapped T saved, AccountCheckResult accountCheck) {
}
