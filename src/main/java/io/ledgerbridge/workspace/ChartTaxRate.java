package io.ledgerbridge.workspace;

/**
 * One tax type of an organisation, as the mapping checks need it (delivery hands it over in these terms).
 *
 * @param status   ACTIVE, ARCHIVED, DELETED or PENDING
 * @param revenue  Xero lets it be used on sales
 * @param expenses Xero lets it be used on purchases
 */
public record ChartTaxRate(String taxType, String name, String status, boolean revenue, boolean expenses) {

    boolean usableFor(boolean sales) {
        return "ACTIVE".equals(status) && (sales ? revenue : expenses);
    }
}
