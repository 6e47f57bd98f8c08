package io.ledgerbridge.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.ledgerbridge.sandbox.http.Request;
import io.ledgerbridge.sandbox.http.Response;
import io.ledgerbridge.sandbox.http.XeroErrors;
import io.ledgerbridge.sandbox.identity.IdentityEndpoints;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one HTTP handler: reads the whole request, sends it to the identity service, the Accounting API
 * gateway or the control surface by path, logs the calls meant for "Xero" (not those to the control surface),
 * and writes the answer (later, for a held one).
 */
final class Router implements HttpHandler {

    private static final String API = "/api.xro/2.0";

    private final Clock clock;
    private final IdentityEndpoints identity;
    private final AccountingGateway accounting;
    private final ControlApi control;
    private final CallLog calls;
    private final ScheduledExecutorService holder;

    Router(Clock clock, IdentityEndpoints identity, AccountingGateway accounting, ControlApi control, CallLog calls,
           ScheduledExecutorService holder) {
        this.clock = clock;
        this.identity = identity;
        this.accounting = accounting;
        this.control = control;
        this.calls = calls;
        this.holder = holder;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Reply reply;
        Request request = null;
        try {
            request = read(exchange);
            reply = route(request);
        } catch (RuntimeException e) {
            reply = Reply.now(XeroErrors.serverError());
        }
        if (request != null && !request.path().startsWith("/sandbox/")) {
            calls.add(clock.instant(), request.method(), exchange.getRequestURI().getRawPath()
                            + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    request.header("xero-tenant-id"), reply.response().status(), request.header("Idempotency-Key"),
                    reply.fault(), reply.replay(), (System.nanoTime() - started) / 1_000_000);
        }
        Response response = reply.response();
        if (reply.holdMs() > 0) {
            holder.schedule(() -> send(exchange, response), reply.holdMs(), TimeUnit.MILLISECONDS);
        } else {
            send(exchange, response);
        }
    }

    private Reply route(Request request) {
        String path = request.path();
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith(API + "/")) {
            return accounting.handle(request.withPath(path.substring(API.length())));
        }
        if (lower.equals("/identity/connect/authorize")) {
            return Reply.now(identity.authorize(request));
        }
        if (lower.equals("/identity/connect/token")) {
            return Reply.now(identity.token(request));
        }
        if (lower.equals("/identity/connect/revocation")) {
            return Reply.now(identity.revocation(request));
        }
        if (lower.equals("/connections") || lower.startsWith("/connections/")) {
            String id = lower.length() > "/connections/".length() ? path.substring("/connections/".length()) : null;
            return Reply.now(identity.connections(request, id));
        }
        if (lower.startsWith("/sandbox/")) {
            return Reply.now(control.handle(request.withPath(path.substring("/sandbox".length()))));
        }
        return Reply.now(XeroErrors.notFound());
    }

    private static Request read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        byte[] body = exchange.getRequestBody().readAllBytes();
        return new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), headers, body);
    }

    private static void send(HttpExchange exchange, Response response) {
        try (exchange) {
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            boolean empty = response.body().length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
            exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (IOException e) {
            // the client went away (e.g. it timed out on a held call); nothing to tell it
        }
    }
}
