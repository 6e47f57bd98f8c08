package io.ledgerbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Payments, batch payments and credit-note allocations (FACTS §6, §7). */
class PaymentsTest extends SandboxTest {

    private static HttpResponse<String> pay(String invoiceId, String account, String amount) {
        return sandbox.put("/Payments", """
                {"Payments":[{"Invoice":{"InvoiceID":"%s"},"Account":{"Code":"%s"},"Date":"2026-11-22","Amount":%s,"Reference":"PAY-9"}]}
                """.formatted(invoiceId, account, amount), SUPPLIER);
    }

    private static JsonNode invoiceById(String id) {
        return first(sandbox.get("/Invoices/" + id, SUPPLIER), "Invoices");
    }

    private static JsonNode error(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        return json(r).get("Elements").get(0);
    }

    @Test
    void paymentsReduceWhatIsDueUntilTheInvoiceIsPaid() {
        String id = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "PAY-1", "AUTHORISED", "100")));
        HttpResponse<String> part = pay(id, "855", "40.00");
        assertThat(part.statusCode()).as(part.body()).isEqualTo(200);
        JsonNode payment = first(part, "Payments");
        assertThat(payment.get("PaymentType").asText()).isEqualTo("ACCRECPAYMENT");
        assertThat(payment.get("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(payment.get("Account").get("Code").asText()).isEqualTo("855");
        JsonNode afterPart = invoiceById(id);
        assertThat(afterPart.get("AmountDue").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(afterPart.get("AmountPaid").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(afterPart.get("Status").asText()).isEqualTo("AUTHORISED");

        assertThat(error(pay(id, "090", "70.01")).get("ValidationErrors").get(0).get("Message").asText())
                .isEqualTo("Payment amount exceeds the amount outstanding on this document");
        assertThat(pay(id, "090", "70.00").statusCode()).isEqualTo(200);
        JsonNode paid = invoiceById(id);
        assertThat(paid.get("Status").asText()).isEqualTo("PAID");
        assertThat(paid.get("AmountDue").decimalValue()).isEqualByComparingTo("0");
        assertThat(paid.get("Payments")).hasSize(2);
        assertThat(json(sandbox.get("/Payments?page=1", SUPPLIER)).get("Payments")).hasSize(2);
    }

    @Test
    void paymentsNeedABankOrPaymentAccountAndAnApprovedInvoice() {
        String id = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "PAY-2", "AUTHORISED", "10")));
        assertThat(messages(error(pay(id, "200", "1")))).containsExactly("Account type is invalid for making a payment to/from");
        assertThat(messages(error(pay(id, "999", "1")))).containsExactly("Account could not be found");
        String draft = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "PAY-3", "DRAFT", "10")));
        assertThat(messages(error(pay(draft, "090", "1")))).containsExactly("Payments can only be made against AUTHORISED documents.");
    }

    @Test
    void deletingAPaymentReopensTheInvoice() {
        String id = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "PAY-4", "AUTHORISED", "10")));
        String paymentId = first(pay(id, "090", "11.00"), "Payments").get("PaymentID").asText();
        assertThat(invoiceById(id).get("Status").asText()).isEqualTo("PAID");
        HttpResponse<String> deleted = sandbox.post("/Payments/" + paymentId, "{\"Status\":\"DELETED\"}", SUPPLIER);
        assertThat(first(deleted, "Payments").get("Status").asText()).isEqualTo("DELETED");
        JsonNode reopened = invoiceById(id);
        assertThat(reopened.get("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(reopened.get("AmountDue").decimalValue()).isEqualByComparingTo("11.00");
    }

    @Test
    void batchPaymentsPayEveryInvoiceAndCanBeDeleted() {
        String a = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "B-1", "AUTHORISED", "10")));
        String b = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "B-2", "AUTHORISED", "20")));
        HttpResponse<String> batch = sandbox.put("/BatchPayments", """
                {"BatchPayments":[{"Account":{"Code":"090"},"Date":"2026-11-25","Reference":"Deposit 1",
                  "Payments":[{"Invoice":{"InvoiceID":"%s"},"Amount":11.00},{"Invoice":{"InvoiceID":"%s"},"Amount":22.00}]}]}
                """.formatted(a, b), SUPPLIER);
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
        JsonNode created = first(batch, "BatchPayments");
        assertThat(created.get("Type").asText()).isEqualTo("RECBATCH");
        assertThat(created.get("TotalAmount").decimalValue()).isEqualByComparingTo("33.00");
        assertThat(invoiceById(a).get("Status").asText()).isEqualTo("PAID");
        assertThat(invoiceById(b).get("Status").asText()).isEqualTo("PAID");

        String batchId = created.get("BatchPaymentID").asText();
        HttpResponse<String> deleted = sandbox.post("/BatchPayments", "{\"BatchPaymentID\":\"" + batchId + "\",\"Status\":\"DELETED\"}",
                SUPPLIER);
        assertThat(first(deleted, "BatchPayments").get("Status").asText()).isEqualTo("DELETED");
        assertThat(invoiceById(a).get("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(json(sandbox.get("/BatchPayments", SUPPLIER)).get("BatchPayments")).hasSize(1);
    }

    @Test
    void creditNotesAllocateAgainstInvoicesOfTheSameSide() {
        String invoiceId = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "CN-T1", "AUTHORISED", "100")));
        HttpResponse<String> credit = sandbox.put("/CreditNotes", """
                {"CreditNotes":[{"Type":"ACCRECCREDIT","Contact":{"Name":"Harbour Cafe"},"Date":"2026-11-23","Status":"AUTHORISED",
                  "LineItems":[{"Description":"Bruised","Quantity":1,"UnitAmount":20,"AccountCode":"200","TaxType":"OUTPUT"}]}]}
                """, SUPPLIER);
        assertThat(credit.statusCode()).as(credit.body()).isEqualTo(200);
        JsonNode creditNote = first(credit, "CreditNotes");
        assertThat(creditNote.get("CreditNoteNumber").asText()).isEqualTo("CN-0001");
        assertThat(creditNote.get("RemainingCredit").decimalValue()).isEqualByComparingTo("22.00");
        String creditId = creditNote.get("CreditNoteID").asText();

        HttpResponse<String> tooMuch = sandbox.put("/CreditNotes/" + creditId + "/Allocations",
                "{\"Allocations\":[{\"Invoice\":{\"InvoiceID\":\"" + invoiceId + "\"},\"Amount\":22.01,\"Date\":\"2026-11-23\"}]}", SUPPLIER);
        assertThat(messages(error(tooMuch))).containsExactly("Credit Note cannot be allocated as amount is greater than amount outstanding");

        HttpResponse<String> allocated = sandbox.put("/CreditNotes/" + creditId + "/Allocations",
                "{\"Allocations\":[{\"Invoice\":{\"InvoiceID\":\"" + invoiceId + "\"},\"Amount\":22.00,\"Date\":\"2026-11-23\"}]}", SUPPLIER);
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);
        JsonNode invoice = invoiceById(invoiceId);
        assertThat(invoice.get("AmountCredited").decimalValue()).isEqualByComparingTo("22.00");
        assertThat(invoice.get("AmountDue").decimalValue()).isEqualByComparingTo("88.00");
        assertThat(invoice.get("CreditNotes").get(0).get("CreditNoteID").asText()).isEqualTo(creditId);
        JsonNode creditAfter = first(sandbox.get("/CreditNotes/" + creditId, SUPPLIER), "CreditNotes");
        assertThat(creditAfter.get("Status").asText()).isEqualTo("PAID");
        assertThat(creditAfter.get("RemainingCredit").decimalValue()).isEqualByComparingTo("0");

        HttpResponse<String> edit = sandbox.post("/Invoices/" + invoiceId, "{\"Invoices\":[{\"Reference\":\"x\"}]}", SUPPLIER);
        assertThat(messages(error(edit))).containsExactly(
                "This document cannot be edited as it has a payment or credit note allocated to it.");
    }

    @Test
    void deletingAnAllocationRestoresTheCreditAndWhatIsDueAndAnswersTheAllocation() {
        String invoiceId = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "CN-D1", "AUTHORISED", "10")));
        String creditId = first(sandbox.put("/CreditNotes", """
                {"CreditNotes":[{"Type":"ACCRECCREDIT","Contact":{"Name":"Harbour Cafe"},"Status":"AUTHORISED",
                  "LineItems":[{"Description":"x","Quantity":1,"UnitAmount":20,"AccountCode":"200","TaxType":"OUTPUT"}]}]}
                """, SUPPLIER), "CreditNotes").get("CreditNoteID").asText();
        String allocationId = first(sandbox.put("/CreditNotes/" + creditId + "/Allocations",
                "{\"Allocations\":[{\"Invoice\":{\"InvoiceID\":\"" + invoiceId + "\"},\"Amount\":11.00,\"Date\":\"2026-11-23\"}]}",
                SUPPLIER), "Allocations").get("AllocationID").asText();
        assertThat(invoiceById(invoiceId).get("Status").asText()).isEqualTo("PAID");

        HttpResponse<String> deleted = sandbox.api("DELETE", "/CreditNotes/" + creditId + "/Allocations/" + allocationId,
                null, SUPPLIER);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        JsonNode answer = json(deleted);
        assertThat(answer.get("AllocationID").asText()).isEqualTo(allocationId);
        assertThat(answer.get("IsDeleted").asBoolean()).isTrue();
        assertThat(answer.get("Amount").decimalValue()).isEqualByComparingTo("11.00");
        assertThat(answer.at("/Invoice/InvoiceID").asText()).isEqualTo(invoiceId);

        JsonNode reopened = invoiceById(invoiceId);
        assertThat(reopened.get("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(reopened.get("AmountDue").decimalValue()).isEqualByComparingTo("11.00");
        assertThat(reopened.get("CreditNotes")).isEmpty();
        JsonNode credit = first(sandbox.get("/CreditNotes/" + creditId, SUPPLIER), "CreditNotes");
        assertThat(credit.get("RemainingCredit").decimalValue()).isEqualByComparingTo("22.00");
        assertThat(credit.get("Allocations")).isEmpty();
        // Once removed, it can be edited again.
        assertThat(sandbox.post("/Invoices/" + invoiceId, "{\"Invoices\":[{\"Reference\":\"x\"}]}", SUPPLIER).statusCode())
                .isEqualTo(200);

        assertThat(sandbox.api("DELETE", "/CreditNotes/" + creditId + "/Allocations/" + allocationId, null, SUPPLIER)
                .statusCode()).as("an allocation already removed").isEqualTo(404);
        assertThat(sandbox.api("DELETE", "/CreditNotes/" + java.util.UUID.randomUUID() + "/Allocations/" + allocationId,
                null, SUPPLIER).statusCode()).as("an unknown credit note").isEqualTo(404);
        HttpResponse<String> notAnId = sandbox.api("DELETE", "/CreditNotes/" + creditId + "/Allocations/x", null, SUPPLIER);
        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(messages(json(notAnId).get("Elements").get(0)))
                .containsExactly("The AllocationID is not a valid id.");
    }

    @Test
    void creditNotesCannotBeAllocatedToTheOtherSideOrAPaidInvoice() {
        String bill = createdId(sandbox.put("/Invoices", "{\"Invoices\":[" + invoice("ACCPAY", "BILL-1", "AUTHORISED", "10") + "]}",
                SUPPLIER));
        String paidInvoice = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "CN-T2", "AUTHORISED", "10")));
        sandbox.send("POST", "/sandbox/tenants/" + SUPPLIER + "/invoices/" + paidInvoice + "/pay", null, null);
        String creditId = first(sandbox.put("/CreditNotes", """
                {"CreditNotes":[{"Type":"ACCRECCREDIT","Contact":{"Name":"Harbour Cafe"},"Status":"AUTHORISED",
                  "LineItems":[{"Description":"x","Quantity":1,"UnitAmount":5,"AccountCode":"200"}]}]}
                """, SUPPLIER), "CreditNotes").get("CreditNoteID").asText();
        String path = "/CreditNotes/" + creditId + "/Allocations";
        assertThat(messages(error(sandbox.put(path, "{\"Allocations\":[{\"Invoice\":{\"InvoiceID\":\"" + bill
                + "\"},\"Amount\":1,\"Date\":\"2026-11-23\"}]}", SUPPLIER))))
                .containsExactly("Credit Note cannot be allocated to an incorrect invoice type");
        assertThat(messages(error(sandbox.put(path, "{\"Allocations\":[{\"Invoice\":{\"InvoiceID\":\"" + paidInvoice
                + "\"},\"Amount\":1,\"Date\":\"2026-11-23\"}]}", SUPPLIER))))
                .containsExactly("The invoice you are trying to allocate to has already been paid off");
    }

    @Test
    void allocationsGoToApprovedInvoicesOnlyAndNeverBeyondTheCreditLeftOrTheAmountDue() {
        String draft = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "CN-T3", "DRAFT", "100")));
        String voided = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "CN-T4", "AUTHORISED", "100")));
        assertThat(sandbox.post("/Invoices/" + voided, "{\"Invoices\":[{\"Status\":\"VOIDED\"}]}", SUPPLIER).statusCode())
                .isEqualTo(200);
        String small = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "CN-T5", "AUTHORISED", "5")));
        String large = createdId(createInvoice(SUPPLIER, invoice("ACCREC", "CN-T6", "AUTHORISED", "100")));
        String creditId = first(sandbox.put("/CreditNotes", """
                {"CreditNotes":[{"Type":"ACCRECCREDIT","Contact":{"Name":"Harbour Cafe"},"Status":"AUTHORISED",
                  "LineItems":[{"Description":"x","Quantity":1,"UnitAmount":20,"AccountCode":"200","TaxType":"OUTPUT"}]}]}
                """, SUPPLIER), "CreditNotes").get("CreditNoteID").asText();
        String path = "/CreditNotes/" + creditId + "/Allocations";
        String allocation = "{\"Allocations\":[{\"Invoice\":{\"InvoiceID\":\"%s\"},\"Amount\":%s,\"Date\":\"2026-11-23\"}]}";

        for (String notApproved : new String[] {draft, voided}) {
            assertThat(messages(error(sandbox.put(path, allocation.formatted(notApproved, "1.00"), SUPPLIER))))
                    .containsExactly("Credit notes can only be allocated to AUTHORISED invoices.");
        }
        // More than the invoice has due (5.50 with tax), then the credit left after an allocation (22.00 - 5.50).
        assertThat(messages(error(sandbox.put(path, allocation.formatted(small, "5.51"), SUPPLIER))))
                .containsExactly("Credit Note cannot be allocated as amount is greater than amount outstanding");
        assertThat(sandbox.put(path, allocation.formatted(small, "5.50"), SUPPLIER).statusCode()).isEqualTo(200);
        assertThat(messages(error(sandbox.put(path, allocation.formatted(large, "16.51"), SUPPLIER))))
                .containsExactly("Credit Note cannot be allocated as amount is greater than amount outstanding");
        assertThat(invoiceById(draft).get("AmountCredited").decimalValue()).isEqualByComparingTo("0");
        assertThat(invoiceById(large).get("AmountDue").decimalValue()).isEqualByComparingTo("110.00");

        // As LedgerBridge sends it (summarizeErrors=false): 200, the element marked ERROR with its message.
        HttpResponse<String> unsummarised = sandbox.put(path + "?summarizeErrors=false",
                allocation.formatted(large, "16.51"), SUPPLIER);
        assertThat(unsummarised.statusCode()).isEqualTo(200);
        JsonNode element = first(unsummarised, "Allocations");
        assertThat(element.get("StatusAttributeString").asText()).isEqualTo("ERROR");
        assertThat(messages(element)).containsExactly("Credit Note cannot be allocated as amount is greater than amount outstanding");
        JsonNode applied = first(sandbox.put(path + "?summarizeErrors=false", allocation.formatted(large, "16.50"), SUPPLIER),
                "Allocations");
        assertThat(applied.get("StatusAttributeString").asText()).isEqualTo("OK");
        assertThat(applied.get("Invoice").get("InvoiceID").asText()).isEqualTo(large);
        assertThat(first(sandbox.get("/CreditNotes/" + creditId, SUPPLIER), "CreditNotes").get("Allocations")).hasSize(2);
    }
}
