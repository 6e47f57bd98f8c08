package io.ledgerbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One pass per workspace at a time in this replica: started by the tick, or straight after a pass with more due. */
class LaneDispatcherTest {

    private final DeliveryRepository documents = mock(DeliveryRepository.class);
    private final LaneDispatcher dispatcher = new LaneDispatcher(documents, 500, 50, Duration.ofSeconds(120),
            Instant::now);

    @Test
    void aWorkspaceWithAPassQueuedOrRunningIsNotStartedAgain() {
        when(documents.workspacesWithDueDocuments(anyInt())).thenReturn(List.of("ws-a", "ws-b"));
        when(documents.hasBatchDue("ws-a", 50)).thenReturn(true);

        assertThat(dispatcher.readyLanes()).containsExactly("ws-a", "ws-b");
        assertThat(dispatcher.readyLanes()).isEmpty();
        assertThat(dispatcher.continueLane("ws-a")).as("ws-a still has its pass").isFalse();

        dispatcher.release("ws-a");
        assertThat(dispatcher.readyLanes()).containsExactly("ws-a");
    }

    @Test
    void aPassThatLeftAWholeBatchDueContinuesAtOnceAndHoldsTheLane() {
        when(documents.workspacesWithDueDocuments(anyInt())).thenReturn(List.of("ws-a"));
        when(documents.hasBatchDue("ws-a", 50)).thenReturn(true);
        dispatcher.readyLanes();
        dispatcher.release("ws-a");

        assertThat(dispatcher.continueLane("ws-a")).isTrue();
        assertThat(dispatcher.readyLanes()).as("the tick finds the lane taken").isEmpty();
        assertThat(dispatcher.continueLane("ws-a")).isFalse();
    }

    @Test
    void aWorkspaceWithLessThanABatchDueWaitsForTheTick() {
        // throttled (its documents are due again when its pacer allows), or caught up: what arrives meanwhile joins the batch
        when(documents.hasBatchDue("ws-a", 50)).thenReturn(false);
        when(documents.workspacesWithDueDocuments(anyInt())).thenReturn(List.of("ws-a"));

        assertThat(dispatcher.continueLane("ws-a")).isFalse();
        assertThat(dispatcher.readyLanes()).as("the lane was not left taken").containsExactly("ws-a");
    }

    @Test
    void aWorkspaceWhosePassNeverStartedIsHandedOutAgainOnceNoPassCouldStillHoldIt() {
        // The hand-over to the lane queue failed after the workspace was taken: nothing will ever release it.
        when(documents.workspacesWithDueDocuments(anyInt())).thenReturn(List.of("ws-a"));
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2026-12-01T10:00:00Z"));
        LaneDispatcher dispatcher = new LaneDispatcher(documents, 500, 50,
                java.time.Duration.ofSeconds(120), () -> now.get());
        assertThat(dispatcher.readyLanes()).containsExactly("ws-a");
        now.set(now.get().plusSeconds(60));
        assertThat(dispatcher.readyLanes()).as("still taken: its pass may be running").isEmpty();
        now.set(now.get().plusSeconds(181));
        assertThat(dispatcher.readyLanes()).as("taken longer than twice the claim lease, which a pass renews while"
                + " it waits on Xero: handed out again").containsExactly("ws-a");
    }
}
