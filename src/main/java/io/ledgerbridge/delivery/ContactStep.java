package io.ledgerbridge.delivery;

import io.ledgerbridge.delivery.DeliveryRepository.Outcome;
import io.ledgerbridge.xero.PacedXero;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A Xero contact for every document that is written, or looked up (a look-up asks Xero by the contact): found, or
 * created, by {@link ContactResolver}, outside any transaction.
 */
@Component
class ContactStep {

    /** How long a document waits when another pass is creating its contact. */
    private static final Duration CONTACT_WAIT = Duration.ofSeconds(2);

    private final ContactResolver contacts;

    ContactStep(ContactResolver contacts) {
        this.contacts = contacts;
    }

    void run(Pass pass) {
        List<PassItem> needing = pass.items.stream()
                .filter(item -> !item.due.onlyPaymentLeft() && (!item.due.cancelled() || item.due.outcomeUnknown()))
                .toList();
        if (needing.isEmpty() || pass.stopped) {
            return;
        }
        Map<String, ContactResolver.Resolution> resolved;
        try {
            resolved = contacts.resolveAll(pass.connection, needing.stream().map(PassItem::party).toList(), pass.settings);
        } catch (RuntimeException e) {
            pass.stop(PacedXero.failed(e, false), "The contacts could not be read from Xero (temporary): ");
            return;
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (PassItem item : needing) {
            ContactResolver.Resolution contact = resolved.get(ContactMatcher.partyKey(item.party()));
            if (contact.beingCreated()) {
                outcomes.add(Outcome.of(item.due, new Transition.Throttled(pass.timing.now().plus(CONTACT_WAIT), false)));
                pass.items.remove(item);
            } else if (contact.problem() != null) {
                outcomes.add(Outcome.of(item.due, new Transition.Failed(contact.problem(), contact.fixHint(), false)));
                pass.items.remove(item);
            } else {
                item.contactId = contact.contactId();
            }
        }
        pass.apply(outcomes);
    }
}
