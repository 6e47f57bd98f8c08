package io.ledgerbridge.sandbox.accounting;

import java.util.UUID;

/** A file attached to a document (FACTS §11). */
record Attachment(UUID id, String fileName, String mimeType, byte[] content, boolean includeOnline) {
}
