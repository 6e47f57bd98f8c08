package io.ledgerbridge.xero;

import io.ledgerbridge.connection.TokenService;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.xero.pacing.RateLimitHeaders;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Calls Xero for a workspace through the {@code xero-api} route: adds the bearer token, the tenant, the
 * idempotency key and JSON headers; after a 401 TokenExpired it refreshes the token once and calls again.
 * Everything else Xero answers comes back as a {@link XeroResponse} for the caller to act on; a call that
 * got no answer at all throws {@link XeroUnreachableException}.
 */
@Component
class XeroApiGateway {

    /**
     * If-Modified-Since as Xero's OpenAPI document declares it (a date-time, e.g. 2020-02-06T12:17:43Z; FACTS.md §3),
     * in UTC to the second, which is what Xero compares.
     */
    private static final DateTimeFormatter MODIFIED_SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ProducerTemplate producer;
    private final TokenService tokens;

    public XeroApiGateway(ProducerTemplate producer, TokenService tokens) {
        this.producer = producer;
        this.tokens = tokens;
    }

    /**
     * @throws IllegalStateException inside a database transaction: a call to Xero can take its whole timeout, be
     *                               throttled or fail, and must neither hold a transaction open nor roll one back
     */
    public XeroResponse call(XeroRequest request) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Xero is never called inside a database transaction (" + request.method() + " "
                    + request.path() + "): store what Xero answered in a transaction of its own, after the call");
        }
        XeroConnection connection = tokens.connection(request.workspaceId());
        XeroResponse response = send(request, connection);
        if (response.status() == 401 && response.body() != null && response.body().contains("TokenExpired")) {
            response = send(request, tokens.refresh(request.workspaceId(), connection.accessToken()));
        }
        return response;
    }

    private XeroResponse send(XeroRequest request, XeroConnection connection) {
        Exchange result = producer.request("direct:xero-api", exchange -> {
            Message message = exchange.getMessage();
            message.setHeader(Exchange.HTTP_METHOD, request.method());
            message.setHeader(Exchange.HTTP_PATH, request.path());
            if (request.query() != null) {
                message.setHeader(Exchange.HTTP_QUERY, request.query());
            }
            message.setHeader("Authorization", "Bearer " + connection.accessToken());
            message.setHeader("xero-tenant-id", connection.tenantId().toString());
            message.setHeader("Accept", "application/json");
            if (request.idempotencyKey() != null) {
                message.setHeader("Idempotency-Key", request.idempotencyKey());
            }
            if (request.ifModifiedSince() != null) {
                message.setHeader("If-Modified-Since", MODIFIED_SINCE.format(request.ifModifiedSince()));
            }
            if (request.body() != null) {
                message.setHeader(Exchange.CONTENT_TYPE, "application/json");
                message.setBody(request.body());
            } else {
                message.setBody(null);
            }
        });
        if (result.getException() != null) {
            throw new XeroUnreachableException(request, result.getException());
        }
        Message answer = result.getMessage();
        int status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        return new XeroResponse(status, answer.getBody(String.class),
                RateLimitHeaders.parse(status, name -> answer.getHeader(name, String.class)),
                answer.getHeader(RateLimitHeaders.RETRY_AFTER, String.class),
                answer.getHeader(RateLimitHeaders.RATE_LIMIT_PROBLEM, String.class));
    }
}
