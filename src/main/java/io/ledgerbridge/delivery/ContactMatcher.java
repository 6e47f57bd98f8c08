package io.ledgerbridge.delivery;

import io.ledgerbridge.order.OrderDocument.Party;
import io.ledgerbridge.xero.XeroContact;
import io.ledgerbridge.support.FixHints;
import io.ledgerbridge.support.Names;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Finds the Xero contact that is the platform's party (F14): contact number (LedgerBridge writes the
 * party's workspace id there), then tax number (ABN), then email, then normalised name ({@link Names#normalise}:
 * NFKC, case-folded, letters of every script kept, so "Café 東京" is not "Café 大阪"). The first rule
 * that matches exactly one active contact decides; a rule that matches several is ambiguous and the
 * document is held rather than guessed.
 */
public final class ContactMatcher {

    private ContactMatcher() {
    }

    /** The outcome: a contact, nothing (create one), or an ambiguity to show a person. */
    public record Match(XeroContact contact, String ambiguity) {
        public static Match none() {
            return new Match(null, null);
        }

        public boolean found() {
            return contact != null;
        }

        public boolean ambiguous() {
            return ambiguity != null;
        }
    }

    public static Match match(Party party, List<XeroContact> candidates) {
        List<XeroContact> active = candidates.stream()
                .filter(contact -> contact.contactStatus() == null || "ACTIVE".equals(contact.contactStatus()))
                .toList();
        Match match = byRule(active, "contact number", party.workspaceId(), XeroContact::contactNumber);
        if (match == null) {
            match = byRule(active, "tax number", digits(party.taxNumber()), contact -> digits(contact.taxNumber()));
        }
        if (match == null) {
            match = byRule(active, "email", lower(party.email()), contact -> lower(contact.emailAddress()));
        }
        if (match == null) {
            match = byRule(active, "name", normalise(party.name()), contact -> normalise(contact.name()));
        }
        return match == null ? Match.none() : match;
    }

    /**
     * The key a stored link is kept under: workspace id, else ABN, else normalised name ({@link Names#normalise}),
     * else, for a name with nothing left to compare (punctuation only), the name as written: never an empty key
     * that several parties would share.
     */
    public static String partyKey(Party party) {
        if (party.workspaceId() != null && !party.workspaceId().isBlank()) {
            return "ws:" + party.workspaceId();
        }
        String abn = digits(party.taxNumber());
        if (abn != null) {
            return "abn:" + abn;
        }
        return nameKey(party.name());
    }

    /** The link key of a party known by its name only. */
    public static String nameKey(String name) {
        String normalised = normalise(name);
        return normalised != null ? "name:" + normalised : "rawname:" + (name == null ? "" : name.strip());
    }

    private static Match byRule(List<XeroContact> contacts, String rule, String wanted,
                                Function<XeroContact, String> value) {
        if (wanted == null || wanted.isEmpty()) {
            return null;
        }
        List<XeroContact> hits = contacts.stream().filter(contact -> wanted.equals(value.apply(contact))).toList();
        if (hits.isEmpty()) {
            return null;
        }
        if (hits.size() > 1) {
            return new Match(null, hits.size() + " Xero contacts have the same " + rule + " (" + wanted + "): "
                    + String.join(", ", hits.stream().map(XeroContact::name).toList())
                    + ". " + FixHints.MERGE_DUPLICATE_CONTACTS);
        }
        return new Match(hits.get(0), null);
    }

    /** The one normalisation of names (supplier mappings use it too): letters of every script kept. */
    static String normalise(String name) {
        return Names.normalise(name);
    }

    private static String digits(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("\\D", "");
        return digits.isEmpty() ? null : digits;
    }

    private static String lower(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
