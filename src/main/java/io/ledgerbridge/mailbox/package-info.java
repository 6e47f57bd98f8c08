/**
 * Room for supplier invoices emailed as PDFs (PRODUCT.md's mailbox features): the inbound address of each
 * workspace (workspace.InboundAddresses), reading the mail, and handing the bill to delivery.
 */
package io.ledgerbridge.mailbox;
