package io.ledgerbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.coding.CodingResult;
import io.ledgerbridge.coding.CodingResult.AccountSource;
import io.ledgerbridge.coding.CodingResult.CodedLine;
import io.ledgerbridge.coding.CodingResult.Problem;
import io.ledgerbridge.xero.XeroLineItem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class XeroMessagesTest {

    private static CodingResult coded(String itemCode, AccountSource source, String account) {
        return new CodingResult(List.of(new CodedLine("l1", itemCode, source, new XeroLineItem("Apples", BigDecimal.TEN,
                new BigDecimal("4.50"), null, account, "INPUT", null, null, null, null))), "Exclusive", false, List.of(),
                List.of(), new BigDecimal("45.00"), BigDecimal.ZERO);
    }

    @Test
    void aRejectedAccountNamesTheMappingItCameFrom() {
        Problem problem = XeroMessages.explain(List.of("Account code '999' is not a valid code for this document."),
                coded("APL-01", AccountSource.ITEM_MAPPING, "999"), "Harbour Cafe", "INV-1", false);
        assertThat(problem.message()).startsWith("Account code 999 is not valid in Harbour Cafe's chart of accounts");
        assertThat(problem.fixHint()).startsWith("Map item APL-01 to an expense account");
    }

    @Test
    void aTaxTypeRefusedForAnAccountPointsAtTheAccountFirst() {
        Problem problem = XeroMessages.explain(List.of("The TaxType code 'OUTPUT' cannot be used with account code '425'."),
                coded(null, AccountSource.FREIGHT, "425"), "Fresh Produce Co", "INV-1", true);
        assertThat(problem.message()).startsWith("Tax rate OUTPUT cannot be used with account 425 in Fresh Produce Co");
        assertThat(problem.fixHint()).startsWith("Set the workspace's freight account to an income account.")
                .contains("Or map the tax code for sales");
    }

    @Test
    void aDuplicateNumberSaysItWasProbablyEnteredByHand() {
        Problem problem = XeroMessages.explain(List.of("Invoice # must be unique."), coded(null, AccountSource.NONE, null),
                "Fresh Produce Co", "INV-1001", true);
        assertThat(problem.message()).isEqualTo("Invoice number INV-1001 already exists in Fresh Produce Co; it was"
                + " probably entered there by hand.");
    }

    @Test
    void aPaymentOrAPaidStatusLocksTheDocument() {
        assertThat(XeroMessages.paidLock(List.of("This document cannot be edited as it has a payment or credit note"
                + " allocated to it."), "AUTHORISED")).isTrue();
        assertThat(XeroMessages.paidLock(List.of("Invoice not of valid status for modification"), "PAID")).isTrue();
        assertThat(XeroMessages.paidLock(List.of("Invoice not of valid status for modification"), "VOIDED")).isFalse();
    }

    @Test
    void aFullyAllocatedCreditNoteIsLockedLikeAPaidInvoice() {
        assertThat(XeroMessages.paidLock(List.of("Credit Note not of valid status for modification"), "PAID")).isTrue();
        assertThat(XeroMessages.paidLock(List.of("Credit Note not of valid status for modification"), "DELETED")).isFalse();
        assertThat(XeroMessages.notValidStatus("Credit Note not of valid status for modification")).isTrue();
        assertThat(XeroMessages.notValidStatus("Account must be valid.")).isFalse();
    }
}
