package io.ledgerbridge.delivery;

import io.ledgerbridge.order.OrderDocument.Party;
import io.ledgerbridge.xero.XeroContact;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Finds the Xero contact that is the platform's party (F14): contact number (LedgerBridge writes the
 * party's workspace id there), then tax number (ABN), then email, then normalised name. The first rule
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

    /** The key a stored link is kept under: workspace id, else ABN, else normalised name. */
    public static String partyKey(Party party) {
        if (party.workspaceId() != null && !party.workspaceId().isBlank()) {
            return "ws:" + party.workspaceId();
        }
        String abn = digits(party.taxNumber());
        if (abn != null) {
            return "abn:" + abn;
        }
        return "name:" + normalise(party.name());
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
                    + ". Merge or archive the duplicates in Xero, then re-sync.");
        }
        return new Match(hits.get(0), null);
    }

    static String normalise(String name) {
        if (name == null) {
            return null;
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\b(pty|ltd|limited|inc|co|the)\\b\\.?", " ")
                .replaceAll("[^a-z0-9]+", " ")
                .trim();
        return plain.isEmpty() ? null : plain;
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
