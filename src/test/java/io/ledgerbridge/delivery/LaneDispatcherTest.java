package io.ledgerbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One pass per workspace at a time in this replica: started by the tick, or straight after a pass with more due. */
class LaneDispatcherTest {

    private final DeliveryRepository documents = mock(DeliveryRepository.class);
    private final LaneDispatcher dispatcher = new LaneDispatcher(documents, 500, 50);

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
}
