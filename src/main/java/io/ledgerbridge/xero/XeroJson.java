package io.ledgerbridge.xero;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    /** The elements of {@code collection} (e.g. "Invoices") of an answer, as {@code type}, in Xero's order. */
    public <T> List<T> list(String body, String collection, Class<T> type) {
        List<T> result = new ArrayList<>();
        for (JsonNode element : tree(body).path(collection)) {
            try {
                result.add(json.treeToValue(element, type));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Xero's " + collection + " element is not readable: " + e.getOriginalMessage(), e);
            }
        }
        return result;
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
