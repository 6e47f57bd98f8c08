package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What happens to an invoice in Xero comes back (F19, F27): paid there, it is PAID here (not LOCKED) and the platform
 * hears it on xero.sync.status; part paid, the amount paid; voided there, VOIDED here. The pull reads only what changed
 * since the last one, at pull priority.
 */
class InvoiceStatusPullIT extends DeliveryTestBase {

    @BeforeEach
    void workspaces() {
        connectedPair("pull", "pl");
        assertThat(api.put(supplierPath("/settings"), "{\"modules\":{\"items\":true,\"contacts\":true,\"invoicePull\":true}}")
                .status()).isEqualTo(200);
    }

    @Test
    void paidPartPaidAndVoidedInXeroComeBackToTheirDocumentsAndThePlatform() {
        String paid = orders.send();
        String partPaid = orders.send();
        String voided = orders.send();
        String untouched = orders.send();
        for (String orderId : List.of(paid, partPaid, voided, untouched)) {
            orders.awaitState(orderId, "SYNCED");
        }
        pull(); // the first pull sets the watermark to the first document in Xero: nothing changed yet
        JsonNode first = orders.awaitRun("invoice-pull");
        assertThat(first.get("counts").get("paid").asLong()).isZero();

        payInXero(paid, null);
        payInXero(partPaid, "20.00");
        UUID voidedId = xeroId(voided);
        sandbox.accounting(ws.supplierTenant(), "POST", "/Invoices/" + voidedId,
                "{\"Invoices\":[{\"InvoiceID\":\"" + voidedId + "\",\"Status\":\"VOIDED\"}]}");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> pull() == 202);
        JsonNode paidDocument = orders.awaitState(paid, "PAID");
        assertThat(paidDocument.get("xeroStatus").asText()).isEqualTo("PAID");
        assertThat(paidDocument.get("amountPaid").decimalValue()).isEqualByComparingTo("62.49");
        JsonNode partDocument = await().atMost(WAIT).until(() -> api.document(ws.supplier(), partPaid),
                document -> document.hasNonNull("amountPaid"));
        assertThat(partDocument.get("state").asText()).isEqualTo("SYNCED");
        assertThat(partDocument.get("amountPaid").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(orders.awaitState(voided, "VOIDED").get("xeroStatus").asText()).isEqualTo("VOIDED");
        assertThat(api.document(ws.supplier(), untouched).get("state").asText()).isEqualTo("SYNCED");

        JsonNode run = orders.awaitRun("invoice-pull");
        assertThat(run.get("counts").get("paid").asLong()).isEqualTo(1);
        assertThat(run.get("counts").get("partPaid").asLong()).isEqualTo(1);
        assertThat(run.get("counts").get("voided").asLong()).isEqualTo(1);
        assertThat(run.get("counts").get("read").asLong()).as("only what changed since the last pull").isLessThan(8);

        List<ConsumerRecord<String, String>> told = kafka.readUntil("xero.sync.status",
                record -> record.value().contains("\"orderId\":\"" + paid + "\"") && record.value().contains("\"state\":\"PAID\""),
                WAIT);
        assertThat(told).isNotEmpty();
        assertThat(told.get(0).key()).isEqualTo(ws.supplier());
        assertThat(told.get(0).value()).contains("\"amountPaid\":62.49");
        assertThat(kafka.readUntil("xero.sync.status", record -> record.value().contains("\"orderId\":\"" + partPaid + "\"")
                && record.value().contains("\"amountPaid\":20"), WAIT)).isNotEmpty();

        // Nothing new in Xero: the next pull changes nothing and tells nothing
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> pull() == 202);
        JsonNode quiet = orders.awaitRun("invoice-pull");
        assertThat(quiet.get("counts").get("paid").asLong() + quiet.get("counts").get("partPaid").asLong()
                + quiet.get("counts").get("voided").asLong()).isZero();
        assertThat(sandbox.calls(ws.supplierTenant()).stream().filter(call -> call.path("path").asText()
                .startsWith("/api.xro/2.0/Invoices?page=")).count()).as("one page per pull").isEqualTo(3);
    }

    @Test
    void aCreditNoteVoidedInXeroComesBackVoidedAndOneUsedUpThereIsNotLockedHere() {
        // not allocated, so that Xero lets it be voided
        assertThat(api.put(supplierPath("/settings"), "{\"allocateCreditNotes\":false}").status()).isEqualTo(200);
        String voided = orders.send();
        String kept = orders.send();
        for (String orderId : List.of(voided, kept)) {
            orders.awaitState(orderId, "SYNCED");
            kafka.send("orders.events", ws.supplier(),
                    OrderEvents.creditNote(ws.supplier(), ws.venue(), orderId, 2, "CN-" + orderId).toString());
        }
        UUID voidedId = UUID.fromString(awaitCreditNote(voided, "SYNCED").get("xeroId").asText());
        UUID keptId = UUID.fromString(awaitCreditNote(kept, "SYNCED").get("xeroId").asText());
        pull();
        orders.awaitRun("invoice-pull");

        sandbox.accounting(ws.supplierTenant(), "POST", "/CreditNotes/" + voidedId,
                "{\"CreditNotes\":[{\"CreditNoteID\":\"" + voidedId + "\",\"Status\":\"VOIDED\"}]}");
        sandbox.accounting(ws.supplierTenant(), "PUT", "/CreditNotes/" + keptId + "/Allocations",
                "{\"Allocations\":[{\"Invoice\":{\"InvoiceID\":\"" + xeroId(kept) + "\"},\"Amount\":10.00,"
                        + "\"Date\":\"2026-12-03\"}]}");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> pull() == 202);
        assertThat(awaitCreditNote(voided, "VOIDED").get("xeroStatus").asText()).isEqualTo("VOIDED");
        assertThat(kafka.readUntil("xero.sync.status", record -> record.value().contains("\"orderId\":\"" + voided + "\"")
                && record.value().contains("\"xeroType\":\"ACCRECCREDIT\"") && record.value().contains("\"state\":\"VOIDED\""),
                WAIT)).isNotEmpty();
        JsonNode run = orders.awaitRun("invoice-pull");
        assertThat(run.get("counts").get("voided").asLong()).isEqualTo(1);
        assertThat(api.document(ws.supplier(), kept, "ACCRECCREDIT").get("state").asText())
                .as("allocated in Xero: still a credit note a corrected version can update").isEqualTo("SYNCED");
        assertThat(sandbox.calls(ws.supplierTenant()).stream().filter(call -> call.path("path").asText()
                .startsWith("/api.xro/2.0/CreditNotes?page=")).count()).as("one page per pull").isEqualTo(2);
    }

    @Test
    void aPullOfAWorkspaceWithInvoicePullOffIsRefusedWithWhatToDo() {
        assertThat(api.put(supplierPath("/settings"), "{\"modules\":{\"invoicePull\":false}}").status()).isEqualTo(200);
        ApiClient.Response refused = api.post(supplierPath("/sync/invoice-pull"), "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("Invoice pull is off");
    }

    private JsonNode awaitCreditNote(String orderId, String state) {
        return await().atMost(WAIT).until(() -> api.document(ws.supplier(), orderId, "ACCRECCREDIT"),
                document -> document != null && state.equals(document.get("state").asText()));
    }

    private int pull() {
        return api.post(supplierPath("/sync/invoice-pull"), "").status();
    }

    private void payInXero(String orderId, String amount) {
        sandbox.control("POST", "/sandbox/tenants/" + ws.supplierTenant() + "/invoices/" + xeroId(orderId) + "/pay",
                amount == null ? null : "{\"amount\":" + amount + "}");
    }

    private UUID xeroId(String orderId) {
        return UUID.fromString(api.document(ws.supplier(), orderId, "ACCREC").get("xeroId").asText());
    }

}
