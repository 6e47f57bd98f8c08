package io.ledgerbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.coding.Organisation;
import org.junit.jupiter.api.Test;

class OrganisationReaderTest {

    private static final String ACCOUNTS = """
            {"Accounts":[{"Code":"200","Name":"Sales","Type":"REVENUE","Status":"ACTIVE","TaxType":"OUTPUT"},
                         {"Code":"860","Name":"Rounding","Type":"CURRLIAB","Status":"ACTIVE","TaxType":"BASEXCLUDED",
                          "SystemAccount":"ROUNDING"},
                         {"Code":"855","Name":"Platform Clearing","Type":"CURRENT","Status":"ACTIVE",
                          "EnablePaymentsToAccount":true},
                         {"Code":"090","Name":"Business Bank Account","Type":"BANK","Status":"ACTIVE"},
                         {"Name":"No code"}]}
            """;
    private static final String TAX_RATES = """
            {"TaxRates":[{"TaxType":"OUTPUT","Name":"GST on Income","EffectiveRate":10.0000,"CanApplyToRevenue":true,
                          "CanApplyToExpenses":false,"Status":"ACTIVE"}]}
            """;
    private static final String TRACKING = """
            {"TrackingCategories":[{"Name":"Region","Status":"ACTIVE","Options":[{"Name":"North","Status":"ACTIVE"},
                                   {"Name":"Gone","Status":"ARCHIVED"}]}]}
            """;
    private static final String ITEMS = """
            {"Items":[{"Code":"APL-01","Name":"Apples 1kg"}]}
            """;

    @Test
    void readsTheFiveAnswersIncludingTheOrganisationsCurrencies() {
        Organisation org = OrganisationReader.read("Demo Fresh Produce Co", ACCOUNTS, TAX_RATES, TRACKING, ITEMS, """
                {"Id":"x","Status":"OK","Currencies":[{"Code":"AUD","Description":"Australian Dollar"},
                                                      {"Code":"nzd","Description":"New Zealand Dollar"},{"Description":"?"}]}
                """);

        assertThat(org.accounts()).containsOnlyKeys("200", "860", "855", "090");
        // what a clearing account needs: a bank account, or one that accepts payments
        assertThat(org.accounts().get("855").acceptsPayments()).isTrue();
        assertThat(org.accounts().get("090").acceptsPayments()).isTrue();
        assertThat(org.accounts().get("200").acceptsPayments()).isFalse();
        assertThat(org.roundingAccount()).hasValueSatisfying(a -> assertThat(a.code()).isEqualTo("860"));
        assertThat(org.taxRates().get("OUTPUT").effectiveRate()).isEqualByComparingTo("10");
        assertThat(org.trackingCategories()).singleElement().satisfies(t -> assertThat(t.activeOptions()).containsExactly("North"));
        assertThat(org.itemCodes()).containsOnlyKeys("APL-01");
        assertThat(org.currencies()).containsExactly("AUD", "NZD");
    }

    @Test
    void anAnswerWithoutCurrenciesLeavesThemUnknown() {
        assertThat(OrganisationReader.read("Org", ACCOUNTS, TAX_RATES, TRACKING, ITEMS, "{\"Currencies\":[]}").currencies()).isEmpty();
    }
}
