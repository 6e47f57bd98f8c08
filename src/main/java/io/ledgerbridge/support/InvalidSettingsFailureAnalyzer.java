package io.ledgerbridge.support;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Spring Boot's "APPLICATION FAILED TO START" block for settings a {@code @Validated} settings record refused: each
 * one under its key as config/application.yaml writes it, with the value, where it came from and why it was refused.
 * Spring Boot's own block names the record's component ({@code ledgerbridge.delivery.batchSize}) and, for a value
 * set through an environment variable, only the line of application.yaml that reads it. A value that is not even of
 * the key's type (abc for a number) is named by Spring Boot's BindFailureAnalyzer, under its key. Runs before
 * Spring Boot's analyzers (META-INF/spring.factories).
 */
public class InvalidSettingsFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable root, BindValidationException cause) {
        ValidationErrors errors = cause.getValidationErrors();
        List<String> lines = errors.getAllErrors().stream().map(error -> line(errors, error)).toList();
        return new FailureAnalysis("LedgerBridge has invalid settings:" + System.lineSeparator() + "    "
                + String.join(System.lineSeparator() + "    ", lines),
                "Correct these settings; config/application.yaml says what each one is for.", cause);
    }

    /**
     * {@code key = "value" (where from): reason}, the key dashed like the keys of config/application.yaml, the value as
     * it was written (120, not PT2M) and, when application.yaml reads it from the environment, the placeholder that
     * names the environment variable.
     */
    static String line(ValidationErrors errors, ObjectError error) {
        String prefix = errors.getName().toString();
        if (!(error instanceof FieldError field)) {
            return prefix + ": " + error.getDefaultMessage();
        }
        String key = prefix + "." + DataObjectPropertyName.toDashedForm(field.getField());
        Optional<ConfigurationProperty> bound = errors.getBoundProperties().stream()
                .filter(property -> property.getName().toString().equals(key)).findFirst();
        Object written = bound.map(ConfigurationProperty::getValue).orElse(null);
        String placeholder = written instanceof String text && text.contains("${") ? text : null;
        Object value = written == null || placeholder != null ? field.getRejectedValue() : written;
        Origin origin = bound.map(ConfigurationProperty::getOrigin).orElse(Origin.from(field));
        String from = Stream.of(placeholder, origin).filter(Objects::nonNull).map(Object::toString)
                .collect(Collectors.joining(", "));
        return key + " = \"" + value + "\"" + (from.isEmpty() ? "" : " (" + from + ")") + ": "
                + field.getDefaultMessage();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
