package io.ledgerbridge.delivery;

import io.ledgerbridge.delivery.DeliveryDecisions.Written;
import io.ledgerbridge.delivery.DeliveryRepository.Outcome;
import io.ledgerbridge.delivery.Transition.PaymentNeed;
import io.ledgerbridge.xero.PacedXero;
import io.ledgerbridge.xero.Priority;
import io.ledgerbridge.xero.XeroDocument;
import io.ledgerbridge.xero.XeroJson;
import io.ledgerbridge.xero.XeroMessage;
import io.ledgerbridge.xero.XeroReply;
import io.ledgerbridge.xero.XeroRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The send: one call per collection ({@code POST /Invoices}, {@code POST /CreditNotes}, summarizeErrors=false), its
 * documents marked as being sent first (so that a crash leaves them to be looked up, never resent blind); every
 * element's answer, confirmed against its document, decides its outcome. When the call as a whole fails, the documents
 * of the pass not yet written go back too (the pass ends).
 */
@Component
class WriteStep {

    private static final Logger log = LoggerFactory.getLogger(WriteStep.class);

    private final PacedXero xero;
    private final XeroJson xeroJson;
    private final DeliveryRepository documents;
    private final OrganisationCache organisations;

    WriteStep(PacedXero xero, XeroJson xeroJson, DeliveryRepository documents, OrganisationCache organisations) {
        this.xero = xero;
        this.xeroJson = xeroJson;
        this.documents = documents;
        this.organisations = organisations;
    }

    void run(Pass pass) {
        for (XeroEndpoint endpoint : XeroEndpoint.values()) {
            if (pass.stopped) {
                break;
            }
            List<PassItem> batch = pass.items.stream()
                    .filter(item -> item.element != null && item.endpoint() == endpoint).toList();
            if (!batch.isEmpty()) {
                pass.payable.addAll(write(pass, endpoint, batch));
            }
        }
    }

    /** @return the documents Xero now holds whose payment is due */
    private List<PassItem> write(Pass pass, XeroEndpoint endpoint, List<PassItem> batch) {
        batch = batch.stream().filter(item -> pass.claim.holds(item.due.documentId())).toList();
        if (batch.isEmpty()) {
            return List.of();
        }
        List<XeroDocument> elements = batch.stream().map(item -> item.element).toList();
        boolean fourDecimals = batch.stream().anyMatch(item -> item.coding != null && item.coding.fourDecimalUnitPrices());
        String body = xeroJson.write(Map.of(endpoint.collection(), elements));
        String key = IdempotencyKeys.of(endpoint.keyKind(), pass.workspaceId(), body, batch.stream().map(item -> item.due).toList());
        List<DueDocument> creating = batch.stream().map(item -> item.due).filter(due -> due.xeroId() == null).toList();
        documents.sending(pass.claim, creating);
        XeroReply reply = xero.reply(pass.connection, XeroRequest.write(pass.workspaceId(), "POST", endpoint.path(),
                "summarizeErrors=false" + (fourDecimals ? "&unitdp=4" : ""), body, key), Priority.PUSH);
        pass.items.removeAll(batch);
        List<Outcome> outcomes = new ArrayList<>();
        List<PassItem> payable = new ArrayList<>();
        if (!(reply instanceof XeroReply.Ok ok)) {
            for (PassItem item : batch) {
                outcomes.add(outcome(item, DeliveryDecisions.writeFailed(item.due, reply, item.due.xeroId() == null,
                        pass.timing), key, Pass.status(reply), null));
            }
            pass.apply(outcomes);
            pass.stop(reply, DeliveryMessages.TEMPORARY);
            return payable;
        }
        List<XeroDocument> answers;
        try {
            answers = AnswerMatcher.match(elements, endpoint.answers(xeroJson, ok.response().body()));
        } catch (IllegalStateException unreadable) {
            log.error("Workspace {}: Xero's answer to {} {} could not be read: {}", pass.workspaceId(), "POST",
                    endpoint.path(), unreadable.getMessage());
            answers = Collections.nCopies(batch.size(), null);
        }
        Map<UUID, String> statusInXero = statusesOfRefused(pass, endpoint, batch, answers);
        for (int i = 0; i < batch.size(); i++) {
            PassItem item = batch.get(i);
            XeroDocument answer = answers.get(i);
            Transition transition;
            if (answer == null) {
                log.error("Workspace {}: Xero's answer to {} names no element that is document {}; it is looked up"
                        + " before it is sent again", pass.workspaceId(), endpoint.path(), item.due.documentId());
                transition = DeliveryDecisions.noAnswerFor(item.due, item.due.xeroId() == null, pass.timing);
            } else if (statusInXero != null && statusInXero.containsKey(item.due.documentId())
                    && statusInXero.get(item.due.documentId()) == null) {
                transition = new Transition.RetryLater(pass.timing.backoff(item.due.failures()),
                        DeliveryMessages.statusNotRead("Xero refused the change for the document's status"));
            } else {
                transition = DeliveryDecisions.afterWrite(item.due, written(pass, item, endpoint),
                        answer, statusInXero == null ? null : statusInXero.get(item.due.documentId()));
            }
            if (transition instanceof Transition.Delivered delivered && delivered.payment() == PaymentNeed.DUE) {
                item.due = item.due.foundInXero(delivered.xeroId(), delivered.xeroStatus());
                payable.add(item);
            }
            outcomes.add(outcome(item, transition, key, ok.response().status(), answer == null || answer.validationErrors() == null
                    ? null : String.join(" ", answer.validationErrors().stream().map(XeroMessage::message)
                            .filter(Objects::nonNull).toList())));
        }
        pass.apply(outcomes);
        if (outcomes.stream().anyMatch(outcome -> outcome.transition() instanceof Transition.Failed failed
                && failed.answeredByXero())) {
            // a refusal may mean the organisation changed (an archived account, a deleted tax rate): read it again
            organisations.forget(pass.workspaceId());
        }
        return payable;
    }

    private static Written written(Pass pass, PassItem item, XeroEndpoint endpoint) {
        String organisation = pass.organisation != null ? pass.organisation.name()
                : pass.connection.tenantName() == null ? "the Xero organisation" : pass.connection.tenantName();
        return new Written(item.coding, organisation, endpoint.number(item.document),
                PaymentStep.paymentWanted(item.due, item.document, pass.settings));
    }

    /**
     * Xero's "not of valid status" does not say which status: for documents it refused so, their status now (one read),
     * so a document paid in Xero meanwhile is LOCKED, not FAILED. Null when no document needs it; a document whose
     * status could not be read maps to null.
     */
    private Map<UUID, String> statusesOfRefused(Pass pass, XeroEndpoint endpoint, List<PassItem> batch,
                                                List<XeroDocument> answers) {
        List<PassItem> refused = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            XeroDocument answer = answers.get(i);
            PassItem item = batch.get(i);
            if (answer != null && answer.failed() && item.due.xeroId() != null && !"PAID".equals(item.due.xeroStatus())
                    && answer.validationErrors() != null && answer.validationErrors().stream().map(XeroMessage::message)
                    .filter(Objects::nonNull).anyMatch(XeroMessages::notValidStatus)) {
                refused.add(item);
            }
        }
        if (refused.isEmpty()) {
            return null;
        }
        XeroReply reply = xero.reply(pass.connection, XeroRequest.get(pass.workspaceId(), endpoint.path(),
                endpoint.statusQuery(refused.stream().map(item -> item.due.xeroId()).toList())), Priority.PUSH);
        Map<UUID, String> byId = new HashMap<>();
        if (reply instanceof XeroReply.Ok ok) {
            endpoint.answers(xeroJson, ok.response().body()).forEach(document -> byId.put(document.xeroId(), document.status()));
        }
        Map<UUID, String> byDocument = new HashMap<>();
        refused.forEach(item -> byDocument.put(item.due.documentId(), byId.get(item.due.xeroId())));
        return byDocument;
    }

    private static Outcome outcome(PassItem item, Transition transition, String key, Integer status, String message) {
        String operation = item.due.cancelled() ? "CANCEL" : item.due.xeroId() == null ? "CREATE" : "UPDATE";
        return new Outcome(item.due, transition, operation, key, status, message);
    }
}
