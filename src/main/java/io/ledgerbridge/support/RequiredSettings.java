package io.ledgerbridge.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The settings LedgerBridge cannot run without, checked before any bean is made: started without them (no profile,
 * no environment), it stops at once and names every one that is missing, instead of reaching for a database on
 * localhost or starting anything of its own. Registered in META-INF/spring.factories; it runs after the environment
 * is complete (the local profile's embedded stack, on the test classpath, has supplied its addresses by then).
 */
public class RequiredSettings implements ApplicationListener<ApplicationContextInitializedEvent> {

    /** Each required key, the environment variable a deployment sets, and what it is. */
    static final Map<String, String[]> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("spring.datasource.url", new String[] {"DATABASE_URL", "PostgreSQL, e.g. jdbc:postgresql://db:5432/ledgerbridge"});
        REQUIRED.put("spring.datasource.username", new String[] {"DATABASE_USERNAME", "the database user"});
        REQUIRED.put("camel.component.kafka.brokers", new String[] {"KAFKA_BROKERS", "Kafka's bootstrap servers, e.g. kafka:9092"});
        REQUIRED.put("ledgerbridge.api.tokens", new String[] {"LEDGERBRIDGE_API_TOKENS", "the bearer tokens the API accepts, comma-separated"});
        REQUIRED.put("ledgerbridge.xero.client-id", new String[] {"XERO_CLIENT_ID", "the app's OAuth 2.0 client at Xero"});
        REQUIRED.put("ledgerbridge.xero.client-secret", new String[] {"XERO_CLIENT_SECRET", "its secret"});
        REQUIRED.put("ledgerbridge.xero.token-key", new String[] {"LEDGERBRIDGE_TOKEN_KEY",
                "the AES-256 key for tokens at rest: openssl rand -base64 32"});
    }

    /** The service cannot start: these settings are missing. */
    public static class MissingSettingsException extends IllegalStateException {

        private final List<String> missing;

        MissingSettingsException(List<String> missing) {
            super("LedgerBridge cannot start without " + String.join(", ", missing.stream()
                    .map(key -> REQUIRED.get(key)[0]).toList()));
            this.missing = List.copyOf(missing);
        }

        /** One line per missing setting: its environment variable, its key and what it is. */
        public List<String> lines() {
            return missing.stream().map(key -> REQUIRED.get(key)[0] + " (" + key + "): " + REQUIRED.get(key)[1]).toList();
        }
    }

    @Override
    public void onApplicationEvent(ApplicationContextInitializedEvent event) {
        List<String> missing = missing(event.getApplicationContext().getEnvironment()::getProperty);
        if (!missing.isEmpty()) {
            throw new MissingSettingsException(missing);
        }
    }

    /** The required keys that are absent or blank, in the order above. */
    static List<String> missing(Function<String, String> property) {
        List<String> missing = new ArrayList<>();
        REQUIRED.keySet().forEach(key -> {
            String value = property.apply(key);
            if (value == null || value.isBlank()) {
                missing.add(key);
            }
        });
        return missing;
    }
}
