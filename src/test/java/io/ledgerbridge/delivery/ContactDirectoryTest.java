package io.ledgerbridge.delivery;

import io.ledgerbridge.xero.XeroAnswerException;
import io.ledgerbridge.xero.PacedXero;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.xero.Priority;
import io.ledgerbridge.xero.XeroContact;
import io.ledgerbridge.xero.XeroJson;
import io.ledgerbridge.xero.XeroRequest;
import io.ledgerbridge.xero.XeroResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The organisation's contacts: read whole in pages of 1,000 once, then only what changed since. */
class ContactDirectoryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final XeroConnection CONNECTION = new XeroConnection("ws-a", UUID.randomUUID(), "Org A", "token",
            "refresh", T0.plusSeconds(1800), XeroConnection.Status.CONNECTED, null);

    private final PacedXero xero = mock(PacedXero.class);
    private final List<XeroRequest> asked = new ArrayList<>();

    @Test
    void theFirstReadTakesEveryPageAndLaterReadsOnlyWhatChanged() {
        List<String> answers = new ArrayList<>(List.of(contacts(1000, "a"), contacts(3, "b"), contacts(1, "c")));
        when(xero.call(eq(CONNECTION), any(XeroRequest.class), eq(Priority.PUSH))).thenAnswer(call -> {
            asked.add(call.getArgument(1));
            return new XeroResponse(200, answers.remove(0), null, null, null);
        });
        ContactDirectory directory = new ContactDirectory(xero, new XeroJson(new ObjectMapper()),
                Clock.fixed(T0, ZoneOffset.UTC));

        assertThat(directory.current(CONNECTION)).hasSize(1003);
        assertThat(asked).extracting(XeroRequest::query).containsExactly(
                "includeArchived=true&page=1&pageSize=1000", "includeArchived=true&page=2&pageSize=1000");
        assertThat(asked).extracting(XeroRequest::ifModifiedSince).containsOnlyNulls();

        assertThat(directory.current(CONNECTION)).hasSize(1004);
        assertThat(asked.get(2).ifModifiedSince()).isEqualTo(T0.minusSeconds(1));
    }

    @Test
    void contactsThisServiceCreatedAreKnownWithoutReadingThemBack() {
        when(xero.call(eq(CONNECTION), any(XeroRequest.class), eq(Priority.PUSH)))
                .thenReturn(new XeroResponse(200, contacts(2, "a"), null, null, null))
                .thenReturn(new XeroResponse(200, contacts(0, "none"), null, null, null));
        ContactDirectory directory = new ContactDirectory(xero, new XeroJson(new ObjectMapper()),
                Clock.fixed(T0, ZoneOffset.UTC));
        directory.current(CONNECTION);

        directory.add("ws-a", List.of(new XeroContact(UUID.randomUUID(), null, "New Cafe", null, null, null, null,
                null, null, null)));

        assertThat(directory.current(CONNECTION)).extracting(XeroContact::name).contains("New Cafe").hasSize(3);
    }

    @Test
    void aRefusedReadIsXerosAnswerNotAnEmptyDirectory() {
        when(xero.call(eq(CONNECTION), any(XeroRequest.class), eq(Priority.PUSH)))
                .thenReturn(new XeroResponse(503, "", null, null, null));
        ContactDirectory directory = new ContactDirectory(xero, new XeroJson(new ObjectMapper()),
                Clock.fixed(T0, ZoneOffset.UTC));

        assertThatThrownBy(() -> directory.current(CONNECTION)).isInstanceOf(XeroAnswerException.class);
    }

    private static String contacts(int count, String prefix) {
        StringBuilder body = new StringBuilder("{\"Contacts\":[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("{\"ContactID\":\"").append(UUID.randomUUID())
                    .append("\",\"Name\":\"").append(prefix).append(' ').append(i).append("\"}");
        }
        return body.append("]}").toString();
    }
}
