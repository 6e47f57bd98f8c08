package io.ledgerbridge.sandbox.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;

/** Xero's error bodies, word for word where FACTS.md gives them (§13). */
public final class XeroErrors {

    /** FACTS §13: the 404 body is plain text, not JSON. */
    public static final String NOT_FOUND_TEXT = "The resource you're looking for cannot be found";
    public static final String SERVER_ERROR_DETAIL =
            "An error occurred in Xero. Check the API Status page http://status.developer.xero.com for current service status.";
    public static final String OFFLINE_TEXT = "The Xero API is currently offline for maintenance";

    private XeroErrors() {
    }

    public static Response notFound() {
        return Response.text(404, NOT_FOUND_TEXT);
    }

    /** 401/403 in the problem-details style Xero uses for authentication failures. */
    public static Response problem(int status, String title, String detail) {
        ObjectNode body = Json.object();
        body.putNull("Type");
        body.put("Title", title);
        body.put("Status", status);
        body.put("Detail", detail);
        body.put("Instance", UUID.randomUUID().toString());
        body.putObject("Extensions");
        return Response.json(status, body);
    }

    public static Response unauthorized(String detail) {
        return problem(401, "Unauthorized", detail);
    }

    public static Response forbidden() {
        return problem(403, "Forbidden", "AuthenticationUnsuccessful");
    }

    /** The 500 body seen from Xero (FACTS §13). */
    public static Response serverError() {
        ObjectNode body = Json.object();
        body.put("Title", "An error occurred");
        body.put("Detail", SERVER_ERROR_DETAIL);
        body.put("Status", 500);
        body.put("Instance", UUID.randomUUID().toString());
        return Response.json(500, body);
    }

    /** A 400 ValidationException whose elements are the failed entities, each carrying its errors. */
    public static Response validation(List<ObjectNode> elements) {
        ObjectNode body = Json.object();
        body.put("ErrorNumber", 10);
        body.put("Type", "ValidationException");
        body.put("Message", "A validation exception occurred");
        ArrayNode array = body.putArray("Elements");
        elements.forEach(array::add);
        return Response.json(400, body);
    }

    /** A 400 ValidationException with one element that carries only the given messages. */
    public static Response validationMessages(List<String> messages) {
        ObjectNode element = Json.object();
        element.set("ValidationErrors", messages(messages));
        return validation(List.of(element));
    }

    /** A 400 without elements, as for a body that cannot be read (Message only). */
    public static Response badRequest(int errorNumber, String type, String message) {
        ObjectNode body = Json.object();
        body.put("ErrorNumber", errorNumber);
        body.put("Type", type);
        body.put("Message", message);
        return Response.json(400, body);
    }

    public static ArrayNode messages(List<String> messages) {
        ArrayNode array = Json.array();
        messages.forEach(m -> array.addObject().put("Message", m));
        return array;
    }
}
