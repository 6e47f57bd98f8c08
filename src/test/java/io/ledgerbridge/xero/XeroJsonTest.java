package io.ledgerbridge.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading a collection out of Xero's answer as records, without a tree in between. */
class XeroJsonTest {

    private final XeroJson json = new XeroJson(new ObjectMapper());

    @Test
    void readsTheNamedCollectionInOrderAndSkipsEverythingElse() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String answer = """
                {"Id":"6c1a","Status":"OK","ProviderName":"LedgerBridge","DateTimeUTC":"/Date(1763683200000)/",
                 "Summary":{"Invoices":[{"InvoiceID":"%s"}]}, "Contacts":[{"ContactID":"%s"}],
                 "Invoices":[
                   {"InvoiceID":"%s","InvoiceNumber":"INV-1","Total":110.00,"StatusAttributeString":"OK",
                    "LineItems":[{"Description":"Apples","Quantity":2,"UnitAmount":50.00}],"Unknown":{"Deep":[1,2]}},
                   {"InvoiceID":"%s","InvoiceNumber":"INV-2","HasErrors":true,
                    "ValidationErrors":[{"Message":"Account code '999' is not a valid code for this document."}]}],
                 "After":[{"InvoiceID":"%s"}]}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), first, second, UUID.randomUUID());

        List<XeroInvoice> invoices = json.list(answer, "Invoices", XeroInvoice.class);

        assertThat(invoices).extracting(XeroInvoice::invoiceId).containsExactly(first, second);
        assertThat(invoices.get(0).total()).isEqualByComparingTo("110.00");
        assertThat(invoices.get(0).lineItems()).hasSize(1);
        assertThat(invoices.get(1).validationErrors()).extracting(XeroMessage::message)
                .containsExactly("Account code '999' is not a valid code for this document.");
    }

    @Test
    void anAnswerWithoutTheCollectionHasNoElements() {
        assertThat(json.list("{\"Invoices\":{\"not\":\"an array\"},\"Status\":\"OK\"}", "Invoices", XeroInvoice.class)).isEmpty();
        assertThat(json.list("{}", "Contacts", XeroContact.class)).isEmpty();
    }

    @Test
    void sayWhetherTheAnswerIsNotJsonOrAnElementIsNotReadable() {
        assertThatThrownBy(() -> json.list("<html>Service Unavailable</html>", "Invoices", XeroInvoice.class))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("Xero's answer is not JSON");
        assertThatThrownBy(() -> json.list("[1, 2]", "Invoices", XeroInvoice.class))
                .isInstanceOf(IllegalStateException.class).hasMessage("Xero's answer is not a JSON object");
        assertThatThrownBy(() -> json.list("{\"Invoices\":[{\"InvoiceID\":\"not-a-uuid\"}]}", "Invoices", XeroInvoice.class))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("Xero's Invoices element is not readable");
        assertThatThrownBy(() -> json.list("{\"Invoices\":[{\"InvoiceID\":", "Invoices", XeroInvoice.class))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("Xero's answer is not JSON");
    }
}
