package io.ledgerbridge.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.connection.ConnectDecisions.Choice;
import io.ledgerbridge.connection.ConnectRequests.ConnectRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConnectDecisionsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");
    private static final XeroTokens TOKENS = new XeroTokens("access", "refresh", NOW.plusSeconds(1800));
    private static final XeroOrganisation NORTH = new XeroOrganisation(UUID.randomUUID(), UUID.randomUUID(), "North");
    private static final XeroOrganisation SOUTH = new XeroOrganisation(UUID.randomUUID(), UUID.randomUUID(), "South");

    private static ConnectRequest request(Instant usedAt, Instant expiresAt) {
        return new ConnectRequest("ws", "ws.state", "verifier", "http://x/cb", expiresAt, usedAt, null, null, List.of(),
                null, null);
    }

    private static ConnectRequest choice(Instant chosenAt, Instant choiceExpiresAt, XeroTokens tokens) {
        return new ConnectRequest("ws", "ws.state", "verifier", "http://x/cb", NOW, NOW, "choice", tokens,
                List.of(NORTH, SOUTH), choiceExpiresAt, chosenAt);
    }

    private static Optional<XeroConnection> linkedTo(XeroOrganisation organisation) {
        return Optional.of(new XeroConnection("ws", organisation.tenantId(), organisation.tenantName(), null, null, null,
                XeroConnection.Status.DISCONNECTED, "Disconnected"));
    }

    @Nested
    class TheCallbackState {

        @Test
        void unknownWhenNoRequestOfTheWorkspaceHasIt() {
            assertThat(ConnectDecisions.callback(Optional.empty(), NOW)).isInstanceOf(ConnectDecisions.Unknown.class);
        }

        @Test
        void usedOnceOnly() {
            assertThat(ConnectDecisions.callback(Optional.of(request(NOW.minusSeconds(5), NOW.plusSeconds(60))), NOW))
                    .isInstanceOf(ConnectDecisions.Used.class);
        }

        @Test
        void expiredAtItsTime() {
            assertThat(ConnectDecisions.callback(Optional.of(request(null, NOW)), NOW))
                    .isEqualTo(new ConnectDecisions.Expired(NOW));
        }

        @Test
        void freshAndUnusedProceeds() {
            ConnectRequest fresh = request(null, NOW.plusSeconds(1));
            assertThat(ConnectDecisions.callback(Optional.of(fresh), NOW)).isEqualTo(new ConnectDecisions.Proceed(fresh));
        }
    }

    @Nested
    class TheChoiceToken {

        @Test
        void unknownWithoutARequestOrWithoutWaitingTokens() {
            assertThat(ConnectDecisions.choice(Optional.empty(), NOW)).isInstanceOf(ConnectDecisions.Unknown.class);
            assertThat(ConnectDecisions.choice(Optional.of(choice(null, NOW.plusSeconds(60), null)), NOW))
                    .isInstanceOf(ConnectDecisions.Unknown.class);
        }

        @Test
        void usedOnceChosen() {
            assertThat(ConnectDecisions.choice(Optional.of(choice(NOW.minusSeconds(1), NOW.plusSeconds(60), null)), NOW))
                    .isInstanceOf(ConnectDecisions.Used.class);
        }

        @Test
        void expiredAtItsTime() {
            assertThat(ConnectDecisions.choice(Optional.of(choice(null, NOW, TOKENS)), NOW))
                    .isEqualTo(new ConnectDecisions.Expired(NOW));
        }

        @Test
        void openProceeds() {
            ConnectRequest open = choice(null, NOW.plusSeconds(60), TOKENS);
            assertThat(ConnectDecisions.choice(Optional.of(open), NOW)).isEqualTo(new ConnectDecisions.Proceed(open));
        }
    }

    @Nested
    class TheOrganisation {

        @Test
        void noneReachedConnectsNothing() {
            assertThat(ConnectDecisions.organisation(List.of(), null, Optional.empty(), 0))
                    .isInstanceOf(ConnectDecisions.NoOrganisation.class);
        }

        @Test
        void theOnlyOneReachedIsConnected() {
            assertThat(ConnectDecisions.organisation(List.of(NORTH), null, Optional.empty(), 0))
                    .isEqualTo(new ConnectDecisions.Connect(NORTH, false));
        }

        @Test
        void severalReachedAndNonePickedAsksThePerson() {
            assertThat(ConnectDecisions.organisation(List.of(NORTH, SOUTH), null, Optional.empty(), 0))
                    .isEqualTo(new ConnectDecisions.Choose(List.of(NORTH, SOUTH)));
        }

        @Test
        void severalReachedWithoutLinksAsksEvenAWorkspaceConnectedBefore() {
            assertThat(ConnectDecisions.organisation(List.of(NORTH, SOUTH), null, linkedTo(NORTH), 0))
                    .isInstanceOf(ConnectDecisions.Choose.class);
        }

        @Test
        void aReconnectOfAWorkspaceWithLinksTakesItsOrganisationWithoutAsking() {
            assertThat(ConnectDecisions.organisation(List.of(NORTH, SOUTH), null, linkedTo(SOUTH), 3))
                    .isEqualTo(new ConnectDecisions.Connect(SOUTH, true));
        }

        @Test
        void thePickedOneIsConnected() {
            assertThat(ConnectDecisions.organisation(List.of(NORTH, SOUTH), SOUTH.tenantId(), Optional.empty(), 0))
                    .isEqualTo(new ConnectDecisions.Connect(SOUTH, false));
        }

        @Test
        void aPickTheLoginDoesNotReachIsRefused() {
            UUID stranger = UUID.randomUUID();
            assertThat(ConnectDecisions.organisation(List.of(NORTH, SOUTH), stranger, Optional.empty(), 0))
                    .isEqualTo(new ConnectDecisions.NotReached(stranger));
        }

        @Test
        void anotherOrganisationIsRefusedWhileTheWorkspaceHasLinksToItsOwn() {
            Choice choice = ConnectDecisions.organisation(List.of(SOUTH), null, linkedTo(NORTH), 7);
            assertThat(choice).isEqualTo(new ConnectDecisions.OtherOrganisation(NORTH.tenantId(), "North", 7, SOUTH));
        }

        @Test
        void anotherOrganisationIsConnectedOnceTheLinksAreGone() {
            assertThat(ConnectDecisions.organisation(List.of(SOUTH), null, linkedTo(NORTH), 0))
                    .isEqualTo(new ConnectDecisions.Connect(SOUTH, false));
        }

        @Test
        void theSameOrganisationAgainIsAReconnect() {
            assertThat(ConnectDecisions.organisation(List.of(NORTH), null, linkedTo(NORTH), 7))
                    .isEqualTo(new ConnectDecisions.Connect(NORTH, true));
            assertThat(ConnectDecisions.organisation(List.of(NORTH), null, linkedTo(NORTH), 0))
                    .isEqualTo(new ConnectDecisions.Connect(NORTH, true));
        }
    }
}
