package io.ledgerbridge.xero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One validation error or warning of an element (schema {@code ValidationError}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record XeroMessage(@JsonProperty("Message") String message) {
}
