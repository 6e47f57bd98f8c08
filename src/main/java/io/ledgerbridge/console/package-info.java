/**
 * Room for the operations console: routes, backlogs, quotas and dead letters as Hawtio and the API show them.
 */
package io.ledgerbridge.console;
