package io.ledgerbridge.connection;

/**
 * How many of a workspace's records point at records in its Xero organisation (documents with a Xero id, contacts
 * linked): what makes connecting it to another organisation unsafe. The feature that keeps the links answers it;
 * {@link XeroLinksCleared} asks it to forget them.
 */
public interface XeroLinks {

    long count(String workspaceId);
}
