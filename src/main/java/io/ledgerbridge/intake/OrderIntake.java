package io.ledgerbridge.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerbridge.document.DocumentRepository;
import io.ledgerbridge.support.PermanentFailureException;
import io.ledgerbridge.workspace.WorkspaceRepository;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what an order event asks for, in one transaction: the desired state of each document per
 * workspace (a newer version wins) and the event id (a replay changes nothing).
 */
@Component("orderIntake")
public class OrderIntake {

    private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);

    private final ObjectMapper json;
    private final DocumentRepository documents;
    private final WorkspaceRepository workspaces;
    private final TransactionTemplate transaction;

    public OrderIntake(ObjectMapper json, DocumentRepository documents, WorkspaceRepository workspaces,
                       TransactionTemplate transaction) {
        this.json = json;
        this.documents = documents;
        this.workspaces = workspaces;
        this.transaction = transaction;
    }

    /** Called with a message that already passed the schema check. */
    public IntakeResult record(String message) {
        OrderEvent event;
        String payload;
        try {
            JsonNode tree = json.readTree(message);
            event = json.treeToValue(tree, OrderEvent.class);
            payload = json.writeValueAsString(tree.get("data"));
        } catch (JsonProcessingException e) {
            throw new PermanentFailureException("The event could not be read as an order event: "
                    + e.getOriginalMessage(), e);
        }
        List<DesiredDocument> planned = DocumentPlanner.plan(event, payload, workspaces::exists);
        IntakeResult result = transaction.execute(status -> apply(planned));
        log.info("Event {} ({} {} v{}): {}", event.id(), event.type(), event.data().orderId(),
                event.data().version(), result);
        return result;
    }

    private IntakeResult apply(List<DesiredDocument> planned) {
        int recorded = 0;
        int replayed = 0;
        int stale = 0;
        for (DesiredDocument document : planned) {
            if (!documents.markEventApplied(document.workspaceId(), document.eventId())) {
                replayed++;
            } else if (documents.upsertIfNewer(document)) {
                recorded++;
            } else {
                stale++;
            }
        }
        return new IntakeResult(recorded, replayed, stale);
    }

    /** How many documents the event changed, and how many it left alone as a replay or an older version. */
    public record IntakeResult(int recorded, int replayed, int stale) {
        @Override
        public String toString() {
            return recorded + " recorded, " + replayed + " replayed, " + stale + " not newer";
        }
    }
}
