package io.ledgerbridge.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class KafkaRecordsTest {

    @Test
    void aRecordCarriesItsKeyInItsOwnHeaderAndItsBody() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Message record = KafkaRecords.keyed(context, "ws-a", "{\"a\":1}");
            assertThat(record.getHeader(KafkaConstants.KEY)).isEqualTo("ws-a");
            assertThat(record.getBody()).isEqualTo("{\"a\":1}");
        }
    }
}
