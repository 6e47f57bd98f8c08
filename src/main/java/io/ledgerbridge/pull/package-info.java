/**
 * Room for Xero → the platform (issue 11): contacts, items, tax rates, accounts and invoice status pulled on a
 * schedule or a trigger, in the tenant's Xero budget after the pushes, and published on the contract's topics.
 * It will depend on xero, connection, workspace and delivery (for the documents' state), never the reverse.
 */
package io.ledgerbridge.pull;
