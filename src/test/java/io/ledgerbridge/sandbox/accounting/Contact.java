package io.ledgerbridge.sandbox.accounting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A contact (FACTS §10). Addresses, phones and contact persons are kept as the JSON objects Xero
 * returns, limited to the properties its schema names.
 */
final class Contact {

    final UUID id;
    String name;
    String contactNumber;
    String accountNumber;
    String status = "ACTIVE";
    String firstName;
    String lastName;
    String emailAddress;
    String taxNumber;
    String accountsReceivableTaxType;
    String accountsPayableTaxType;
    String defaultCurrency;
    String bankAccountDetails = "";
    List<ObjectNode> addresses = new ArrayList<>();
    List<ObjectNode> phones = new ArrayList<>();
    List<ObjectNode> contactPersons = new ArrayList<>();
    boolean supplier;
    boolean customer;
    Instant updated;

    Contact(UUID id, String name) {
        this.id = id;
        this.name = name;
    }

    boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
