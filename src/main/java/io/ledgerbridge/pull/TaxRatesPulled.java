package io.ledgerbridge.pull;

/** The workspace's tax rates were read from Xero again: what coding checks against may have changed. */
public record TaxRatesPulled(String workspaceId) {
}
