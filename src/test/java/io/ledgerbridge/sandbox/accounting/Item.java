package io.ledgerbridge.sandbox.accounting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An item of the price list (FACTS §10); untracked: the sandbox keeps no inventory. */
final class Item {

    /** Sales or purchase details: the defaults a line with this item code takes. */
    record Details(BigDecimal unitPrice, String accountCode, String taxType) {
    }

    final UUID id;
    String code;
    String name;
    String description;
    String purchaseDescription;
    boolean sold = true;
    boolean purchased = true;
    Details salesDetails;
    Details purchaseDetails;
    Instant updated;

    Item(UUID id, String code) {
        this.id = id;
        this.code = code;
    }

    Details detailsFor(DocumentType type) {
        return type.isSales() ? salesDetails : purchaseDetails;
    }

    String descriptionFor(DocumentType type) {
        return type.isSales() || purchaseDescription == null ? description : purchaseDescription;
    }
}
