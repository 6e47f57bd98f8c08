package io.ledgerbridge.localstack;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded stack on its own, so the service can run against it with the production profile
 * as if PostgreSQL, Kafka and mail were external, and be killed and restarted while they stay up.
 * Settings come from system properties or environment variables with the keys of the local profile
 * ({@code -Dledgerbridge.local-stack.data-directory=...} or {@code LEDGERBRIDGE_LOCAL_STACK_DATA_DIRECTORY}).
 */
public final class LocalStackMain {

    /** The token key of the local profile (config/application-local.yaml): for local data only. */
    public static final String LOCAL_TOKEN_KEY = "bG9jYWwtb25seSBsZWRnZXJicmlkZ2UgdG9rZW4gayE=";

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStack stack = LocalStack.startOnce(LocalStackSettings.from(LocalStackMain::lookup),
                stop -> Runtime.getRuntime().addShutdownHook(new Thread(stop, "local-stack-shutdown")));
        Map<String, String> environment = new TreeMap<>(stack.settings().serviceEnvironment());
        StringBuilder ready = new StringBuilder("\n=== LedgerBridge local stack is up. Run the service against it with:\n");
        ready.append("SPRING_PROFILES_ACTIVE=prod");
        environment.forEach((key, value) -> ready.append(' ').append(key).append("='").append(value).append('\''));
        ready.append(" XERO_CLIENT_ID=ledgerbridge-local XERO_CLIENT_SECRET=local-secret");
        ready.append(" LEDGERBRIDGE_API_TOKENS=local-dev-token LEDGERBRIDGE_TOKEN_KEY=").append(LOCAL_TOKEN_KEY)
                .append(" LEDGERBRIDGE_SEED_DEMO_WORKSPACES=true")
                // the application from the test classpath, where the demo workspaces' seeding lives
                .append(" ./mvnw spring-boot:test-run -Dspring-boot.run.main-class=io.ledgerbridge.Application\n");
        ready.append("=== Stop with Ctrl+C; data stays in ").append(stack.settings().dataDirectory()).append('\n');
        System.out.println(ready);
        new CountDownLatch(1).await();
    }

    /** A system property, else the environment variable Spring Boot would bind to the same key. */
    static String lookup(String key) {
        String value = System.getProperty(key);
        if (value != null) {
            return value;
        }
        return System.getenv(key.replace('.', '_').replace('-', '_').toUpperCase(java.util.Locale.ROOT));
    }
}
