package io.ledgerbridge.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP response, built whole. Headers keep their insertion order. */
public record Response(int status, Map<String, String> headers, byte[] body) {

    public static Response json(int status, Object body) {
        return new Response(status, contentType("application/json; charset=utf-8"), Json.bytes(body));
    }

    public static Response text(int status, String body) {
        return new Response(status, contentType("text/plain; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
    }

    public static Response html(int status, String body) {
        return new Response(status, contentType("text/html; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
    }

    public static Response empty(int status) {
        return new Response(status, new LinkedHashMap<>(), new byte[0]);
    }

    public static Response redirect(String location) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", location);
        return new Response(302, headers, new byte[0]);
    }

    public static Response bytes(int status, String contentType, byte[] body) {
        return new Response(status, contentType(contentType), body);
    }

    /** A copy with one more header (the original is left as it was, so cached responses stay intact). */
    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, body);
    }

    /** A copy with another body, the same status and headers. */
    public Response withBody(byte[] newBody) {
        return new Response(status, headers, newBody);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static Map<String, String> contentType(String type) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", type);
        return headers;
    }
}
