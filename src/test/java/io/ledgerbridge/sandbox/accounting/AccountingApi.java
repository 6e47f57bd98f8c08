package io.ledgerbridge.sandbox.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerbridge.sandbox.http.Json;
import io.ledgerbridge.sandbox.http.Request;
import io.ledgerbridge.sandbox.http.Response;
import io.ledgerbridge.sandbox.http.XeroDates;
import io.ledgerbridge.sandbox.http.XeroErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The Accounting API of one organisation, under {@code /api.xro/2.0}: the endpoints LedgerBridge uses,
 * answering as xero_accounting.yaml describes. Callers have already authenticated the caller and applied
 * limits, faults and idempotency; they hold the organisation's monitor while this runs.
 */
public final class AccountingApi {

    private final Clock clock;
    private final ChangeListener events;
    private final Attachments attachments = new Attachments();

    public AccountingApi(Clock clock, ChangeListener events) {
        this.clock = clock;
        this.events = events;
    }

    public Response handle(Request request, Organisation org) {
        String[] parts = Arrays.stream(request.path().split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        if (parts.length == 0) {
            return XeroErrors.notFound();
        }
        try {
            return route(request, org, parts);
        } catch (Json.BadJsonException e) {
            return XeroErrors.badRequest(14, "PostDataInvalidException", e.getMessage());
        } catch (Where.ParseException e) {
            return XeroErrors.badRequest(16, "QueryParseException", e.getMessage());
        }
    }

    private Response route(Request request, Organisation org, String[] parts) {
        String resource = parts[0].toLowerCase(Locale.ROOT);
        String id = parts.length > 1 ? parts[1] : null;
        String method = request.method();
        switch (resource) {
            case "accounts":
                return method.equals("GET") ? accounts(request, org, id) : notAllowed();
            case "taxrates":
                return method.equals("GET") ? taxRates(request, org, id) : notAllowed();
            case "trackingcategories":
                return method.equals("GET") ? trackingCategories(request, org, id) : notAllowed();
            case "currencies":
                return method.equals("GET") && id == null ? currencies(request, org) : notAllowed();
            case "items":
                return items(request, org, id);
            case "contacts":
                return contacts(request, org, id);
            case "invoices":
            case "creditnotes":
                boolean credit = resource.equals("creditnotes");
                if (parts.length > 2 && parts[2].equalsIgnoreCase("Attachments")) {
                    Document doc = credit ? org.creditNoteByIdOrNumber(id) : org.invoiceByIdOrNumber(id);
                    return doc == null ? XeroErrors.notFound()
                            : attachments.handle(request, org, doc, parts.length > 3 ? parts[3] : null, now());
                }
                if (credit && parts.length == 3 && parts[2].equalsIgnoreCase("Allocations") && method.equals("PUT")) {
                    return allocations(request, org, id);
                }
                if (credit && parts.length == 4 && parts[2].equalsIgnoreCase("Allocations") && method.equals("DELETE")) {
                    return deleteAllocation(org, id, parts[3]);
                }
                return parts.length > 2 ? XeroErrors.notFound() : documents(request, org, id, credit);
            case "payments":
                return payments(request, org, id);
            case "batchpayments":
                return batchPayments(request, org, id);
            default:
                return XeroErrors.notFound();
        }
    }

    private Response accounts(Request request, Organisation org, String id) {
        if (id != null) {
            Account a = org.accounts.get(Ids.parse(id));
            return a == null ? XeroErrors.notFound() : ok("Accounts", List.of(Render.account(a)), null);
        }
        Instant since = modifiedSince(request);
        List<ObjectNode> nodes = org.accounts.values().stream().filter(a -> since == null || !a.updated.isBefore(since))
                .map(Render::account).toList();
        return ok("Accounts", Listing.filterAndOrder(nodes, request, "AccountID", "Code"), null);
    }

    private Response taxRates(Request request, Organisation org, String taxType) {
        if (taxType != null) {
            TaxRate t = org.taxRate(taxType);
            return t == null ? XeroErrors.notFound() : ok("TaxRates", List.of(Render.taxRate(t)), null);
        }
        List<ObjectNode> nodes = org.taxRates.values().stream().map(Render::taxRate).toList();
        return ok("TaxRates", Listing.filterAndOrder(nodes, request, "TaxType", "Name"), null);
    }

    private Response trackingCategories(Request request, Organisation org, String id) {
        if (id != null) {
            TrackingCategory t = org.trackingCategories.get(Ids.parse(id));
            return t == null ? XeroErrors.notFound() : ok("TrackingCategories", List.of(Render.trackingCategory(t)), null);
        }
        boolean archived = request.queryFlag("includeArchived");
        List<ObjectNode> nodes = org.trackingCategories.values().stream()
                .filter(t -> archived || t.isActive()).map(Render::trackingCategory).toList();
        return ok("TrackingCategories", Listing.filterAndOrder(nodes, request, "TrackingCategoryID", "Name"), null);
    }

    /** getCurrencies: the organisation's currencies, {@code where} and {@code order} as on any list, by Code. */
    private Response currencies(Request request, Organisation org) {
        List<ObjectNode> nodes = org.currencies.entrySet().stream()
                .map(c -> Render.currency(c.getKey(), c.getValue())).toList();
        return ok("Currencies", Listing.filterAndOrder(nodes, request, "Code", "Code"), null);
    }

    private Response items(Request request, Organisation org, String id) {
        int unitdp = unitdp(request);
        Item target = null;
        if (id != null) {
            target = org.items.get(Ids.parse(id));
            if (target == null) {
                target = org.itemByCode(id);
            }
            if (target == null) {
                return XeroErrors.notFound();
            }
        }
        switch (request.method()) {
            case "GET":
                if (target != null) {
                    return ok("Items", List.of(Render.item(target, unitdp)), null);
                }
                Instant since = modifiedSince(request);
                List<ObjectNode> nodes = org.items.values().stream().filter(i -> since == null || !i.updated.isBefore(since))
                        .map(i -> Render.item(i, unitdp)).toList();
                return ok("Items", Listing.filterAndOrder(nodes, request, "ItemID", "Code"), null);
            case "PUT":
            case "POST":
                ItemWriter writer = new ItemWriter(org, unitdp);
                Item t = target;
                boolean put = request.method().equals("PUT") && t == null;
                return write(request, "Items", null, e -> writer.write(e, t, put));
            default:
                return notAllowed();
        }
    }

    private Response contacts(Request request, Organisation org, String id) {
        Contact target = null;
        if (id != null) {
            target = org.contacts.get(Ids.parse(id));
            if (target == null) {
                target = org.contactByNumber(id);
            }
            if (target == null) {
                return XeroErrors.notFound();
            }
        }
        switch (request.method()) {
            case "GET":
                if (target != null) {
                    return ok("Contacts", List.of(Render.contact(target)), null);
                }
                return listContacts(request, org);
            case "PUT":
            case "POST":
                ContactWriter writer = new ContactWriter(org, events);
                Contact t = target;
                boolean put = request.method().equals("PUT") && t == null;
                return write(request, "Contacts", "HasValidationErrors", e -> writer.write(e, t, put));
            default:
                return notAllowed();
        }
    }

    private Response listContacts(Request request, Organisation org) {
        Instant since = modifiedSince(request);
        Set<String> ids = list(request, "IDs");
        boolean archived = request.queryFlag("includeArchived") || !ids.isEmpty();
        String term = lower(request.query("searchTerm"));
        Predicate<Contact> keep = c -> (since == null || !c.updated.isBefore(since))
                && (ids.isEmpty() || ids.contains(c.id.toString()))
                && (archived || !"ARCHIVED".equals(c.status))
                && (term == null || matches(term, c.name, c.firstName, c.lastName, c.contactNumber, c.emailAddress));
        List<ObjectNode> nodes = org.contacts.values().stream().filter(keep).map(Render::contact).toList();
        Listing.Page<ObjectNode> page = Listing.page(Listing.filterAndOrder(nodes, request, "ContactID"), request);
        return ok("Contacts", page.items(), page.pagination());
    }

    private Response documents(Request request, Organisation org, String id, boolean credit) {
        String collection = credit ? "CreditNotes" : "Invoices";
        int unitdp = unitdp(request);
        Document target = null;
        if (id != null) {
            target = credit ? org.creditNoteByIdOrNumber(id) : org.invoiceByIdOrNumber(id);
            if (target == null) {
                return XeroErrors.notFound();
            }
        }
        switch (request.method()) {
            case "GET":
                if (target != null) {
                    return ok(collection, List.of(Render.document(org, target, unitdp, true, true)), null);
                }
                return listDocuments(request, org, credit);
            case "PUT":
            case "POST":
                DocumentWriter writer = new DocumentWriter(org, events, unitdp, credit);
                Document t = target;
                boolean put = request.method().equals("PUT") && t == null;
                return write(request, collection, "HasErrors", e -> writer.write(e, t, put));
            default:
                return notAllowed();
        }
    }

    /**
     * GET /Invoices and GET /CreditNotes. Xero's credit notes take only where, order, page, pageSize, unitdp
     * and If-Modified-Since (xero_accounting.yaml, getCreditNotes): the invoice filters (IDs, InvoiceNumbers,
     * ContactIDs, Statuses, searchTerm, summaryOnly) are ignored there, as Xero ignores unknown parameters.
     */
    private Response listDocuments(Request request, Organisation org, boolean credit) {
        Instant since = modifiedSince(request);
        Set<String> ids = credit ? Set.of() : list(request, "IDs");
        Set<String> numbers = credit ? Set.of() : list(request, "InvoiceNumbers");
        Set<String> contactIds = credit ? Set.of() : list(request, "ContactIDs");
        Set<String> statuses = credit ? Set.<String>of()
                : list(request, "Statuses").stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        String term = credit ? null : lower(request.query("searchTerm"));
        Predicate<Document> keep = d -> (since == null || !d.updated.isBefore(since))
                && (ids.isEmpty() || ids.contains(d.id.toString()))
                && (numbers.isEmpty() || (d.number != null && numbers.contains(d.number.toLowerCase(Locale.ROOT))))
                && (contactIds.isEmpty() || (d.contactId != null && contactIds.contains(d.contactId.toString())))
                && (statuses.isEmpty() || statuses.contains(d.status))
                && (term == null || matches(term, d.number, d.reference));
        boolean paged = request.query("page") != null;
        boolean withLines = paged && (credit || !request.queryFlag("summaryOnly"));
        int unitdp = unitdp(request);
        Collection<Document> all = credit ? org.creditNotes.values() : org.invoices.values();
        String collection = credit ? "CreditNotes" : "Invoices";
        if (Listing.plain(request)) {
            // the default order needs no rendering: page the documents, render only the page
            List<Document> sorted = all.stream().filter(keep).sorted(Comparator.comparing((Document d) -> d.updated)
                    .thenComparing(d -> d.id.toString())).toList();
            Listing.Page<Document> page = Listing.page(sorted, request);
            List<ObjectNode> items = page.items().stream().map(d -> Render.document(org, d, unitdp, withLines, false)).toList();
            return ok(collection, items, page.pagination());
        }
        List<ObjectNode> nodes = all.stream().filter(keep)
                .map(d -> Render.document(org, d, unitdp, withLines, false)).toList();
        Listing.Page<ObjectNode> page = Listing.page(Listing.filterAndOrder(nodes, request, credit ? "CreditNoteID" : "InvoiceID"), request);
        return ok(collection, page.items(), page.pagination());
    }

    private Response allocations(Request request, Organisation org, String id) {
        Document creditNote = org.creditNoteByIdOrNumber(id);
        if (creditNote == null) {
            return XeroErrors.notFound();
        }
        PaymentWriter writer = new PaymentWriter(org, events);
        return write(request, "Allocations", null, e -> writer.allocate(creditNote, e));
    }

    /**
     * deleteCreditNoteAllocations: the allocation is removed, the credit note's RemainingCredit and the invoice's
     * AmountDue are restored (a PAID one is AUTHORISED again), and the allocation is answered with IsDeleted true.
     * An unknown credit note or allocation is a 404; an AllocationID that is no id at all, a 400.
     */
    private Response deleteAllocation(Organisation org, String creditNoteId, String allocationId) {
        Document creditNote = org.creditNoteByIdOrNumber(creditNoteId);
        if (creditNote == null) {
            return XeroErrors.notFound();
        }
        UUID id = Ids.parse(allocationId);
        if (id == null) {
            return XeroErrors.validationMessages(List.of(Messages.ALLOCATION_ID_INVALID));
        }
        Allocation removed = new PaymentWriter(org, events).unallocate(creditNote, id);
        if (removed == null) {
            return XeroErrors.notFound();
        }
        ObjectNode body = Render.allocation(org, removed);
        body.put("IsDeleted", true);
        return Response.json(200, body);
    }

    private Response payments(Request request, Organisation org, String id) {
        PaymentWriter writer = new PaymentWriter(org, events);
        Payment target = id == null ? null : org.payments.get(Ids.parse(id));
        if (id != null && target == null) {
            return XeroErrors.notFound();
        }
        switch (request.method()) {
            case "GET":
                if (target != null) {
                    return ok("Payments", List.of(Render.payment(org, target)), null);
                }
                Instant since = modifiedSince(request);
                List<ObjectNode> nodes = org.payments.values().stream()
                        .filter(p -> since == null || !p.updated.isBefore(since)).map(p -> Render.payment(org, p)).toList();
                Listing.Page<ObjectNode> page = Listing.page(Listing.filterAndOrder(nodes, request, "PaymentID"), request);
                return ok("Payments", page.items(), page.pagination());
            case "PUT":
            case "POST":
                if (target != null) {
                    return write(request, "Payments", "HasValidationErrors", e -> writer.delete(target, e));
                }
                return write(request, "Payments", "HasValidationErrors", writer::create);
            default:
                return notAllowed();
        }
    }

    private Response batchPayments(Request request, Organisation org, String id) {
        PaymentWriter writer = new PaymentWriter(org, events);
        BatchPayment target = id == null ? null : org.batchPayments.get(Ids.parse(id));
        if (id != null && target == null) {
            return XeroErrors.notFound();
        }
        switch (request.method()) {
            case "GET":
                if (target != null) {
                    return ok("BatchPayments", List.of(Render.batchPayment(org, target)), null);
                }
                Instant since = modifiedSince(request);
                List<ObjectNode> nodes = org.batchPayments.values().stream()
                        .filter(b -> since == null || !b.updated.isBefore(since)).map(b -> Render.batchPayment(org, b)).toList();
                return ok("BatchPayments", Listing.filterAndOrder(nodes, request, "BatchPaymentID"), null);
            case "PUT":
                return write(request, "BatchPayments", null, writer::createBatch);
            case "POST":
                return write(request, "BatchPayments", null, e -> {
                    BatchPayment batch = target != null ? target
                            : org.batchPayments.get(Ids.parse(Input.text(e, "BatchPaymentID")));
                    if (batch == null) {
                        return new ElementResult(Input.echo(e), List.of(Messages.BATCH_NOT_FOUND), List.of());
                    }
                    return writer.deleteBatch(batch, e);
                });
            default:
                return notAllowed();
        }
    }

    /** Every invoice, bill and credit note of an organisation as Xero returns it, attachments listed. */
    public ObjectNode allDocuments(Organisation org) {
        ObjectNode body = Json.object();
        body.put("TenantId", org.tenantId.toString());
        body.put("Name", org.name);
        var invoices = body.putArray("Invoices");
        org.invoices.values().forEach(d -> invoices.add(Render.document(org, d, 2, true, true)));
        var creditNotes = body.putArray("CreditNotes");
        org.creditNotes.values().forEach(d -> creditNotes.add(Render.document(org, d, 2, true, true)));
        return body;
    }

    /**
     * Pays an invoice inside "Xero", as its owner would in the web app: the remaining amount (or
     * {@code amount}) into the first bank account. Null when there is no such invoice.
     *
     * @throws IllegalArgumentException when the invoice cannot take the payment (not AUTHORISED, too much)
     */
    public ObjectNode pay(Organisation org, String invoiceId, java.math.BigDecimal amount, java.time.LocalDate date) {
        Document doc = org.invoiceByIdOrNumber(invoiceId);
        if (doc == null) {
            return null;
        }
        Payment payment = new PaymentWriter(org, events).payInside(doc, amount, date);
        return Render.envelope("Payments", List.of(Render.payment(org, payment)), null, now());
    }

    /** Archives the account with this code, as an adviser does in Xero; null when the chart has no such account. */
    public ObjectNode archiveAccount(Organisation org, String code) {
        Account account = org.accountByCode(code);
        if (account == null) {
            return null;
        }
        account.status = "ARCHIVED";
        account.updated = now();
        return Render.envelope("Accounts", List.of(Render.account(account)), null, now());
    }

    /** Runs every element of a PUT/POST body through {@code writer} and answers as Xero does. */
    private Response write(Request request, String collection, String errorFlag, Function<JsonNode, ElementResult> writer) {
        JsonNode body = Json.parse(request.body());
        List<ElementResult> results = new ArrayList<>();
        for (JsonNode element : Input.elements(body, collection)) {
            results.add(writer.apply(element));
        }
        boolean summarize = !"false".equalsIgnoreCase(request.query("summarizeErrors"));
        return Batch.respond(collection, results, summarize, errorFlag, now());
    }

    private Response ok(String collection, List<ObjectNode> items, ObjectNode pagination) {
        return Response.json(200, Render.envelope(collection, items, pagination, now()));
    }

    private static Response notAllowed() {
        return Response.empty(405);
    }

    private Instant now() {
        return clock.instant();
    }

    private static Instant modifiedSince(Request request) {
        return XeroDates.parseInstant(request.header("If-Modified-Since"));
    }

    private static int unitdp(Request request) {
        return "4".equals(request.query("unitdp")) ? 4 : 2;
    }

    private static Set<String> list(Request request, String name) {
        String value = request.query(name);
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    private static boolean matches(String term, String... values) {
        return Arrays.stream(values).anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(term));
    }
}
