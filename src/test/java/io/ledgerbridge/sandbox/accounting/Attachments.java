package io.ledgerbridge.sandbox.accounting;

import io.ledgerbridge.sandbox.http.Request;
import io.ledgerbridge.sandbox.http.Response;
import io.ledgerbridge.sandbox.http.XeroErrors;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Files on invoices and credit notes (FACTS §11): raw-body upload by PUT or POST to
 * {@code …/Attachments/{FileName}} (same name replaces), at most 10 per document and 10 MB each,
 * the list at {@code …/Attachments}, the bytes by file name or AttachmentID.
 */
final class Attachments {

    static final int MAX_PER_DOCUMENT = 10;
    static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final String FORBIDDEN = "<>:\"/\\|?*\u0000";

    Response handle(Request request, Organisation org, Document doc, String name, Instant now) {
        switch (request.method()) {
            case "GET":
                if (name == null) {
                    return list(org, doc, now);
                }
                Attachment a = find(doc, name);
                if (a == null) {
                    return XeroErrors.notFound();
                }
                Response r = Response.bytes(200, a.mimeType(), a.content());
                return r.withHeader("Content-Disposition", "attachment; filename=\"" + a.fileName() + "\"");
            case "PUT":
            case "POST":
                return name == null ? XeroErrors.notFound() : upload(request, doc, name, now);
            default:
                return Response.empty(405);
        }
    }

    private Response list(Organisation org, Document doc, Instant now) {
        var items = doc.attachments.values().stream().map(a -> Render.attachment(doc, a)).toList();
        return Response.json(200, Render.envelope("Attachments", items, null, now));
    }

    private Response upload(Request request, Document doc, String name, Instant now) {
        if (name.chars().anyMatch(c -> FORBIDDEN.indexOf(c) >= 0)) {
            return XeroErrors.validationMessages(List.of(String.format(Messages.ATTACHMENT_NAME_INVALID, name)));
        }
        byte[] content = request.body();
        if (content.length == 0) {
            return XeroErrors.validationMessages(List.of(Messages.ATTACHMENT_EMPTY));
        }
        if (content.length > MAX_BYTES) {
            return XeroErrors.validationMessages(List.of(Messages.ATTACHMENT_TOO_LARGE));
        }
        Attachment previous = doc.attachments.get(name.toLowerCase(java.util.Locale.ROOT));
        if (previous == null && doc.attachments.size() >= MAX_PER_DOCUMENT) {
            return XeroErrors.validationMessages(List.of(Messages.ATTACHMENT_LIMIT));
        }
        String type = request.header("Content-Type");
        Attachment a = new Attachment(previous != null ? previous.id() : UUID.randomUUID(), name,
                type == null || type.isBlank() ? "application/octet-stream" : type.split(";")[0].trim(),
                content, request.queryFlag("IncludeOnline"));
        doc.attachments.put(name.toLowerCase(java.util.Locale.ROOT), a);
        return Response.json(200, Render.envelope("Attachments", List.of(Render.attachment(doc, a)), null, now));
    }

    private static Attachment find(Document doc, String nameOrId) {
        UUID id = Ids.parse(nameOrId);
        return doc.attachments.values().stream()
                .filter(a -> a.fileName().equalsIgnoreCase(nameOrId) || a.id().equals(id)).findFirst().orElse(null);
    }
}
