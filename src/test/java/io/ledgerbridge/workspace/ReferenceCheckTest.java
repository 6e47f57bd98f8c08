package io.ledgerbridge.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.workspace.ReferenceCheck.TaxWanted;
import io.ledgerbridge.workspace.ReferenceCheck.TrackingWanted;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tax types and tracking a mapping names, against what the organisation has: every way it can fail, and fit. */
class ReferenceCheckTest {

    private static final String ORG = "Demo Harbour Cafe";
    private static final List<ChartTaxRate> RATES = List.of(
            new ChartTaxRate("OUTPUT", "GST on Income", "ACTIVE", true, false),
            new ChartTaxRate("INPUT", "GST on Expenses", "ACTIVE", false, true),
            new ChartTaxRate("BASEXCLUDED", "BAS Excluded", "ACTIVE", true, true),
            new ChartTaxRate("TAX001", "Old Wine Tax", "ARCHIVED", true, true));
    private static final List<ChartTracking> TRACKING = List.of(
            new ChartTracking("Region", true, List.of("North", "South")),
            new ChartTracking("Season", false, List.of("Summer")));

    @Test
    void aTaxTypeThatIsActiveAndForTheDirectionFitsInAnyCase() {
        assertThat(ReferenceCheck.tax(new TaxWanted("sales", "output", true), ORG, RATES)).isEmpty();
        assertThat(ReferenceCheck.tax(new TaxWanted("purchases", "BASEXCLUDED", false), ORG, RATES)).isEmpty();
    }

    @Test
    void anUnknownArchivedOrWrongWayTaxTypeIsNamedWithTheRatesThatFit() {
        assertThat(ReferenceCheck.tax(new TaxWanted("sales", "WET", true), ORG, RATES).orElseThrow().detail())
                .isEqualTo("Tax type WET is not a tax rate of Demo Harbour Cafe. Its tax rates for sales:"
                        + " OUTPUT (GST on Income), BASEXCLUDED (BAS Excluded).");
        assertThat(ReferenceCheck.tax(new TaxWanted("sales", "TAX001", true), ORG, RATES).orElseThrow().detail())
                .startsWith("Tax type TAX001 (Old Wine Tax) is archived in Demo Harbour Cafe.");
        ReferenceCheck.Problem wrongWay = ReferenceCheck.tax(new TaxWanted("purchases", "OUTPUT", false), ORG, RATES)
                .orElseThrow();
        assertThat(wrongWay.detail()).isEqualTo("Tax type OUTPUT (GST on Income) cannot be used on purchases in Demo"
                + " Harbour Cafe. Its tax rates for purchases: INPUT (GST on Expenses), BASEXCLUDED (BAS Excluded).");
        assertThat(wrongWay.field()).isEqualTo("purchases");
        assertThat(wrongWay.offered()).hasSize(2);
        assertThat(ReferenceCheck.tax(new TaxWanted("sales", "X", true), ORG, List.of()).orElseThrow().detail())
                .endsWith("Demo Harbour Cafe has no active tax rate for sales.");
    }

    @Test
    void trackingFitsAnActiveCategoryAndOneOfItsActiveOptionsInAnyCase() {
        assertThat(ReferenceCheck.tracking(new TrackingWanted("xeroName", "region", null), ORG, TRACKING)).isEmpty();
        assertThat(ReferenceCheck.tracking(new TrackingWanted("xeroName", "Region", "north"), ORG, TRACKING)).isEmpty();
    }

    @Test
    void anUnknownOrInactiveCategoryOrAnUnknownOptionIsNamedWithWhatThereIs() {
        assertThat(ReferenceCheck.tracking(new TrackingWanted("xeroName", "Season", null), ORG, TRACKING).orElseThrow()
                .detail()).isEqualTo("Tracking category 'Season' is not an active tracking category of Demo Harbour"
                + " Cafe. Its categories: Region.");
        ReferenceCheck.Problem option = ReferenceCheck.tracking(new TrackingWanted("properties.xero_Region", "Region",
                "East"), ORG, TRACKING).orElseThrow();
        assertThat(option.detail()).isEqualTo("Tracking option 'East' is not an active option of category 'Region' in"
                + " Demo Harbour Cafe. Its options: North, South.");
        assertThat(option.value()).isEqualTo("East");
        assertThat(option.offered()).containsExactly("North", "South");
    }
}
