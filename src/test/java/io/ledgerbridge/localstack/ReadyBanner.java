package io.ledgerbridge.localstack;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Ends the local start-up log with where things are: Hawtio, the API, how to send an order, the sandbox. Development
 * time only (it names the local API token), so it lives with the local stack, not in the jar.
 */
@Component
@ConditionalOnProperty(name = "ledgerbridge.ready-banner", havingValue = "true")
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final Environment environment;

    ReadyBanner(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        log.info("""

                ================ LedgerBridge is ready ({} s since the JVM started) ================
                  Hawtio (routes, exchanges):  {}/actuator/hawtio
                  Documents (API):             curl -H 'Authorization: Bearer local-dev-token' {}/api/v1/workspaces/demo-supplier/documents
                  Send an order event:         bin/send-event samples/invoice-generated.json   (Kafka {})
                  Xero sandbox:                {}
                  Dead letters:                topic xero.sync.dlq, table dead_letters
                ====================================================================================""",
                String.format(java.util.Locale.ROOT, "%.1f", seconds), base, base,
                environment.getProperty("camel.component.kafka.brokers"),
                environment.getProperty("ledgerbridge.xero.api-url"));
    }
}
