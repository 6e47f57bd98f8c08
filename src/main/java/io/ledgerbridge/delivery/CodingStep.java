package io.ledgerbridge.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerbridge.coding.DocumentCoder;
import io.ledgerbridge.coding.Mappings;
import io.ledgerbridge.coding.Mappings.Direction;
import io.ledgerbridge.delivery.DeliveryRepository.Outcome;
import io.ledgerbridge.mapping.MappingRepository;
import io.ledgerbridge.order.OrderDocument;
import io.ledgerbridge.xero.PacedXero;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The pass's first step: each stored snapshot read on its own (one that cannot be read fails alone, with its reason),
 * then every document that is to be written coded against the workspace's mappings and the organisation (a cancel or
 * a payment needs no coding). A document that cannot be sent as it is fails here with what to fix.
 */
@Component
class CodingStep {

    private static final Logger log = LoggerFactory.getLogger(CodingStep.class);

    private final ObjectMapper json;
    private final OrganisationCache organisations;
    private final MappingRepository mappings;

    CodingStep(ObjectMapper json, OrganisationCache organisations, MappingRepository mappings) {
        this.json = json;
        this.organisations = organisations;
        this.mappings = mappings;
    }

    void run(Pass pass) {
        if (pass.stopped) {
            return;
        }
        read(pass);
        if (!pass.items.isEmpty() && !pass.stopped) {
            code(pass);
        }
    }

    private void read(Pass pass) {
        List<Outcome> failed = new ArrayList<>();
        List<PassItem> read = new ArrayList<>();
        for (PassItem unread : pass.items) {
            DueDocument due = unread.due;
            try {
                read.add(new PassItem(due, json.readValue(due.payload(), OrderDocument.class)));
            } catch (Exception e) {
                String why = e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.toString();
                failed.add(Outcome.of(due, DeliveryDecisions.unreadable(why)));
            }
        }
        pass.items.clear();
        pass.items.addAll(read);
        pass.apply(failed);
    }

    private void code(Pass pass) {
        List<PassItem> items = pass.items;
        boolean coding = items.stream().anyMatch(item -> !item.due.cancelled() && !item.due.onlyPaymentLeft());
        if (coding && pass.organisation == null) {
            try {
                pass.organisation = organisations.get(pass.connection);
            } catch (RuntimeException e) {
                pass.stop(PacedXero.failed(e, false), "The organisation could not be read from Xero (temporary): ");
                return;
            }
        }
        Mappings memory = coding ? mappings.load(pass.workspaceId()) : Mappings.none();
        List<Outcome> outcomes = new ArrayList<>();
        for (PassItem item : List.copyOf(items)) {
            DueDocument due = item.due;
            if (due.cancelled()) {
                if (due.xeroId() == null && !due.outcomeUnknown()) {
                    outcomes.add(Outcome.of(due, DeliveryDecisions.neverInXero()));
                    items.remove(item);
                }
                continue;
            }
            if (due.onlyPaymentLeft()) {
                continue;
            }
            try {
                Direction direction = due.sales() ? Direction.SALES : Direction.PURCHASES;
                item.coding = DocumentCoder.code(new DocumentCoder.Request(item.document, direction, pass.settings, memory,
                        pass.organisation, "ACCREC".equals(due.xeroType())));
            } catch (RuntimeException e) {
                log.error("Document {} could not be coded", due.documentId(), e);
                outcomes.add(Outcome.of(due, DeliveryDecisions.codingFault(e.toString())));
                items.remove(item);
                continue;
            }
            if (!item.coding.sendable()) {
                outcomes.add(Outcome.of(due, DeliveryDecisions.notSendable(item.coding)));
                items.remove(item);
            }
        }
        pass.apply(outcomes);
    }
}
