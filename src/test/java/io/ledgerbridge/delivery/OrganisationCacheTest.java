package io.ledgerbridge.delivery;

import io.ledgerbridge.xero.XeroAnswerException;
import io.ledgerbridge.xero.PacedXero;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.xero.pacing.RateLimitHeaders;
import io.ledgerbridge.xero.XeroRequest;
import io.ledgerbridge.xero.XeroResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The organisation's five reads: kept for a while, and a read cut short by a 429 goes on where it stopped. */
class OrganisationCacheTest {

    private final PacedXero xero = mock(PacedXero.class);
    private final List<String> asked = new ArrayList<>();
    private final XeroConnection connection = new XeroConnection("ws-a", UUID.randomUUID(), "Demo Org", "access",
            "refresh", Instant.parse("2026-12-02T11:00:00Z"), XeroConnection.Status.CONNECTED, null);
    private final OrganisationCache cache = new OrganisationCache(xero,
            Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(10));

    private static XeroResponse answer(int status, String body) {
        return new XeroResponse(status, body, RateLimitHeaders.status(status), null, null);
    }

    @Test
    void aReadCutShortByA429AsksOnlyForTheRestNextTime() {
        boolean[] throttledOnce = {false};
        when(xero.call(any(), any(), any())).thenAnswer(invocation -> {
            XeroRequest request = invocation.getArgument(1);
            asked.add(request.path());
            if (request.path().equals("/TrackingCategories") && !throttledOnce[0]) {
                throttledOnce[0] = true;
                return answer(429, "");
            }
            String collection = request.path().substring(1);
            return answer(200, "{\"" + collection + "\":[]}");
        });

        assertThatThrownBy(() -> cache.get(connection)).isInstanceOf(XeroAnswerException.class);
        assertThat(cache.get(connection).name()).isEqualTo("Demo Org");
        assertThat(asked).containsExactly("/Accounts", "/TaxRates", "/TrackingCategories",
                "/TrackingCategories", "/Items", "/Currencies");

        cache.get(connection);
        assertThat(asked).as("kept for its ten minutes").hasSize(6);
        cache.forget("ws-a");
        cache.get(connection);
        assertThat(asked).as("read again, all of it, once forgotten").hasSize(11);
    }
}
