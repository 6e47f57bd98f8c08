package io.ledgerbridge.sandbox.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Creates and updates invoices, bills and credit notes with Xero's rules (FACTS §5, §6): status
 * transitions, the paid and allocated locks, contact resolution, unique ACCREC numbers, account and tax
 * type checks, tracking, approval requirements, and the amounts. A failed element changes nothing.
 */
final class DocumentWriter {

    private static final Map<String, Set<String>> TRANSITIONS = Map.of(
            "DRAFT", Set.of("SUBMITTED", "AUTHORISED", "DELETED"),
            "SUBMITTED", Set.of("DRAFT", "AUTHORISED", "DELETED"),
            "AUTHORISED", Set.of("VOIDED"));
    private static final Set<String> INITIAL = Set.of("DRAFT", "SUBMITTED", "AUTHORISED");
    private static final Set<String> LINE_AMOUNT_TYPES = Set.of("Exclusive", "Inclusive", "NoTax");

    private final Organisation org;
    private final ChangeListener events;
    private final int unitdp;
    private final boolean creditNotes;
    private final Map<UUID, Document> store;

    DocumentWriter(Organisation org, ChangeListener events, int unitdp, boolean creditNotes) {
        this.org = org;
        this.events = events;
        this.unitdp = unitdp;
        this.creditNotes = creditNotes;
        this.store = creditNotes ? org.creditNotes : org.invoices;
    }

    private String idField() {
        return creditNotes ? "CreditNoteID" : "InvoiceID";
    }

    private String numberField() {
        return creditNotes ? "CreditNoteNumber" : "InvoiceNumber";
    }

    private String notValidStatus() {
        return creditNotes ? Messages.CREDIT_NOTE_NOT_VALID_STATUS : Messages.NOT_VALID_STATUS;
    }

    /**
     * @param target the document named in the URL (POST /Invoices/{id}), or null
     * @param put    true for PUT (create), false for POST (create or update)
     */
    ElementResult write(JsonNode input, Document target, boolean put) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Document existing = target;
        if (existing == null) {
            String idText = Input.text(input, idField());
            if (idText != null && !Ids.ZERO.equals(Ids.parse(idText))) {
                UUID id = Ids.parse(idText);
                existing = id == null ? null : store.get(id);
                if (existing == null) {
                    errors.add(creditNotes ? Messages.CREDIT_NOTE_NOT_FOUND : Messages.INVOICE_NOT_FOUND);
                    return failed(new Document(), input, errors, warnings);
                }
            } else if (!put) {
                existing = byNumber(input);
            }
        }
        Document doc = existing == null ? new Document() : existing.copy();
        if (existing != null) {
            String requested = upper(Input.text(input, "Status"), existing.status);
            String block = modificationBlock(existing, requested);
            if (block != null) {
                errors.add(block);
                return failed(doc, input, errors, warnings);
            }
            if (requested.equals("DELETED") || requested.equals("VOIDED")) {
                existing.status = requested;
                return saved(existing, false, null, warnings);
            }
            doc.status = requested;
        } else {
            doc.type = DocumentType.parse(Input.text(input, "Type"), creditNotes);
            if (doc.type == null) {
                errors.add(String.format(Messages.TYPE_REQUIRED, creditNotes ? "ACCRECCREDIT or ACCPAYCREDIT" : "ACCREC or ACCPAY"));
                return failed(doc, input, errors, warnings);
            }
            doc.status = upper(Input.text(input, "Status"), "DRAFT");
            doc.currencyCode = org.baseCurrency;
            if (!INITIAL.contains(doc.status)) {
                errors.add(notValidStatus());
            }
        }
        PendingContact contact = resolveContact(input, existing == null, errors);
        if (contact != null && contact.existing != null) {
            doc.contactId = contact.existing.id;
        }
        applyHeader(input, doc, existing == null, errors, warnings);
        JsonNode lines = Input.get(input, "LineItems");
        if (lines != null && lines.isArray()) {
            Set<UUID> known = new LinkedHashSet<>();
            doc.lines.forEach(l -> known.add(l.id));
            List<Line> rebuilt = new ArrayList<>();
            for (JsonNode l : lines) {
                rebuilt.add(line(l, doc.type, known, errors, warnings));
            }
            doc.lines = rebuilt;
        }
        if (doc.status.equals("AUTHORISED") || doc.status.equals("SUBMITTED")) {
            approvalChecks(doc, errors);
        }
        LineMath.totals(doc, org::taxRate);
        if (!errors.isEmpty()) {
            return failed(doc, input, errors, warnings);
        }
        return saved(existing == null ? doc : existing.assignAndReturn(doc), existing == null, contact, warnings);
    }

    private Document byNumber(JsonNode input) {
        String number = Input.text(input, numberField());
        if (number == null || number.isBlank()) {
            return null;
        }
        // Only sales numbers are unique (FACTS §5, §6): a bill's or supplier credit note's number is the
        // supplier's, and another supplier may use it too, so POST by number never finds one.
        DocumentType type = DocumentType.parse(Input.text(input, "Type"), creditNotes);
        if (creditNotes) {
            return type == null || type == DocumentType.ACCRECCREDIT
                    ? org.creditNoteByNumber(DocumentType.ACCRECCREDIT, number) : null;
        }
        return type == null || type == DocumentType.ACCREC ? org.invoiceByNumber(DocumentType.ACCREC, number) : null;
    }

    /** Why an existing document may not change to {@code requested}, or null when it may. */
    private String modificationBlock(Document existing, String requested) {
        if (Set.of("PAID", "VOIDED", "DELETED").contains(existing.status)) {
            return notValidStatus();
        }
        if (existing.hasMoneyApplied()) {
            return Messages.ALLOCATED;
        }
        if (!requested.equals(existing.status)
                && !TRANSITIONS.getOrDefault(existing.status, Set.of()).contains(requested)) {
            return notValidStatus();
        }
        return null;
    }

    private void applyHeader(JsonNode input, Document doc, boolean isNew, List<String> errors, List<String> warnings) {
        if (Input.has(input, "Date") || isNew) {
            var date = Input.date(input, "Date", errors);
            doc.date = date != null ? date : (isNew ? org.today() : doc.date);
        }
        if (Input.has(input, "DueDate")) {
            doc.dueDate = Input.date(input, "DueDate", errors);
        }
        if (!creditNotes && Input.has(input, "ExpectedPaymentDate") && doc.type == DocumentType.ACCREC) {
            doc.expectedPaymentDate = Input.date(input, "ExpectedPaymentDate", errors);
        }
        if (!creditNotes && Input.has(input, "PlannedPaymentDate") && doc.type == DocumentType.ACCPAY) {
            doc.plannedPaymentDate = Input.date(input, "PlannedPaymentDate", errors);
        }
        String amountTypes = Input.text(input, "LineAmountTypes");
        if (amountTypes != null) {
            String match = LINE_AMOUNT_TYPES.stream().filter(t -> t.equalsIgnoreCase(amountTypes.trim())).findFirst().orElse(null);
            if (match == null) {
                errors.add(String.format(Messages.LINE_AMOUNT_TYPES_INVALID, amountTypes));
            } else {
                doc.lineAmountTypes = match;
            }
        }
        String number = Input.text(input, numberField());
        if (number != null && !number.isBlank()) {
            doc.number = number.trim();
        }
        if (!creditNotes && doc.type == DocumentType.ACCREC && doc.number != null) {
            Document other = org.invoiceByNumber(DocumentType.ACCREC, doc.number);
            if (other != null && !other.id.equals(doc.id)) {
                errors.add(Messages.INVOICE_NUMBER_UNIQUE);
            }
        }
        if (Input.has(input, "Reference") && doc.type.isSales()) {
            doc.reference = Input.text(input, "Reference");
        }
        if (!creditNotes && Input.has(input, "Url")) {
            // Xero's CreditNote has no Url: it ignores one sent with a credit note, as any unknown property.
            doc.url = Input.text(input, "Url");
        }
        String currency = Input.text(input, "CurrencyCode");
        if (currency != null && !currency.isBlank()) {
            // The organisation's currencies (GET /Currencies); none named: the base currency, set on creation.
            String known = org.currency(currency);
            if (known == null) {
                errors.add(String.format(Messages.CURRENCY_NOT_ENABLED, currency));
            } else {
                doc.currencyCode = known;
            }
        }
        Boolean sent = Input.bool(input, "SentToContact");
        if (!creditNotes && sent != null) {
            if (sent && !doc.status.equals("AUTHORISED")) {
                warnings.add(Messages.SENT_TO_CONTACT);
            } else {
                doc.sentToContact = sent;
            }
        }
    }

    private Line line(JsonNode in, DocumentType type, Set<UUID> known, List<String> errors, List<String> warnings) {
        Line line = new Line();
        UUID lineId = Ids.parse(Input.text(in, "LineItemID"));
        line.id = lineId != null && known.contains(lineId) ? lineId : UUID.randomUUID();
        line.description = Input.text(in, "Description");
        Item.Details defaults = null;
        String itemCode = Input.text(in, "ItemCode");
        if (itemCode != null && !itemCode.isBlank()) {
            Item item = org.itemByCode(itemCode);
            if (item == null) {
                errors.add(String.format(Messages.ITEM_CODE_INVALID, itemCode));
            } else {
                line.itemCode = item.code;
                line.itemId = item.id;
                line.itemName = item.name;
                defaults = item.detailsFor(type);
                if (line.description == null) {
                    line.description = item.descriptionFor(type);
                }
            }
        }
        amounts(in, line, type, defaults, errors);
        Account account = account(in, line, defaults, errors, warnings);
        taxType(in, line, type, account, defaults, errors);
        tracking(in, line, errors);
        return line;
    }

    private void amounts(JsonNode in, Line line, DocumentType type, Item.Details defaults, List<String> errors) {
        BigDecimal quantity = Input.decimal(in, "Quantity", errors);
        BigDecimal unit = Input.decimal(in, "UnitAmount", errors);
        BigDecimal given = Input.decimal(in, "LineAmount", errors);
        BigDecimal discountRate = Input.decimal(in, "DiscountRate", errors);
        BigDecimal discountAmount = Input.decimal(in, "DiscountAmount", errors);
        line.taxOverride = Input.decimal(in, "TaxAmount", errors);
        if (unit == null && defaults != null && defaults.unitPrice() != null && given == null) {
            unit = defaults.unitPrice();
        }
        if (discountRate != null || discountAmount != null) {
            if (type != DocumentType.ACCREC) {
                errors.add(Messages.DISCOUNT_ON_ACCPAY);
            } else {
                line.discountRate = discountRate;
                line.discountAmount = discountAmount;
            }
        }
        if (quantity == null && unit == null && given == null) {
            return;
        }
        boolean allThree = quantity != null && unit != null && given != null;
        if (quantity == null) {
            quantity = unit != null && given != null && unit.signum() != 0
                    ? given.divide(unit, 4, Money.ROUNDING) : BigDecimal.ONE;
        }
        if (unit == null) {
            unit = quantity.signum() == 0 ? BigDecimal.ZERO : given.divide(quantity, MathContext.DECIMAL64);
        }
        line.quantity = Money.quantity(quantity);
        line.unitAmount = Money.unit(unit, unitdp);
        BigDecimal computed = LineMath.lineAmount(line);
        if (allThree && computed.compareTo(Money.amount(given)) != 0) {
            errors.add(String.format(Messages.LINE_TOTAL_MISMATCH, Money.amount(given).toPlainString(), computed.toPlainString()));
        }
        line.lineAmount = given != null && !allThree ? Money.amount(given) : computed;
    }

    private Account account(JsonNode in, Line line, Item.Details defaults, List<String> errors, List<String> warnings) {
        String code = Input.text(in, "AccountCode");
        UUID accountId = Ids.parse(Input.text(in, "AccountID"));
        if (code == null && accountId == null && defaults != null) {
            code = defaults.accountCode();
        }
        Account account = code != null ? org.accountByCode(code) : accountId != null ? org.accounts.get(accountId) : null;
        if (account == null) {
            if (code != null && !code.isBlank()) {
                warnings.add(String.format(Messages.ACCOUNT_REMOVED, code));
            }
            return null;
        }
        if (!account.isActive()) {
            errors.add(String.format(Messages.ACCOUNT_ARCHIVED, account.code));
        } else if (!account.usableOnLines()) {
            errors.add(String.format(Messages.ACCOUNT_NOT_FOR_DOCUMENT, account.code));
        }
        line.accountCode = account.code;
        line.accountId = account.id;
        return account;
    }

    private void taxType(JsonNode in, Line line, DocumentType type, Account account, Item.Details defaults,
                         List<String> errors) {
        String taxType = Input.text(in, "TaxType");
        if (taxType == null && defaults != null && account != null && account.code.equals(defaults.accountCode())) {
            taxType = defaults.taxType();
        }
        if (taxType == null && account != null && account.isActive() && account.usableOnLines()) {
            taxType = account.taxType;
        }
        if (taxType == null) {
            return;
        }
        TaxRate rate = org.taxRate(taxType);
        if (rate == null || !rate.usableOn(type)) {
            errors.add(String.format(Messages.TAX_TYPE_FOR_TRANSACTION, taxType));
        } else if (account != null && account.isActive() && account.usableOnLines()
                && !rate.canApplyTo(account.accountClass())) {
            errors.add(String.format(Messages.TAX_TYPE_FOR_ACCOUNT, taxType, account.code));
        }
        line.taxType = rate != null ? rate.taxType() : taxType;
    }

    private void tracking(JsonNode in, Line line, List<String> errors) {
        JsonNode tracking = Input.get(in, "Tracking");
        if (tracking == null || !tracking.isArray()) {
            return;
        }
        if (tracking.size() > 2) {
            errors.add(Messages.TRACKING_TOO_MANY);
            return;
        }
        for (JsonNode t : tracking) {
            UUID categoryId = Ids.parse(Input.text(t, "TrackingCategoryID"));
            String name = Input.text(t, "Name");
            TrackingCategory category = categoryId != null ? org.trackingCategories.get(categoryId)
                    : name != null ? org.trackingCategory(name) : null;
            if (category == null || !category.isActive()) {
                errors.add(String.format(Messages.TRACKING_CATEGORY_MISSING, name != null ? name : categoryId));
                continue;
            }
            UUID optionId = Ids.parse(Input.text(t, "TrackingOptionID"));
            String optionName = Input.text(t, "Option");
            TrackingCategory.Option option = optionId != null ? category.option(optionId)
                    : optionName != null ? category.option(optionName) : null;
            if (option == null) {
                errors.add(String.format(Messages.TRACKING_OPTION_MISSING, optionName != null ? optionName : optionId,
                        category.name()));
                continue;
            }
            line.tracking.add(new Line.Tracking(category.id(), category.name(), option.id(), option.name()));
        }
    }

    /** AUTHORISED and SUBMITTED documents need a due date (invoices) and coded lines. */
    private void approvalChecks(Document doc, List<String> errors) {
        if (!creditNotes && doc.dueDate == null) {
            errors.add(Messages.DUE_DATE_REQUIRED);
        }
        if (doc.lines.isEmpty()) {
            errors.add(Messages.LINE_ITEMS_REQUIRED);
        }
        if (doc.lines.stream().anyMatch(l -> l.description == null || l.description.isBlank())) {
            errors.add(Messages.DESCRIPTION_REQUIRED);
        }
        if (doc.lines.stream().anyMatch(l -> l.hasAmount() && l.accountCode == null)) {
            errors.add(Messages.ACCOUNT_MUST_BE_VALID);
        }
    }

    /** The contact an element names: an existing one, or one to create when the element is saved. */
    private static final class PendingContact {
        Contact existing;
        String newName;
        String newNumber;
        String rename;
    }

    private PendingContact resolveContact(JsonNode input, boolean isNew, List<String> errors) {
        JsonNode node = Input.get(input, "Contact");
        if (node == null || !node.isObject()) {
            if (isNew) {
                errors.add(Messages.CONTACT_IDENTIFIER);
            }
            return null;
        }
        PendingContact pending = new PendingContact();
        String idText = Input.text(node, "ContactID");
        String number = Input.text(node, "ContactNumber");
        String name = Input.text(node, "Name");
        if (idText != null) {
            UUID id = Ids.parse(idText);
            pending.existing = id == null ? null : org.contacts.get(id);
            if (pending.existing == null) {
                errors.add(Messages.CONTACT_NOT_FOUND);
            } else if (name != null && !name.isBlank() && !name.trim().equals(pending.existing.name)) {
                pending.rename = name.trim();
            }
        } else if (number != null && !number.isBlank()) {
            pending.existing = org.contactByNumber(number);
            if (pending.existing == null) {
                if (name == null || name.isBlank()) {
                    errors.add(Messages.CONTACT_NAME_EMPTY);
                } else {
                    pending.newName = name.trim();
                    pending.newNumber = number.trim();
                }
            }
        } else if (name != null) {
            if (name.isBlank()) {
                errors.add(Messages.CONTACT_NAME_EMPTY);
            } else {
                pending.existing = org.contactByName(name);
                if (pending.existing == null) {
                    pending.newName = name.trim();
                }
            }
        } else {
            errors.add(Messages.CONTACT_IDENTIFIER);
        }
        return pending;
    }

    private ElementResult saved(Document doc, boolean isNew, PendingContact contact, List<String> warnings) {
        if (contact != null) {
            Contact c = contact.existing;
            if (c == null && contact.newName != null) {
                c = new Contact(UUID.randomUUID(), contact.newName);
                c.contactNumber = contact.newNumber;
                c.updated = org.touch();
                org.contacts.put(c.id, c);
                events.changed(org.tenantId, "CONTACT", "CREATE", c.id, null);
            } else if (c != null && contact.rename != null && org.contactByName(contact.rename) == null) {
                c.name = contact.rename;
                c.updated = org.touch();
                events.changed(org.tenantId, "CONTACT", "UPDATE", c.id, null);
            }
            if (c != null) {
                doc.contactId = c.id;
                if (doc.type.isSales()) {
                    c.customer = true;
                } else {
                    c.supplier = true;
                }
            }
        }
        if (isNew) {
            doc.id = UUID.randomUUID();
            if (doc.number == null && doc.type == DocumentType.ACCREC) {
                doc.number = org.nextInvoiceNumber();
            } else if (doc.number == null && doc.type == DocumentType.ACCRECCREDIT) {
                doc.number = org.nextCreditNoteNumber();
            }
            store.put(doc.id, doc);
        }
        org.indexNumber(doc);
        doc.updated = org.touch();
        announce(org, events, doc, isNew ? "CREATE" : "UPDATE");
        return new ElementResult(Render.document(org, doc, unitdp, true, false), List.of(), warnings);
    }

    static void announce(Organisation org, ChangeListener events, Document doc, String eventType) {
        if (doc.type.isCredit()) {
            events.changed(org.tenantId, "CREDITNOTE", eventType, doc.id, Map.of("Type", doc.type.name(), "Status", doc.status));
        } else {
            events.changed(org.tenantId, "INVOICE", eventType, doc.id, null);
        }
    }

    private ElementResult failed(Document doc, JsonNode input, List<String> errors, List<String> warnings) {
        if (doc.type == null) {
            doc.type = DocumentType.parse(Input.text(input, "Type"), creditNotes);
            if (doc.type == null) {
                doc.type = creditNotes ? DocumentType.ACCRECCREDIT : DocumentType.ACCREC;
            }
        }
        ObjectNode rendered = Render.document(org, doc, unitdp, true, false);
        JsonNode contact = Input.get(input, "Contact");
        if (!rendered.has("Contact") && contact != null && contact.isObject()) {
            rendered.set("Contact", Input.only(contact, "ContactID", "ContactNumber", "Name"));
        }
        if (doc.id == null && Input.text(input, numberField()) != null) {
            rendered.put(numberField(), Input.text(input, numberField()));
        }
        return new ElementResult(rendered, errors, warnings);
    }

    private static String upper(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text.trim().toUpperCase(Locale.ROOT);
    }
}
