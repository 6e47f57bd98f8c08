package io.ledgerbridge.xero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/** A contact (schema {@code Contact}); on a document, only {@code ContactID} is sent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record XeroContact(
        @JsonProperty("ContactID") UUID contactId,
        @JsonProperty("ContactNumber") String contactNumber,
        @JsonProperty("Name") String name,
        @JsonProperty("EmailAddress") String emailAddress,
        @JsonProperty("TaxNumber") String taxNumber,
        @JsonProperty("ContactStatus") String contactStatus,
        @JsonProperty("Phones") List<Phone> phones,
        @JsonProperty("Addresses") List<Address> addresses,
        @JsonProperty("StatusAttributeString") String statusAttributeString,
        @JsonProperty("ValidationErrors") List<XeroMessage> validationErrors) {

    /** A reference by id only: extra fields next to ContactID would update the contact in Xero. */
    public static XeroContact reference(UUID contactId) {
        return new XeroContact(contactId, null, null, null, null, null, null, null, null, null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Phone(@JsonProperty("PhoneType") String phoneType, @JsonProperty("PhoneNumber") String phoneNumber) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(@JsonProperty("AddressType") String addressType,
                          @JsonProperty("AddressLine1") String addressLine1,
                          @JsonProperty("AddressLine2") String addressLine2,
                          @JsonProperty("City") String city,
                          @JsonProperty("Region") String region,
                          @JsonProperty("PostalCode") String postalCode,
                          @JsonProperty("Country") String country) {
    }
}
