package io.ledgerbridge.workspace;

/** A workspace's plan was set (published in the transaction that saved it). */
public record PlanChanged(String workspaceId, Workspace.Plan plan) {
}
