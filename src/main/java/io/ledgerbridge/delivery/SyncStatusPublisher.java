package io.ledgerbridge.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

/** Turns a state change into its xero.sync.status record: JSON body, workspace id as key. */
@Component("syncStatusPublisher")
public class SyncStatusPublisher {

    /** Header telling the route that this change is a terminal failure (it also goes to the dead letter). */
    public static final String FAILED = "LedgerBridgeFailed";

    private final ObjectMapper json;

    public SyncStatusPublisher(ObjectMapper json) {
        this.json = json;
    }

    public void toRecord(Exchange exchange) throws JsonProcessingException {
        SyncStatusEvent event = exchange.getMessage().getBody(SyncStatusEvent.class);
        if (event == null) {
            throw new IllegalArgumentException("sync-status expects a SyncStatusEvent body");
        }
        exchange.getMessage().setHeader(KafkaConstants.KEY, event.workspaceId());
        exchange.getMessage().setHeader(FAILED, event.failed());
        exchange.getMessage().setBody(json.writeValueAsString(event));
    }
}
