package io.ledgerbridge.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The published order event contract ({@code config/schemas/order-event.schema.json}, on the classpath as
 * {@code schemas/order-event.schema.json}), checked once per record. The schema is compiled once; checking
 * is thread-safe.
 */
@Component
public class OrderEventSchema {

    public static final String PUBLISHED_AT = "config/schemas/order-event.schema.json";

    private final JsonSchema schema;

    public OrderEventSchema() {
        try (InputStream in = new ClassPathResource("schemas/order-event.schema.json").getInputStream()) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The order event schema is not on the classpath", e);
        }
    }

    /** What is wrong with the event, one sentence per rule it breaks, sorted; empty when it keeps the contract. */
    public List<String> problems(JsonNode event) {
        return schema.validate(event).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
