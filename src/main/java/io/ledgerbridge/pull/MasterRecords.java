package io.ledgerbridge.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.api.ConflictException;
import io.ledgerbridge.api.NotFoundException;
import io.ledgerbridge.mapping.MappingRepository;
import io.ledgerbridge.support.FixHints;
import io.ledgerbridge.workspace.WorkspaceRepository;
import io.ledgerbridge.workspace.WorkspaceSettings;
import io.ledgerbridge.workspace.WorkspaceSettings.AddressField;
import io.ledgerbridge.workspace.WorkspaceSettings.PhoneField;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Master ownership (F31): with contact or item sync on, Xero owns customers and products, so the platform asks
 * LedgerBridge to create one; it is created in Xero first (one call, a person waits, push priority), and then published
 * as a pull publishes it, so the platform's record comes from Xero's; a customer created is told ({@link CustomerCreated})
 * so the party's next document goes to that contact. Only the fields the sync owns go to Xero; the contact's phone and
 * address follow the contact field mapping. A retry of the same request within Xero's idempotency window gets Xero's
 * first answer, not a second record.
 */
@Service
class MasterRecords {

    /** A customer to create: {@code platformId} is the platform's own id, kept as Xero's ContactNumber. */
    record NewContact(String platformId, String name, String email, String phone, String taxNumber, Address address) {
    }

    record Address(List<String> lines, String city, String region, String postalCode, String country) {
    }

    /** A product to create; {@code taxCode} is the platform's, mapped to Xero's sales tax type. */
    record NewItem(String code, String name, String description, BigDecimal unitPrice, String salesAccount, String taxCode) {
    }

    /** What Xero created, as published. */
    record Created(String xeroId, JsonNode published) {
    }

    /** Xero refused the record: its messages, for a 422. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final WorkspaceRepository workspaces;
    private final MappingRepository mappings;
    private final PullSupport support;
    private final ApplicationEventPublisher events;

    MasterRecords(WorkspaceRepository workspaces, MappingRepository mappings, PullSupport support,
                  ApplicationEventPublisher events) {
        this.workspaces = workspaces;
        this.mappings = mappings;
        this.events = events;
        this.support = support;
    }

    Created contact(String workspaceId, NewContact contact) {
        WorkspaceSettings settings = ready(workspaceId, "contacts", settingsOf(workspaceId).modules().contacts(),
                "With contacts sync off the platform owns its customers: create the customer on the platform.");
        ObjectNode xeroContact = JSON.objectNode();
        xeroContact.put("Name", contact.name().trim());
        xeroContact.put("ContactNumber", contact.platformId());
        putIfPresent(xeroContact, "EmailAddress", contact.email());
        putIfPresent(xeroContact, "TaxNumber", contact.taxNumber());
        if (contact.phone() != null && !contact.phone().isBlank() && settings.contactPhoneField() != PhoneField.DO_NOT_SYNC) {
            xeroContact.putArray("Phones").addObject().put("PhoneType", settings.contactPhoneField().name())
                    .put("PhoneNumber", contact.phone().trim());
        }
        if (contact.address() != null && settings.contactAddressField() != AddressField.DO_NOT_SYNC) {
            ObjectNode address = xeroContact.putArray("Addresses").addObject()
                    .put("AddressType", settings.contactAddressField() == AddressField.BILLING ? "POBOX" : "STREET");
            List<String> lines = contact.address().lines() == null ? List.of() : contact.address().lines();
            for (int i = 0; i < Math.min(lines.size(), 4); i++) {
                address.put("AddressLine" + (i + 1), lines.get(i));
            }
            putIfPresent(address, "City", contact.address().city());
            putIfPresent(address, "Region", contact.address().region());
            putIfPresent(address, "PostalCode", contact.address().postalCode());
            putIfPresent(address, "Country", contact.address().country());
        }
        JsonNode created = support.write(workspaceId, "/Contacts", "Contacts", xeroContact, key(workspaceId, "contact:" + contact.platformId()));
        ObjectNode published = PulledRecords.contact(workspaceId, created, settings.contactPhoneField(),
                settings.contactAddressField());
        support.publish(ContactsPull.ENDPOINT, workspaceId, List.of(published.toString()));
        String contactId = created.path("ContactID").asText();
        events.publishEvent(new CustomerCreated(workspaceId, contact.platformId(), UUID.fromString(contactId),
                created.path("Name").asText(contact.name().trim())));
        return new Created(contactId, published);
    }

    Created item(String workspaceId, NewItem item) {
        ready(workspaceId, "items", settingsOf(workspaceId).modules().items(),
                "With items sync off the platform owns its products: create the product on the platform.");
        String taxType = null;
        if (item.taxCode() != null && !item.taxCode().isBlank()) {
            taxType = mappings.taxRates(workspaceId, Optional.of(item.taxCode())).stream().findFirst()
                    .map(MappingRepository.TaxRow::sales).orElseThrow(() -> new ConflictException("Tax code not mapped",
                            "Tax code " + item.taxCode() + " has no Xero tax rate for sales. "
                                    + FixHints.mapTaxCode(item.taxCode(), true)));
        }
        ObjectNode xeroItem = JSON.objectNode();
        xeroItem.put("Code", item.code().trim());
        xeroItem.put("Name", item.name().trim());
        putIfPresent(xeroItem, "Description", item.description());
        ObjectNode sales = JSON.objectNode();
        if (item.unitPrice() != null) {
            sales.put("UnitPrice", item.unitPrice());
        }
        putIfPresent(sales, "AccountCode", item.salesAccount());
        putIfPresent(sales, "TaxType", taxType);
        if (!sales.isEmpty()) {
            xeroItem.set("SalesDetails", sales);
        }
        JsonNode created = support.write(workspaceId, "/Items", "Items", xeroItem, key(workspaceId, "item:" + item.code().trim()));
        String taxCode = item.taxCode();
        ObjectNode published = PulledRecords.product(workspaceId, created, Set.of(item.code().trim()),
                taxType == null ? java.util.Map.of() : java.util.Map.of(taxType, taxCode));
        support.publish(ItemsPull.ENDPOINT, workspaceId, List.of(published.toString()));
        return new Created(created.path("ItemID").asText(), published);
    }

    private WorkspaceSettings settingsOf(String workspaceId) {
        return workspaces.settings(workspaceId).orElseThrow(() -> NotFoundException.workspace(workspaceId));
    }

    private WorkspaceSettings ready(String workspaceId, String module, boolean on, String ownedByPlatform) {
        WorkspaceSettings settings = settingsOf(workspaceId);
        if (!on) {
            throw new ConflictException("The " + module + " sync is off", ownedByPlatform + " Turn modules." + module
                    + " on to have LedgerBridge create them in Xero first.");
        }
        return settings;
    }

    /** Stable per workspace and record, so a retried request is a replay at Xero, not a second record. */
    private static String key(String workspaceId, String identity) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((workspaceId + "\n" + identity).getBytes(StandardCharsets.UTF_8));
            return "lb-master-" + HexFormat.of().formatHex(hash, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value.trim());
        }
    }
}
