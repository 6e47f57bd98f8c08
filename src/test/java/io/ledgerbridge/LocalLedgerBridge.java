package io.ledgerbridge;

import org.springframework.boot.SpringApplication;

/**
 * LedgerBridge on a laptop: the application with its development-time services, the way Spring Boot runs them
 * from the test classpath ({@code ./mvnw spring-boot:test-run}). The local profile turns the embedded stack on
 * (PostgreSQL, Kafka, mail, the Xero sandbox: {@code io.ledgerbridge.localstack}, started before the context by the
 * listener in this classpath's META-INF/spring.factories) and seeds the demo workspaces. None of it is in the jar.
 */
public final class LocalLedgerBridge {

    private LocalLedgerBridge() {
    }

    public static void main(String[] args) {
        SpringApplication.from(Application::main).withAdditionalProfiles("local").run(args);
    }
}
