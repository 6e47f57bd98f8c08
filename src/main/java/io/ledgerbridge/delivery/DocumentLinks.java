package io.ledgerbridge.delivery;

import org.springframework.stereotype.Component;

/**
 * Where the platform shows a document (ledgerbridge.delivery.document-url): Xero shows it as the document's link, and
 * a look-up after an unanswered write finds the document by it, number or not.
 */
@Component
class DocumentLinks {

    private final String template;

    DocumentLinks(DeliverySettings settings) {
        this.template = settings.documentUrl();
    }

    String url(DueDocument due) {
        return template.replace("{documentId}", due.documentId().toString());
    }
}
