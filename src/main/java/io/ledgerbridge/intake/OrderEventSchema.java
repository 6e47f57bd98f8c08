package io.ledgerbridge.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The published order event contract ({@code config/schemas/order-event.schema.json}, on the classpath as
 * {@code schemas/order-event.schema.json}), checked once per record. The schema is compiled once; checking
 * is thread-safe. Its limits are read as decimals, so 9999999999.99 is that number and not the nearest double.
 * <p>
 * The validator's own words for numbers say too little ("must be multiple of 0." for {@code multipleOf: 0.0001});
 * those messages name the value and the limit instead. Call it only on an event whose numbers passed
 * {@link NumberBounds}: the values are then short enough to write out.
 */
@Component
class OrderEventSchema {

    public static final String PUBLISHED_AT = "config/schemas/order-event.schema.json";

    private final JsonSchema schema;

    public OrderEventSchema() {
        try (InputStream in = new ClassPathResource("schemas/order-event.schema.json").getInputStream()) {
            JsonNode contract = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(in);
            // paths as $.data.lines[0].quantity; reasons the same on every server: English, and formats (date, date-time) checked
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(contract,
                    SchemaValidatorsConfig.builder().pathType(PathType.LEGACY).locale(Locale.ENGLISH)
                            .formatAssertionsEnabled(true).build());
        } catch (IOException e) {
            throw new UncheckedIOException("The order event schema is not on the classpath", e);
        }
    }

    /** What is wrong with the event, one sentence per rule it breaks, sorted; empty when it keeps the contract. */
    public List<String> problems(JsonNode event) {
        return schema.validate(event).stream().map(message -> describe(message, event)).sorted().toList();
    }

    private static String describe(ValidationMessage message, JsonNode event) {
        JsonNode value = message.getInstanceNode();
        JsonNode limit = message.getSchemaNode();
        if (value == null || !value.isNumber() || limit == null || !limit.isNumber()) {
            return message.getMessage();
        }
        String at = message.getInstanceLocation() + ": " + value.decimalValue().toPlainString();
        String bound = limit.decimalValue().toPlainString();
        return switch (message.getType()) {
            case "multipleOf" -> decimalPlaces(limit.decimalValue()) < 0 ? message.getMessage()
                    : at + " has more than " + decimalPlaces(limit.decimalValue()) + " decimal places";
            case "maximum" -> at + " is more than " + bound + ", the largest allowed" + onKind(message, event);
            case "minimum" -> at + " is less than " + bound + ", the smallest allowed" + onKind(message, event);
            case "exclusiveMaximum" -> at + " must be less than " + bound;
            case "exclusiveMinimum" -> at + " must be more than " + bound;
            default -> message.getMessage();
        };
    }

    /** n when the divisor is 10^-n (0.01: 2), else -1. */
    private static int decimalPlaces(BigDecimal divisor) {
        BigDecimal stripped = divisor.stripTrailingZeros();
        return stripped.unscaledValue().equals(java.math.BigInteger.ONE) && stripped.scale() >= 0 ? stripped.scale() : -1;
    }

    /** For a limit that depends on the line's kind (the schema's if/then): which kind it was. */
    private static String onKind(ValidationMessage message, JsonNode event) {
        String evaluated = message.getEvaluationPath().toString();
        // the line's own if/then/else, not the event's (payout or order): a conditional after the last $ref
        int conditional = Math.max(evaluated.lastIndexOf(".then."), evaluated.lastIndexOf(".else."));
        if (conditional < 0 || conditional < evaluated.lastIndexOf(".$ref")) {
            return "";
        }
        JsonNode kind = at(event, message.getInstanceLocation().getParent()).path("kind");
        return kind.isTextual() ? " on a " + kind.asText() + " line" : "";
    }

    private static JsonNode at(JsonNode root, JsonNodePath path) {
        JsonNode node = root;
        for (int i = 0; path != null && i < path.getNameCount() && node != null; i++) {
            Object element = path.getElement(i);
            node = element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
        }
        return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
    }
}
