package io.ledgerbridge.sandbox.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Creates and updates contacts (FACTS §10): a name is needed to create one and must be unique among
 * active contacts; PUT refuses an existing name or number, POST updates the contact it matches by
 * ContactID, then ContactNumber, then Name.
 */
final class ContactWriter {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> STATUSES = Set.of("ACTIVE", "ARCHIVED", "GDPRREQUEST");
    private static final String[] ADDRESS = {"AddressType", "AddressLine1", "AddressLine2", "AddressLine3", "AddressLine4",
        "City", "Region", "PostalCode", "Country", "AttentionTo"};
    private static final String[] PHONE = {"PhoneType", "PhoneNumber", "PhoneAreaCode", "PhoneCountryCode"};
    private static final String[] PERSON = {"FirstName", "LastName", "EmailAddress", "IncludeInEmails"};

    private final Organisation org;
    private final ChangeListener events;

    ContactWriter(Organisation org, ChangeListener events) {
        this.org = org;
        this.events = events;
    }

    ElementResult write(JsonNode input, Contact target, boolean put) {
        List<String> errors = new ArrayList<>();
        Contact existing = target != null ? target : match(input, put, errors);
        if (!errors.isEmpty()) {
            return new ElementResult(Input.echo(input), errors, List.of());
        }
        String name = Input.text(input, "Name");
        if (existing == null && (name == null || name.isBlank())) {
            errors.add(Messages.CONTACT_NAME_EMPTY);
        } else if (name != null && name.isBlank()) {
            errors.add(Messages.CONTACT_NAME_EMPTY);
        }
        if (name != null && !name.isBlank()) {
            Contact other = org.contactByName(name);
            if (other != null && (existing == null || !other.id.equals(existing.id))) {
                errors.add(String.format(Messages.CONTACT_NAME_TAKEN, name.trim()));
            }
        }
        String number = Input.text(input, "ContactNumber");
        if (number != null && !number.isBlank()) {
            Contact other = org.contactByNumber(number);
            if (other != null && (existing == null || !other.id.equals(existing.id))) {
                errors.add(String.format(Messages.CONTACT_NUMBER_TAKEN, number.trim()));
            }
        }
        String email = Input.text(input, "EmailAddress");
        if (email != null && !email.isBlank() && !EMAIL.matcher(email.trim()).matches()) {
            errors.add(Messages.EMAIL_INVALID);
        }
        String status = Input.text(input, "ContactStatus");
        if (status != null && !STATUSES.contains(status.toUpperCase(Locale.ROOT))) {
            errors.add(String.format(Messages.STATUS_INVALID, status));
        }
        if (!errors.isEmpty()) {
            return new ElementResult(Input.echo(input), errors, List.of());
        }
        boolean isNew = existing == null;
        Contact c = isNew ? new Contact(UUID.randomUUID(), name.trim()) : existing;
        apply(input, c);
        c.updated = org.touch();
        if (isNew) {
            org.contacts.put(c.id, c);
        }
        events.changed(org.tenantId, "CONTACT", isNew ? "CREATE" : "UPDATE", c.id, null);
        return new ElementResult(Render.contact(c), List.of(), List.of());
    }

    private Contact match(JsonNode input, boolean put, List<String> errors) {
        String idText = Input.text(input, "ContactID");
        if (idText != null) {
            UUID id = Ids.parse(idText);
            Contact c = id == null ? null : org.contacts.get(id);
            if (c == null) {
                errors.add(Messages.CONTACT_NOT_FOUND);
            }
            return c;
        }
        if (put) {
            return null;
        }
        String number = Input.text(input, "ContactNumber");
        if (number != null && !number.isBlank() && org.contactByNumber(number) != null) {
            return org.contactByNumber(number);
        }
        String name = Input.text(input, "Name");
        return name != null && !name.isBlank() ? org.contactByName(name) : null;
    }

    private static void apply(JsonNode in, Contact c) {
        String name = Input.text(in, "Name");
        if (name != null) {
            c.name = name.trim();
        }
        if (Input.has(in, "ContactNumber")) {
            c.contactNumber = Input.text(in, "ContactNumber");
        }
        if (Input.has(in, "AccountNumber")) {
            c.accountNumber = Input.text(in, "AccountNumber");
        }
        if (Input.has(in, "ContactStatus")) {
            c.status = Input.text(in, "ContactStatus").toUpperCase(Locale.ROOT);
        }
        if (Input.has(in, "FirstName")) {
            c.firstName = Input.text(in, "FirstName");
        }
        if (Input.has(in, "LastName")) {
            c.lastName = Input.text(in, "LastName");
        }
        if (Input.has(in, "EmailAddress")) {
            c.emailAddress = Input.text(in, "EmailAddress");
        }
        if (Input.has(in, "TaxNumber")) {
            c.taxNumber = Input.text(in, "TaxNumber");
        }
        if (Input.has(in, "AccountsReceivableTaxType")) {
            c.accountsReceivableTaxType = Input.text(in, "AccountsReceivableTaxType");
        }
        if (Input.has(in, "AccountsPayableTaxType")) {
            c.accountsPayableTaxType = Input.text(in, "AccountsPayableTaxType");
        }
        if (Input.has(in, "DefaultCurrency")) {
            c.defaultCurrency = Input.text(in, "DefaultCurrency");
        }
        if (Input.has(in, "BankAccountDetails")) {
            c.bankAccountDetails = Input.text(in, "BankAccountDetails");
        }
        if (Input.has(in, "Addresses")) {
            c.addresses = Input.objects(Input.get(in, "Addresses"), ADDRESS);
        }
        if (Input.has(in, "Phones")) {
            c.phones = Input.objects(Input.get(in, "Phones"), PHONE);
        }
        if (Input.has(in, "ContactPersons")) {
            c.contactPersons = Input.objects(Input.get(in, "ContactPersons"), PERSON);
        }
    }
}
