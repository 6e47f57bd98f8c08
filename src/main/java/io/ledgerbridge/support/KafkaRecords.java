package io.ledgerbridge.support;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;

/**
 * Records for a Kafka producer that is sent a list: each element a Camel {@link Message} with its own key, not a plain
 * string, because the producer takes the key of a list's element from that element's headers.
 */
public final class KafkaRecords {

    private KafkaRecords() {
    }

    /** One record: {@code body} under {@code key}. */
    public static Message keyed(CamelContext context, String key, Object body) {
        Message message = new DefaultMessage(context);
        message.setHeader(KafkaConstants.KEY, key);
        message.setBody(body);
        return message;
    }
}
