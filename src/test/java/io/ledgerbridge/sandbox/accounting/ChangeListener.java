package io.ledgerbridge.sandbox.accounting;

import java.util.UUID;

/** Told about every change that Xero would announce by webhook (INVOICE, CONTACT, CREDITNOTE). */
public interface ChangeListener {

    ChangeListener NONE = (tenantId, category, eventType, resourceId, data) -> { };

    /**
     * @param category  INVOICE, CONTACT or CREDITNOTE
     * @param eventType CREATE or UPDATE
     * @param data      for credit notes {@code {Type, Status}}, else null
     */
    void changed(UUID tenantId, String category, String eventType, UUID resourceId, java.util.Map<String, String> data);
}
