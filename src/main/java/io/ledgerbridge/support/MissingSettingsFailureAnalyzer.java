package io.ledgerbridge.support;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Spring Boot's "APPLICATION FAILED TO START" block for missing settings: what is missing, and what to do. */
public class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<RequiredSettings.MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, RequiredSettings.MissingSettingsException cause) {
        return new FailureAnalysis("LedgerBridge is not configured. Missing:" + System.lineSeparator() + "    "
                + String.join(System.lineSeparator() + "    ", cause.lines()),
                "Set these environment variables (kubernetes/secret.yaml and configmap.yaml name them all), or run"
                        + " everything embedded on a laptop with ./mvnw spring-boot:test-run.", cause);
    }
}
