package io.ledgerbridge.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void latinNamesKeepMatchingAsTheyDid() {
        assertThat(Names.normalise("Harbour Cafe")).isEqualTo("harbour cafe");
        assertThat(Names.normalise("harbour cafe")).isEqualTo("harbour cafe");
        assertThat(Names.normalise("HARBOUR CAFÉ Pty Ltd")).isEqualTo("harbour cafe");
        assertThat(Names.normalise("The Harbour Café Co.")).isEqualTo("harbour cafe");
        assertThat(Names.normalise("Fresh Produce Co.")).isEqualTo("fresh produce");
        assertThat(Names.normalise("Fresh Produce Co")).isEqualTo(Names.normalise("fresh   produce, co"));
        assertThat(Names.normalise("Smith & Sons Limited")).isEqualTo("smith sons");
        assertThat(Names.normalise("Acme, Inc.")).isEqualTo("acme");
    }

    @Test
    void legalFormsGoOnlyAsWholeWords() {
        assertThat(Names.normalise("Coco's Cafe")).isEqualTo("coco s cafe");
        assertThat(Names.normalise("Theatre Co-op")).isEqualTo("theatre op");
        assertThat(Names.normalise("Incline Ltd")).isEqualTo("incline");
    }

    @Test
    void namesInOtherScriptsKeepTheirLettersAndDoNotCollide() {
        assertThat(Names.normalise("Café 東京")).isEqualTo("cafe 東京");
        assertThat(Names.normalise("Café 東京")).isNotEqualTo(Names.normalise("Café 大阪"));
        assertThat(Names.normalise("東京カフェ")).isEqualTo("東京カフェ");
        assertThat(Names.normalise("Москва Трейдинг")).isEqualTo(Names.normalise("МОСКВА ТРЕЙДИНГ"))
                .startsWith("москва тре");
        assertThat(Names.normalise("ΟΔΟΣ")).isEqualTo(Names.normalise("οδος"));
    }

    @Test
    void marksOfOtherScriptsAreKeptAndOnlyLatinAccentsGo() {
        // Japanese dakuten: ガ (ga) is not カ (ka); half-width ｶﾞ is ガ after NFKC.
        assertThat(Names.normalise("ガス")).isEqualTo("ガス").isNotEqualTo(Names.normalise("カス"));
        assertThat(Names.normalise("ｶﾞｽ")).isEqualTo("ガス");
        // Devanagari vowel signs: दिल्ली (Dilli) keeps its vowel signs and virama, and is not दलल.
        assertThat(Names.normalise("दिल्ली ट्रेडर्स")).isEqualTo("दिल्ली ट्रेडर्स");
        assertThat(Names.normalise("दिल्ली")).isNotEqualTo(Names.normalise("दलल"));
        assertThat(Names.normalise("Crème Brûlée Pâtisserie")).isEqualTo("creme brulee patisserie");
        // The block U+0300–U+036F is not only Latin's: Cyrillic й (и + breve) compares as и, Greek tonos goes too.
        assertThat(Names.normalise("Трейд")).isEqualTo("треид");
        assertThat(Names.normalise("Αθήνα")).isEqualTo(Names.normalise("ΑΘΗΝΑ"));
    }

    @Test
    void compatibilityFormsAndCaseFoldCompareAsPlainLetters() {
        assertThat(Names.normalise("Straße")).isEqualTo(Names.normalise("STRASSE")).isEqualTo("strasse");
        assertThat(Names.normalise("ＡＢＣ Trading")).isEqualTo("abc trading");
        assertThat(Names.normalise("ﬁne foods")).isEqualTo("fine foods");
        assertThat(Names.normalise("Cafe\u0301")).isEqualTo(Names.normalise("Caf\u00e9")).isEqualTo("cafe");
    }

    @Test
    void nothingLeftIsNullSoItNeverMatches() {
        assertThat(Names.normalise(null)).isNull();
        assertThat(Names.normalise("")).isNull();
        assertThat(Names.normalise("  ...  ")).isNull();
        assertThat(Names.normalise("The Co. Pty Ltd")).isNull();
        assertThat(Names.normalise("—")).isNull();
    }
}
