package io.ledgerbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One sandbox per test class, back to its seeded state before every test. */
abstract class SandboxTest {

    static final UUID SUPPLIER = Sandbox.SUPPLIER;
    static final UUID VENUE = Sandbox.VENUE;
    static Sandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = new Sandbox();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
    }

    static JsonNode json(HttpResponse<String> r) {
        return Sandbox.json(r);
    }

    static JsonNode first(HttpResponse<String> r, String collection) {
        return Sandbox.first(r, collection);
    }

    /** Every ValidationErrors message of a 400's elements, or of a summarizeErrors=false element. */
    static List<String> messages(JsonNode element) {
        List<String> out = new ArrayList<>();
        element.path("ValidationErrors").forEach(e -> out.add(e.get("Message").asText()));
        return out;
    }

    static List<String> warnings(JsonNode element) {
        List<String> out = new ArrayList<>();
        element.path("Warnings").forEach(e -> out.add(e.get("Message").asText()));
        return out;
    }

    /** A valid invoice body: one line of 1 × {@code amount} to 200 with GST. */
    static String invoice(String type, String number, String status, String amount) {
        String account = type.equals("ACCREC") ? "200" : "310";
        String tax = type.equals("ACCREC") ? "OUTPUT" : "INPUT";
        String contact = type.equals("ACCREC") ? "Harbour Cafe" : "Green Valley Farms";
        return """
                {"Type":"%s","Contact":{"Name":"%s"},"Date":"2026-11-21","DueDate":"2026-12-05",%s"Status":"%s",
                 "LineItems":[{"Description":"Produce","Quantity":1,"UnitAmount":%s,"AccountCode":"%s","TaxType":"%s"}]}
                """.formatted(type, contact, number == null ? "" : "\"InvoiceNumber\":\"" + number + "\",", status, amount,
                account, tax);
    }

    static HttpResponse<String> createInvoice(UUID tenant, String invoiceJson) {
        return sandbox.put("/Invoices", "{\"Invoices\":[" + invoiceJson + "]}", tenant);
    }

    static String createdId(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new AssertionError("Expected 200 but got " + r.statusCode() + ": " + r.body());
        }
        return first(r, "Invoices").get("InvoiceID").asText();
    }
}
