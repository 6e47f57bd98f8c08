package io.ledgerbridge.support;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one normalisation of a party's name, for comparing names that a person typed or another system holds
 * (supplier mappings, Xero contacts): two names are the same party's when their normalised forms are equal,
 * and a name with nothing left after normalising matches nothing.
 *
 * <ol>
 *   <li>NFKC, so compatibility forms compare as their plain letters (full-width "ＡＢＣ", half-width katakana);</li>
 *   <li>case-folded: upper case then lower case, so "ß" compares as "ss";</li>
 *   <li>Latin-style accents removed: after NFD only the combining diacritical marks U+0300–U+036F go ("Café" =
 *       "Cafe"); marks of other scripts (Devanagari vowel signs, Japanese dakuten) stay, recomposed (NFC);</li>
 *   <li>anything that is not a letter, digit or remaining mark of any script becomes a space;</li>
 *   <li>the legal-form words pty, ltd, limited, inc, co and the are dropped as whole words;</li>
 *   <li>spaces collapsed; nothing left → {@code null}.</li>
 * </ol>
 */
public final class Names {

    private static final Pattern LATIN_ACCENTS = Pattern.compile("[\\u0300-\\u036F]+");
    /** Letters, digits and the marks that belong to them (\p{M}: vowel signs, dakuten), in every script. */
    private static final Pattern NOT_NAME = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");
    private static final Set<String> LEGAL_FORMS = Set.of("pty", "ltd", "limited", "inc", "co", "the");

    private Names() {
    }

    /** The name's normalised form, or {@code null} when nothing of it is left to compare. */
    public static String normalise(String name) {
        if (name == null) {
            return null;
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        String unaccented = Normalizer.normalize(
                LATIN_ACCENTS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll(""),
                Normalizer.Form.NFC);
        String words = Arrays.stream(NOT_NAME.matcher(unaccented).replaceAll(" ").trim().split(" +"))
                .filter(word -> !word.isEmpty() && !LEGAL_FORMS.contains(word))
                .collect(Collectors.joining(" "));
        return words.isEmpty() ? null : words;
    }
}
