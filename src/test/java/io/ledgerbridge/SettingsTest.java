package io.ledgerbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerbridge.connection.XeroClientSettings;
import io.ledgerbridge.deadletter.DeadLetterSettings;
import io.ledgerbridge.delivery.DeliverySettings;
import io.ledgerbridge.security.SecuritySettings;
import io.ledgerbridge.workspace.InboxSettings;
import io.ledgerbridge.xero.PacingSettings;
import io.ledgerbridge.xero.PermitWaitSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

/**
 * The settings records against the real config/application.yaml, with nothing else started: its values bind every
 * record (the defaults are written there only), and a bad value stops the start with a report that names its key.
 */
class SettingsTest {

    /** Every settings record, as the application finds them (Application's @ConfigurationPropertiesScan). */
    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan(basePackageClasses = Application.class)
    @ImportAutoConfiguration(ValidationAutoConfiguration.class)
    static class Records {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Records.class);

    @Test
    void applicationYamlHoldsEveryDefault() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            DeliverySettings delivery = context.getBean(DeliverySettings.class);
            assertThat(delivery.documentUrl()).isEqualTo("https://orders.example/ledgerbridge/documents/{documentId}");
            assertThat(delivery.batchSize()).isEqualTo(50);
            assertThat(delivery.claimLeaseSeconds()).isEqualTo(Duration.ofSeconds(120));
            assertThat(delivery.maxLanesPerTick()).isEqualTo(500);
            assertThat(delivery.debounceMs()).isEqualTo(Duration.ofSeconds(1));
            assertThat(delivery.organisationCacheMinutes()).isEqualTo(Duration.ofMinutes(10));
            assertThat(context.getBean(PermitWaitSettings.class).longestPermitWaitMs()).isEqualTo(Duration.ofSeconds(3));
            assertThat(context.getBean(PacingSettings.class)).usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .isEqualTo(PacingSettings.defaults());
            XeroClientSettings xero = context.getBean(XeroClientSettings.class);
            assertThat(xero.identityUrl()).isEqualTo("https://identity.xero.com");
            assertThat(xero.loginUrl()).isEqualTo("https://login.xero.com");
            assertThat(xero.scopes()).startsWith("offline_access accounting.transactions");
            assertThat(xero.timeoutMs()).isEqualTo(Duration.ofSeconds(30));
            assertThat(context.getBean(DeadLetterSettings.class).maxMessageBytes()).isEqualTo(900_000);
            SecuritySettings security = context.getBean(SecuritySettings.class);
            assertThat(security.api().tokens()).isEmpty();
            assertThat(security.ops().openConsole()).isFalse();
            assertThat(context.getBean(InboxSettings.class).inboxAddress()).isEqualTo("invoices@ledgerbridge.local");
        });
    }

    @Test
    void theApiTokensAreACommaSeparatedList() {
        withValue("ledgerbridge.api.tokens", "one, two").run(context ->
                assertThat(context.getBean(SecuritySettings.class).api().tokens()).containsExactly("one", "two"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            ledgerbridge.delivery.batch-size                | 0           | must be greater than or equal to 1
            ledgerbridge.delivery.batch-size                | 51          | must be less than or equal to 50
            ledgerbridge.delivery.batch-size                | abc         | failed to convert
            ledgerbridge.delivery.claim-lease-seconds       | 0           | must be longer than or equal to 1 second
            ledgerbridge.delivery.claim-lease-seconds       | soon        | failed to convert
            ledgerbridge.delivery.max-lanes-per-tick        | 0           | must be greater than or equal to 1
            ledgerbridge.delivery.debounce-ms               | -1          | must be longer than or equal to 0
            ledgerbridge.delivery.organisation-cache-minutes| ten         | failed to convert
            ledgerbridge.delivery.document-url              | ' '         | must not be blank
            ledgerbridge.delivery.longest-permit-wait-ms    | -1          | must be longer than or equal to 0
            ledgerbridge.xero.timeout-ms                    | 0           | must be longer than or equal to 1 milli
            ledgerbridge.xero.identity-url                  | ' '         | must not be blank
            ledgerbridge.xero.limits.window-seconds         | a minute    | failed to convert
            ledgerbridge.dead-letters.max-message-bytes     | 0           | must be greater than 0
            ledgerbridge.ops.open-console                   | maybe       | failed to convert
            ledgerbridge.mail.inbox-address                 | invoices    | must be a well-formed email address
            """)
    void aBadValueStopsTheStartAndTheReportNamesItsKey(String key, String value, String reason) {
        withValue(key, value).run(context -> {
            assertThat(context).hasFailed();
            // the origin of a value set here names its key anyway; the report must name it without that
            String report = report(context.getStartupFailure())
                    .replace("\"" + key + "\" from property source \"bad-value\"", "the test");
            assertThat(report).contains(key).contains("\"" + value + "\"").contains(reason);
        });
    }

    @Test
    void xerosLimitsAreCheckedByPacingSettingsAsTheyAreBound() {
        // PacingSettings checks its values itself (PacingSettingsTest), before any validator could: the report names
        // the limits and the component, not the exact key.
        withValue("ledgerbridge.xero.limits.per-minute", "0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(report(context.getStartupFailure())).contains("ledgerbridge.xero.limits")
                    .contains("perMinute must be at least 1, was 0");
        });
        withValue("ledgerbridge.xero.limits.replicas", "20000").run(context ->
                assertThat(report(context.getStartupFailure())).contains("ledgerbridge.xero.limits")
                        .contains("20000 replicas"));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aStartWithABadValuePrintsItsKeyWhereverTheValueCameFrom(CapturedOutput output) {
        // As in a deployment: the environment variable that application.yaml reads for the key. Spring Boot's own
        // report names ledgerbridge.delivery.batchSize and the line of application.yaml only.
        SpringApplicationBuilder start = new SpringApplicationBuilder(Records.class).web(WebApplicationType.NONE);
        assertThatThrownBy(() -> start.run("--LEDGERBRIDGE_DELIVERY_BATCH_SIZE=0",
                // the settings the service checks before any bean is made (RequiredSettings)
                "--spring.datasource.url=jdbc:postgresql://db:5432/ledgerbridge", "--spring.datasource.username=lb",
                "--camel.component.kafka.brokers=kafka:9092", "--ledgerbridge.api.tokens=token",
                "--ledgerbridge.xero.client-id=app", "--ledgerbridge.xero.client-secret=secret",
                "--ledgerbridge.xero.token-key=key"))
                .hasRootCauseInstanceOf(BindValidationException.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("LedgerBridge has invalid settings:")
                .containsPattern("ledgerbridge\\.delivery\\.batch-size = \"0\" \\(\\$\\{LEDGERBRIDGE_DELIVERY_BATCH_SIZE:50},"
                        + " class path resource \\[application\\.yaml] - \\d+:\\d+\\): must be greater than or equal to 1");
    }

    /** The runner with one key set above application.yaml. */
    private ApplicationContextRunner withValue(String key, String value) {
        return runner.withInitializer(context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("bad-value", Map.of(key, value))));
    }

    /** What a start that failed this way prints: the analysis of the first failure analyzer that takes it. */
    private static String report(Throwable failure) {
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(SettingsTest.class.getClassLoader())
                .load(FailureAnalyzer.class, ArgumentResolver.of(BeanFactory.class, null).and(Environment.class, null),
                        (factoryType, implementationName, notLoaded) -> { });
        FailureAnalysis analysis = analyzers.stream().map(analyzer -> analyzer.analyze(failure))
                .filter(Objects::nonNull).findFirst().orElseThrow(() -> new AssertionError("no analysis", failure));
        return analysis.getDescription() + System.lineSeparator() + analysis.getAction();
    }
}
