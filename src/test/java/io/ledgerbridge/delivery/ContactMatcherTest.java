package io.ledgerbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.delivery.ContactMatcher.Match;
import io.ledgerbridge.order.OrderDocument.Party;
import io.ledgerbridge.xero.XeroContact;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContactMatcherTest {

    private static final Party HARBOUR = new Party("ws-harbour-cafe", "Harbour Cafe Pty Ltd", "11 222 333 444",
            "Finance@Harbour.example", null, null, null);

    private static XeroContact contact(String name, String number, String abn, String email, String status) {
        return new XeroContact(UUID.randomUUID(), number, name, email, abn, status, null, null, null, null);
    }

    @Test
    void contactNumberWinsOverEverythingElse() {
        XeroContact byNumber = contact("Someone Else", "ws-harbour-cafe", null, null, "ACTIVE");
        XeroContact byName = contact("Harbour Cafe", null, null, null, "ACTIVE");
        assertThat(ContactMatcher.match(HARBOUR, List.of(byName, byNumber)).contact()).isSameAs(byNumber);
    }

    @Test
    void thenTaxNumberIgnoringSpacesThenEmailIgnoringCase() {
        XeroContact byAbn = contact("HC", null, "11222333444", null, "ACTIVE");
        XeroContact byEmail = contact("HC2", null, null, "finance@harbour.example", "ACTIVE");
        assertThat(ContactMatcher.match(HARBOUR, List.of(byEmail, byAbn)).contact()).isSameAs(byAbn);
        assertThat(ContactMatcher.match(HARBOUR, List.of(byEmail)).contact()).isSameAs(byEmail);
    }

    @Test
    void thenTheNormalisedName() {
        XeroContact byName = contact("HARBOUR CAFE", null, null, null, "ACTIVE");
        assertThat(ContactMatcher.match(HARBOUR, List.of(byName)).contact()).isSameAs(byName);
        assertThat(ContactMatcher.normalise("The Harbour Café Co.")).isEqualTo("harbour cafe");
    }

    @Test
    void archivedContactsDoNotMatchAndNoMatchMeansCreate() {
        Match match = ContactMatcher.match(HARBOUR, List.of(contact("Harbour Cafe", null, null, null, "ARCHIVED")));
        assertThat(match.found()).isFalse();
        assertThat(match.ambiguous()).isFalse();
    }

    @Test
    void twoContactsWithTheSameNameAreAmbiguousNotGuessed() {
        Match match = ContactMatcher.match(HARBOUR, List.of(contact("Harbour Cafe", null, null, null, "ACTIVE"),
                contact("Harbour Cafe Pty Ltd", null, null, null, "ACTIVE")));
        assertThat(match.found()).isFalse();
        assertThat(match.ambiguity()).startsWith("2 Xero contacts have the same name (harbour cafe)")
                .endsWith("Merge or archive the duplicates in Xero, then re-sync.");
    }

    @Test
    void aPartyIsLinkedByWorkspaceThenAbnThenName() {
        assertThat(ContactMatcher.partyKey(HARBOUR)).isEqualTo("ws:ws-harbour-cafe");
        assertThat(ContactMatcher.partyKey(new Party(null, "Harbour Cafe", "11 222 333 444", null, null, null, null)))
                .isEqualTo("abn:11222333444");
        assertThat(ContactMatcher.partyKey(new Party(null, "Harbour Cafe Pty Ltd", null, null, null, null, null)))
                .isEqualTo("name:harbour cafe");
    }

    private static Party named(String name) {
        return new Party(null, name, null, null, null, null, null);
    }

    @Test
    void partiesWhoseNamesDifferOnlyOutsideLatinLettersAreDifferentParties() {
        assertThat(ContactMatcher.partyKey(named("Café 東京"))).isNotEqualTo(ContactMatcher.partyKey(named("Café 大阪")));
        XeroContact tokyo = contact("Café 東京", null, null, null, "ACTIVE");
        assertThat(ContactMatcher.match(named("Café 大阪"), List.of(tokyo)).found())
                .as("Osaka's café is not Tokyo's").isFalse();
        assertThat(ContactMatcher.match(named("Cafe 東京"), List.of(tokyo)).contact()).isSameAs(tokyo);
    }

    @Test
    void aNameWithNoLatinLettersHasAKeyOfItsOwnAndStillMatchesByName() {
        assertThat(ContactMatcher.partyKey(named("東京カフェ"))).isNotEqualTo("name:null")
                .isNotEqualTo(ContactMatcher.partyKey(named("大阪カフェ")));
        XeroContact osaka = contact("大阪カフェ", null, null, null, "ACTIVE");
        assertThat(ContactMatcher.match(named("東京カフェ"), List.of(osaka)).found()).isFalse();
        assertThat(ContactMatcher.match(named("大阪カフェ"), List.of(osaka)).contact()).isSameAs(osaka);
    }

    @Test
    void nothingMatchesOnANameThatNormalisesToNothing() {
        XeroContact dots = contact("...", null, null, null, "ACTIVE");
        XeroContact co = contact("The Co", null, null, null, "ACTIVE");
        assertThat(ContactMatcher.match(named("!!!"), List.of(dots, co)).found()).isFalse();
        assertThat(ContactMatcher.match(named("Co."), List.of(dots, co)).found()).isFalse();
        assertThat(ContactMatcher.partyKey(named("!!!"))).isNotEqualTo(ContactMatcher.partyKey(named("???")));
    }
}
