package io.ledgerbridge.xero;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Xero's JSON both ways with the application's mapper: a request body, and an answer's collection as records. */
@Component
public class XeroJson {

    private final ObjectMapper json;

    public XeroJson(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The elements of {@code collection} (e.g. "Invoices") of an answer, as {@code type}, in Xero's order; none
     * when the answer has no such array. Read as a stream straight into the records: a batch's answer is 50
     * documents with their lines, and building a tree first doubled the lanes' JSON work.
     */
    public <T> List<T> list(String body, String collection, Class<T> type) {
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("Xero's answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.START_ARRAY && name.equals(collection)) {
                    List<T> result = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        result.add(json.readValue(parser, type));
                    }
                    return result;
                }
                parser.skipChildren();
            }
            return List.of();
        } catch (JsonMappingException e) {
            throw new IllegalStateException("Xero's " + collection + " element is not readable: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("Xero's answer is not JSON: " + e.getMessage(), e);
        }
    }

    public JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Xero's answer is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A request to Xero could not be written: " + e.getOriginalMessage(), e);
        }
    }
}
