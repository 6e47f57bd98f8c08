package io.ledgerbridge.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the API and whether the operations console needs a login ({@code ledgerbridge.api.*} and
 * {@code ledgerbridge.ops.*}; the defaults in config/application.yaml). A bad value stops the start and names its key.
 * The API's tokens are a required setting: without them the service stops before any bean is made
 * ({@link io.ledgerbridge.support.RequiredSettings}).
 *
 * @param api the API's bearer tokens
 * @param ops the operations console (Hawtio, Jolokia)
 */
@Validated
@ConfigurationProperties("ledgerbridge")
public record SecuritySettings(@Valid @NotNull Api api, @Valid @NotNull Ops ops) {

    /** @param tokens the bearer tokens the API accepts (comma-separated in the environment); none refuses everyone */
    public record Api(List<String> tokens) {
        public Api {
            tokens = tokens == null ? List.of() : List.copyOf(tokens);
        }

        /** Without the tokens themselves, so that a log line or an error message never shows them. */
        @Override
        public String toString() {
            return "Api[tokens=" + tokens.size() + "]";
        }
    }

    /** @param openConsole Hawtio and Jolokia without a login: only for a laptop */
    public record Ops(boolean openConsole) {
    }
}
