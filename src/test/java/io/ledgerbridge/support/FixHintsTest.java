package io.ledgerbridge.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hints read exactly as they did before they moved here (documents, dead letters and xero.sync.status carry
 * them, and people and scripts read them), and no other source file writes an API path into a sentence.
 */
class FixHintsTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path FIX_HINTS = SOURCES.resolve("io/ledgerbridge/support/FixHints.java");
    /** A Spring MVC mapping annotation: the controllers' paths are routing, not hints. */
    private static final Pattern MAPPING_ANNOTATION =
            Pattern.compile("^\\s*@(Request|Get|Put|Post|Delete|Patch)Mapping\\(\"/api/v1/.*");
    /** A string literal that holds a path under a workspace. */
    private static final Pattern WORKSPACE_PATH_LITERAL = Pattern.compile("\"[^\"]*/workspaces/[^\"]*\"");

    @Test
    void waitingDocumentsNameTheEndpointThatReleasesThem() {
        assertThat(FixHints.CONNECT_XERO).isEqualTo("Connect Xero (POST /api/v1/workspaces/{ws}/xero/connect):"
                + " the waiting documents then go by themselves.");
        assertThat(FixHints.CONNECT_XERO_AGAIN).isEqualTo("Connect Xero again: the waiting documents then go by themselves.");
        assertThat(FixHints.TURN_INVOICE_PUSH_ON).isEqualTo(
                "Turn invoice push on in the workspace settings: the waiting documents then go by themselves.");
        assertThat(FixHints.START_SYNC).isEqualTo(
                "Start a sync (POST /api/v1/workspaces/{ws}/sync/invoice-push), or turn automatic sync on.");
        assertThat(FixHints.APPROVE_THEN_RESYNC).isEqualTo("Approve the invoice in Xero, then re-sync the document"
                + " (POST /api/v1/workspaces/{ws}/documents/{id}/resync), or set invoiceDefaultStatus to AUTHORISED:"
                + " the payment then goes.");
        assertThat(FixHints.MAP_THE_ITEMS).isEqualTo(
                "Map the items (or set a default account): the document is then sent again and approved by itself.");
    }

    @Test
    void failedDocumentsSayWhatToDo() {
        assertThat(FixHints.REQUEST_REJECTED).isEqualTo("Fix what Xero names, then re-sync the document.");
        assertThat(FixHints.DOCUMENT_REJECTED).isEqualTo(
                "Fix what Xero names, then re-sync the document (POST /api/v1/workspaces/{ws}/documents/{id}/resync).");
        assertThat(FixHints.SEND_A_CORRECTED_VERSION).isEqualTo("Send a corrected version of the order from the"
                + " platform (a newer version replaces this one), or mark it resolved"
                + " (POST /api/v1/workspaces/{ws}/documents/{id}/resolve).");
        assertThat(FixHints.CHECK_WHETHER_XERO_HOLDS_IT).isEqualTo("Check in Xero whether the document is there, then"
                + " re-sync it: it is looked up again before anything is sent, so it is never created twice. Or mark it"
                + " resolved.");
        assertThat(FixHints.OVER_QUOTA).isEqualTo("Upgrade to Pro, or it goes at the start of next month.");
        assertThat(FixHints.CHANGE_IT_IN_XERO).isEqualTo("Change it in Xero.");
        assertThat(FixHints.MERGE_DUPLICATE_CONTACTS).isEqualTo("Merge or archive the duplicates in Xero, then re-sync.");
    }

    @Test
    void xerosRefusalsNameTheMappingToChange() {
        assertThat(FixHints.changeTaxMapping(true)).isEqualTo("Change the tax mapping for sales"
                + " (PUT /api/v1/workspaces/{ws}/mappings/tax-rates/{code}) to a tax rate the account accepts.");
        assertThat(FixHints.accountOrTaxMapping("Set the workspace's freight account to an expense account.", false))
                .isEqualTo("Set the workspace's freight account to an expense account. Or map the tax code for purchases"
                        + " to a tax rate that account accepts.");
        assertThat(FixHints.USE_AN_ACTIVE_ACCOUNT).isEqualTo(
                "Use an active account of the organisation in the workspace settings or mappings.");
    }

    @Test
    void aRefusedAccountNamesWhereItCameFrom() {
        assertThat(FixHints.mapItem("SKU-1", true, "Harbour Cafe")).isEqualTo("Map item SKU-1 to a sales account of"
                + " Harbour Cafe (PUT /api/v1/workspaces/{ws}/mappings/items/SKU-1).");
        assertThat(FixHints.mapItem("SKU-1", false, "Harbour Cafe")).isEqualTo("Map item SKU-1 to an expense account of"
                + " Harbour Cafe (PUT /api/v1/workspaces/{ws}/mappings/items/SKU-1).");
        assertThat(FixHints.CHANGE_SUPPLIER_DEFAULT).isEqualTo(
                "Change this supplier's default account (PUT /api/v1/workspaces/{ws}/mappings/suppliers/{key}).");
        assertThat(FixHints.setFreightAccount(true)).isEqualTo("Set the workspace's freight account to an income account.");
        assertThat(FixHints.setSurchargeAccount(false)).isEqualTo(
                "Set the workspace's surcharge account to an expense account.");
        assertThat(FixHints.setDefaultAccount(false, "SKU-1")).isEqualTo(
                "Set the workspace's default expense account to an active account, or map item SKU-1.");
    }

    @Test
    void theCodersHintsNameTheMappingPaths() {
        assertThat(FixHints.KEEP_ONE_SUPPLIER_MAPPING).isEqualTo(
                "Keep one of them: DELETE /api/v1/workspaces/{ws}/mappings/suppliers/{key} for the others.");
        assertThat(FixHints.mapTaxCode("GST", false)).isEqualTo(
                "Map it: PUT /api/v1/workspaces/{ws}/mappings/tax-rates/GST with the Xero tax type for purchases.");
        assertThat(FixHints.mapTaxCodeToUsableRate("GST", true)).isEqualTo(
                "Map GST for sales to a tax rate the organisation has for income.");
        assertThat(FixHints.createOrMapTrackingCategory("Region")).isEqualTo("Create it in Xero, or map xero_Region to"
                + " an existing category (PUT /api/v1/workspaces/{ws}/mappings/tracking/Region).");
        assertThat(FixHints.addOrMapTrackingOption("Region", "North")).isEqualTo(
                "Add the option in Xero, or map it (PUT /api/v1/workspaces/{ws}/mappings/tracking/Region:North).");
        assertThat(FixHints.checkTax(false, "Harbour Cafe", "10.00")).isEqualTo("Check the tax codes of the order's"
                + " lines, the tax mapping for purchases (PUT /api/v1/workspaces/{ws}/mappings/tax-rates/{code}) and the"
                + " tax rates in Harbour Cafe: Xero's tax, each line's rounded to cents, comes to 10.00.");
        assertThat(FixHints.checkLineAmounts("100.00", true)).isEqualTo("Check the quantities, unit prices and discounts"
                + " of the order's lines: Xero multiplies each line out and rounds it to cents, which comes to 100.00"
                + " before tax.");
        assertThat(FixHints.correctTheTotal("100.00", "10.00", "110.00", "111.00")).isEqualTo("The platform's subtotal"
                + " 100.00 and tax 10.00 add up to 110.00, not its total 111.00: correct the order's totals on the"
                + " platform.");
    }

    @Test
    void currenciesAreListedInPlainWords() {
        assertThat(FixHints.addCurrency(List.of("AUD"))).isEqualTo(
                "Add the currency in Xero (Settings → Currencies), or send the order in AUD.");
        assertThat(FixHints.addCurrency(List.of("AUD", "NZD", "USD"))).isEqualTo(
                "Add the currency in Xero (Settings → Currencies), or send the order in AUD, NZD or USD.");
    }

    @Test
    void intakeAndTheApiNameTheWorkspaceToCreate() {
        assertThat(FixHints.CREATE_THE_WORKSPACE_AND_RESEND).isEqualTo(
                "Create it with PUT /api/v1/workspaces/{id} and re-send the event.");
        assertThat(FixHints.CREATE_OR_GIVE_THE_ROLE).isEqualTo("Create a missing workspace or give it its role"
                + " (SUPPLIER for the supplier, VENUE for the buyer) with PUT /api/v1/workspaces/{id}, or correct"
                + " data.supplier.workspaceId or data.buyer.workspaceId at the producer, and send the event again.");
        assertThat(FixHints.createWorkspace("harbour")).isEqualTo("Create it with PUT /api/v1/workspaces/harbour.");
        assertThat(FixHints.createItemMapping("harbour", "SKU-1")).isEqualTo(
                "Create it with PUT /api/v1/workspaces/harbour/mappings/items/SKU-1.");
        assertThat(FixHints.createSupplierMapping("harbour", "Fresh Produce")).isEqualTo(
                "Create it with PUT /api/v1/workspaces/harbour/mappings/suppliers/Fresh Produce.");
        assertThat(FixHints.createTaxRateMapping("harbour", "GST")).isEqualTo(
                "Create it with PUT /api/v1/workspaces/harbour/mappings/tax-rates/GST.");
        assertThat(FixHints.createTrackingMapping("harbour", "Region")).isEqualTo(
                "Create it with PUT /api/v1/workspaces/harbour/mappings/tracking/Region.");
    }

    /**
     * Only FixHints writes an API path into a sentence; the controllers' mapping annotations, SecurityConfiguration's
     * request matchers and OpenApiConfiguration's javadoc name paths for what they are. A hint elsewhere with a path
     * in it belongs in FixHints.
     */
    @Test
    void noOtherSourceFileWritesAnApiPath() throws IOException {
        List<String> found = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (source.equals(FIX_HINTS)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(source);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    String where = SOURCES.relativize(source) + ":" + (i + 1) + ": " + line.strip();
                    if (line.contains("/api/v1/") && allowed(source, line)) {
                        allowed.add(where);
                    } else if (line.contains("/api/v1/") || WORKSPACE_PATH_LITERAL.matcher(line).find()) {
                        found.add(where);
                    }
                }
            }
        }
        assertThat(allowed).as("the controllers' mappings the scan should have seen")
                .anyMatch(where -> where.contains("MappingController.java"))
                .anyMatch(where -> where.contains("DocumentController.java"))
                .anyMatch(where -> where.contains("WorkspaceController.java"));
        assertThat(found).as("API paths outside FixHints (a hint that names a path belongs there)").isEmpty();
    }

    private static boolean allowed(Path source, String line) {
        String file = source.getFileName().toString();
        String code = line.strip();
        return MAPPING_ANNOTATION.matcher(line).matches()
                || file.equals("SecurityConfiguration.java") && code.startsWith(".requestMatchers(")
                || file.equals("OpenApiConfiguration.java") && (code.startsWith("/**") || code.startsWith("*"));
    }
}
