package io.ledgerbridge.sandbox.accounting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One Xero organisation held in memory. Callers hold its monitor ({@code synchronized (org)}) while
 * they read or change it: one organisation at a time, never a lock across tenants.
 */
public final class Organisation {

    public static final ZoneId ZONE = ZoneId.of("Australia/Sydney");

    final UUID tenantId;
    final String name;
    final String role;
    final Clock clock;
    final Map<UUID, Account> accounts = new LinkedHashMap<>();
    final Map<String, TaxRate> taxRates = new LinkedHashMap<>();
    final Map<UUID, TrackingCategory> trackingCategories = new LinkedHashMap<>();
    final Map<UUID, Contact> contacts = new LinkedHashMap<>();
    final Map<UUID, Item> items = new LinkedHashMap<>();
    final Map<UUID, Document> invoices = new LinkedHashMap<>();
    final Map<UUID, Document> creditNotes = new LinkedHashMap<>();
    final Map<UUID, Payment> payments = new LinkedHashMap<>();
    final Map<UUID, BatchPayment> batchPayments = new LinkedHashMap<>();
    /** The currencies the organisation has (Settings → Currencies), by code: the base currency and any added. */
    final Map<String, String> currencies = new LinkedHashMap<>();
    /** The base currency: the currency of a document that names none. */
    String baseCurrency = "AUD";
    /**
     * Invoices and credit notes by number, each list in the order the documents got that number: a look-up by
     * number (every write checks that a sales number is unique) must not scan an organisation of 100,000
     * invoices. A document that was renumbered stays listed under its old number; look-ups check the number.
     */
    private final Map<String, List<Document>> invoiceNumbers = new HashMap<>();
    private final Map<String, List<Document>> creditNoteNumbers = new HashMap<>();
    private Instant lastUpdate = Instant.EPOCH;
    private int invoiceSequence;
    private int creditNoteSequence;

    Organisation(UUID tenantId, String name, String role, Clock clock) {
        this.tenantId = tenantId;
        this.name = name;
        this.role = role;
        this.clock = clock;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    /** supplier or venue: what the organisation stands for in the demo. */
    public String role() {
        return role;
    }

    /** A fresh UpdatedDateUTC, strictly after the previous one so If-Modified-Since never ties. */
    Instant touch() {
        Instant now = clock.instant();
        lastUpdate = now.isAfter(lastUpdate) ? now : lastUpdate.plusMillis(1);
        return lastUpdate;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    String nextInvoiceNumber() {
        String number;
        do {
            number = String.format("INV-%04d", ++invoiceSequence);
        } while (invoiceByNumber(DocumentType.ACCREC, number) != null);
        return number;
    }

    String nextCreditNoteNumber() {
        String number;
        do {
            number = String.format("CN-%04d", ++creditNoteSequence);
        } while (creditNoteByNumber(number) != null);
        return number;
    }

    Account accountByCode(String code) {
        if (code == null) {
            return null;
        }
        String wanted = code.trim();
        return accounts.values().stream().filter(a -> a.code.equalsIgnoreCase(wanted) && !"DELETED".equals(a.status))
                .findFirst().orElse(null);
    }

    TaxRate taxRate(String taxType) {
        return taxType == null ? null : taxRates.get(taxType.trim().toUpperCase(Locale.ROOT));
    }

    /** The organisation's currency with this code (any case), or null when it does not have it. */
    String currency(String code) {
        String wanted = code == null ? null : code.trim().toUpperCase(Locale.ROOT);
        return wanted != null && currencies.containsKey(wanted) ? wanted : null;
    }

    Contact contactByName(String contactName) {
        String wanted = contactName.trim();
        return contacts.values().stream().filter(c -> c.isActive() && c.name.equalsIgnoreCase(wanted))
                .findFirst().orElse(null);
    }

    Contact contactByNumber(String number) {
        String wanted = number.trim();
        return contacts.values().stream().filter(c -> wanted.equalsIgnoreCase(c.contactNumber)).findFirst().orElse(null);
    }

    Item itemByCode(String code) {
        String wanted = code.trim();
        return items.values().stream().filter(i -> i.code.equalsIgnoreCase(wanted)).findFirst().orElse(null);
    }

    TrackingCategory trackingCategory(String categoryName) {
        String wanted = categoryName.trim();
        return trackingCategories.values().stream().filter(t -> t.isActive() && t.name().equalsIgnoreCase(wanted))
                .findFirst().orElse(null);
    }

    /** Lists a stored invoice or credit note under its number (once), for the look-ups by number below. */
    void indexNumber(Document doc) {
        if (doc.number == null) {
            return;
        }
        List<Document> same = (doc.type.isCredit() ? creditNoteNumbers : invoiceNumbers)
                .computeIfAbsent(numberKey(doc.number), key -> new ArrayList<>(1));
        if (same.stream().noneMatch(listed -> listed == doc)) {
            same.add(doc);
        }
    }

    private static String numberKey(String number) {
        return number.trim().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static Stream<Document> numbered(Map<String, List<Document>> index, String number) {
        String wanted = number.trim();
        return index.getOrDefault(numberKey(wanted), List.of()).stream().filter(d -> wanted.equalsIgnoreCase(d.number));
    }

    /** The ACCREC invoice with this number (unique), or the first ACCPAY bill with it; DELETED ones are ignored. */
    Document invoiceByNumber(DocumentType type, String number) {
        return numbered(invoiceNumbers, number).filter(d -> d.type == type && !"DELETED".equals(d.status))
                .findFirst().orElse(null);
    }

    Document creditNoteByNumber(String number) {
        return numbered(creditNoteNumbers, number).findFirst().orElse(null);
    }

    /** The credit note of this type with this number (ACCRECCREDIT numbers are unique); DELETED ones are ignored. */
    Document creditNoteByNumber(DocumentType type, String number) {
        return numbered(creditNoteNumbers, number).filter(d -> d.type == type && !"DELETED".equals(d.status))
                .findFirst().orElse(null);
    }

    /** An invoice by its id or, as Xero allows in the URL, by its number. */
    Document invoiceByIdOrNumber(String idOrNumber) {
        UUID id = Ids.parse(idOrNumber);
        if (id != null) {
            return invoices.get(id);
        }
        return numbered(invoiceNumbers, idOrNumber).findFirst().orElse(null);
    }

    Document creditNoteByIdOrNumber(String idOrNumber) {
        UUID id = Ids.parse(idOrNumber);
        return id != null ? creditNotes.get(id) : creditNoteByNumber(idOrNumber);
    }

    /** The bank account a payment made inside "Xero" goes to: the first active BANK account. */
    Account defaultBankAccount() {
        return accounts.values().stream().filter(a -> a.isBank() && a.isActive()).findFirst().orElse(null);
    }
}
