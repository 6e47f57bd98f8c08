package io.ledgerbridge.delivery;

import io.ledgerbridge.delivery.DeliveryDecisions.Timing;
import io.ledgerbridge.delivery.DeliveryRepository.Outcome;
import io.ledgerbridge.order.OrderDocument;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.xero.PacedXero;
import io.ledgerbridge.xero.Priority;
import io.ledgerbridge.xero.XeroInvoice;
import io.ledgerbridge.xero.XeroJson;
import io.ledgerbridge.xero.XeroMessage;
import io.ledgerbridge.xero.XeroPayment;
import io.ledgerbridge.xero.XeroReply;
import io.ledgerbridge.xero.XeroRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Mark as paid (F19): each payment once. A payment carried over from an earlier pass is checked against the invoice's
 * payments in Xero first (one read), so a payment Xero took without an answer is found, not sent again; then one
 * {@code PUT /Payments} for the rest, each to the clearing account, each answer to its own document.
 */
@Component
class PaymentStep {

    private final PacedXero xero;
    private final XeroJson xeroJson;
    private final DeliveryRepository documents;

    PaymentStep(PacedXero xero, XeroJson xeroJson, DeliveryRepository documents) {
        this.xero = xero;
        this.xeroJson = xeroJson;
        this.documents = documents;
    }

    /** The platform's payment is to be applied to this document in Xero (F19). */
    static boolean paymentWanted(DueDocument due, OrderDocument document, WorkspaceSettings settings) {
        return settings.markAsPaid() && !due.cancelled() && !due.creditNote() && document.payment() != null
                && due.paymentState() != PaymentState.APPLIED && due.paymentId() == null;
    }

    void run(Pass pass) {
        if (pass.stopped) {
            return;
        }
        List<PassItem> payable = new ArrayList<>(pass.payable);
        pass.items.stream().filter(item -> item.element == null && item.due.onlyPaymentLeft()).forEach(payable::add);
        pay(pass, payable);
    }

    private void pay(Pass pass, List<PassItem> payable) {
        payable = payable.stream().filter(item -> pass.claim.holds(item.due.documentId())).toList();
        if (payable.isEmpty()) {
            return;
        }
        if (pass.settings.clearingAccount() == null) {
            pass.apply(payable.stream().map(item -> Outcome.of(item.due, DeliveryDecisions.noClearingAccount())).toList());
            return;
        }
        List<PassItem> sending = new ArrayList<>();
        List<PassItem> carriedOver = payable.stream().filter(item -> item.element == null).toList();
        payable.stream().filter(item -> item.element != null).forEach(sending::add);
        if (!carriedOver.isEmpty()) {
            XeroReply reply = xero.reply(pass.connection, XeroRequest.get(pass.workspaceId(), "/Invoices",
                    "IDs=" + String.join(",", carriedOver.stream().map(item -> item.due.xeroId().toString()).toList())
                            + "&page=1"), Priority.PUSH);
            List<Outcome> outcomes = new ArrayList<>();
            if (!(reply instanceof XeroReply.Ok ok)) {
                carriedOver.forEach(item -> outcomes.add(new Outcome(item.due, readFailed(item.due, reply, pass.timing),
                        "PAYMENT_LOOKUP", null, Pass.status(reply), null)));
                pass.apply(outcomes);
            } else {
                Map<UUID, XeroInvoice> invoices = new HashMap<>();
                xeroJson.list(ok.response().body(), "Invoices", XeroInvoice.class)
                        .forEach(invoice -> invoices.put(invoice.invoiceId(), invoice));
                for (PassItem item : carriedOver) {
                    XeroInvoice invoice = invoices.get(item.due.xeroId());
                    if (invoice == null) {
                        outcomes.add(new Outcome(item.due, new Transition.PaymentUnknown(pass.timing.backoff(item.due.failures()),
                                DeliveryMessages.paymentOnItsWay("Xero did not return the invoice")), "PAYMENT_LOOKUP", null,
                                ok.response().status(), null));
                        continue;
                    }
                    DeliveryDecisions.BeforePayment before = DeliveryDecisions.beforePayment(invoice, wanted(item.document));
                    if (before instanceof DeliveryDecisions.BeforePayment.Done done) {
                        outcomes.add(new Outcome(item.due, done.outcome(), "PAYMENT_LOOKUP", null, ok.response().status(),
                                done.outcome() instanceof Transition.Paid ? "Already applied in Xero" : null));
                    } else {
                        sending.add(item);
                    }
                }
                pass.apply(outcomes);
            }
        }
        if (!sending.isEmpty() && !pass.stopped) {
            send(pass, sending);
        }
    }

    /**
     * The invoice's payments could not be read: a payment of unknown outcome stays unknown (the read comes again
     * before any resend), a due one stays due.
     */
    private static Transition readFailed(DueDocument due, XeroReply reply, Timing timing) {
        Transition later = DeliveryDecisions.notNow(due, reply, timing, DeliveryMessages.paymentOnItsWay(""));
        Instant at = later instanceof Transition.Throttled throttled ? throttled.notBefore()
                : later instanceof Transition.RetryLater retry ? retry.at() : timing.backoff(due.failures());
        if (later instanceof Transition.Waiting) {
            return later;
        }
        String error = later instanceof Transition.RetryLater retry ? retry.error() : null;
        return due.paymentState() == PaymentState.SENT ? new Transition.PaymentUnknown(at, error)
                : new Transition.PaymentLater(at, error);
    }

    private static DeliveryDecisions.WantedPayment wanted(OrderDocument document) {
        OrderDocument.Payment payment = document.payment();
        return new DeliveryDecisions.WantedPayment(payment.amount(), payment.paidOn(), payment.reference());
    }

    private void send(Pass pass, List<PassItem> sending) {
        List<Map<String, Object>> payments = new ArrayList<>();
        for (PassItem item : sending) {
            OrderDocument.Payment payment = item.document.payment();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Invoice", Map.of("InvoiceID", item.due.xeroId()));
            body.put("Account", Map.of("Code", pass.settings.clearingAccount()));
            body.put("Date", payment.paidOn().toString());
            body.put("Amount", payment.amount());
            if (payment.reference() != null) {
                body.put("Reference", payment.reference());
            }
            payments.add(body);
        }
        String body = xeroJson.write(Map.of("Payments", payments));
        String key = IdempotencyKeys.of("payments", pass.workspaceId(), body, sending.stream().map(item -> item.due).toList());
        documents.paymentSending(pass.claim, sending.stream().map(item -> item.due).toList());
        XeroReply reply = xero.reply(pass.connection, XeroRequest.write(pass.workspaceId(), "PUT", "/Payments",
                "summarizeErrors=false", body, key), Priority.PUSH);
        List<Outcome> outcomes = new ArrayList<>();
        if (!(reply instanceof XeroReply.Ok ok)) {
            sending.forEach(item -> outcomes.add(new Outcome(item.due, DeliveryDecisions.paymentFailed(item.due, reply,
                    pass.timing), "PAY", key, Pass.status(reply), null)));
            pass.apply(outcomes);
            return;
        }
        List<XeroPayment> answers = xeroJson.list(ok.response().body(), "Payments", XeroPayment.class);
        boolean[] used = new boolean[answers.size()];
        for (int i = 0; i < sending.size(); i++) {
            PassItem item = sending.get(i);
            XeroPayment answer = answerFor(item.due.xeroId(), i, answers, used);
            Transition transition = answer == null
                    ? new Transition.PaymentUnknown(pass.timing.backoff(item.due.failures()),
                            DeliveryMessages.paymentOnItsWay("Xero's answer did not name it"))
                    : DeliveryDecisions.afterPayment(answer, answer.invoice() != null && answer.invoice().status() != null
                            ? answer.invoice().status() : paidInFull(item) ? "PAID" : "AUTHORISED");
            outcomes.add(new Outcome(item.due, transition, "PAY", key, ok.response().status(),
                    answer == null || answer.validationErrors() == null ? null
                            : String.join(" ", answer.validationErrors().stream().map(XeroMessage::message).toList())));
        }
        pass.apply(outcomes);
    }

    /** The payment answered for this invoice: at its position when it names the invoice, else wherever it does. */
    private static XeroPayment answerFor(UUID invoiceId, int position, List<XeroPayment> answers, boolean[] used) {
        Function<XeroPayment, Boolean> forInvoice = answer -> answer.invoice() != null
                && invoiceId.equals(answer.invoice().invoiceId());
        if (position < answers.size() && !used[position] && forInvoice.apply(answers.get(position))) {
            used[position] = true;
            return answers.get(position);
        }
        for (int j = 0; j < answers.size(); j++) {
            if (!used[j] && forInvoice.apply(answers.get(j))) {
                used[j] = true;
                return answers.get(j);
            }
        }
        return null;
    }

    private static boolean paidInFull(PassItem item) {
        return item.document.totals() != null && item.document.payment().amount().compareTo(item.document.totals().total()) >= 0;
    }
}
