package io.ledgerbridge.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;
import org.springframework.stereotype.Component;

/**
 * Turns a pass's state changes into xero.sync.status records: JSON bodies, the workspace id as key (a pass
 * belongs to one workspace). The terminal failures among them are also set aside for the dead letter.
 */
@Component("syncStatusPublisher")
public class SyncStatusPublisher {

    /** Exchange property: the JSON of each terminal failure of the pass, for the dead letter. */
    public static final String FAILURES = "LedgerBridgeFailures";

    private final ObjectMapper json;

    public SyncStatusPublisher(ObjectMapper json) {
        this.json = json;
    }

    public void toRecords(Exchange exchange) throws JsonProcessingException {
        List<?> events = exchange.getMessage().getBody(List.class);
        if (events == null || events.isEmpty() || !(events.get(0) instanceof SyncStatusEvent first)) {
            throw new IllegalArgumentException("sync-status expects a list of SyncStatusEvent");
        }
        // Messages, not plain strings: the Kafka producer takes the key of a list's element from its own headers.
        List<Message> records = new ArrayList<>(events.size());
        List<String> failures = new ArrayList<>();
        for (Object item : events) {
            SyncStatusEvent event = (SyncStatusEvent) item;
            if (!event.workspaceId().equals(first.workspaceId())) {
                throw new IllegalArgumentException("one pass, one workspace: got " + first.workspaceId() + " and "
                        + event.workspaceId());
            }
            String record = json.writeValueAsString(event);
            Message message = new DefaultMessage(exchange.getContext());
            message.setHeader(KafkaConstants.KEY, event.workspaceId());
            message.setBody(record);
            records.add(message);
            if (event.failed()) {
                failures.add(record);
            }
        }
        exchange.getMessage().setHeader(KafkaConstants.KEY, first.workspaceId());
        exchange.getMessage().setBody(records);
        exchange.setProperty(FAILURES, failures);
    }
}
