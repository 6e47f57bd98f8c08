package io.ledgerbridge.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.intake.UnknownWorkspaceException;
import java.util.Set;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;

class FailureReasonsTest {

    @Test
    void aPermanentFailureKeepsItsOwnWordsEvenWhenWrapped() {
        RuntimeCamelException wrapped = new RuntimeCamelException(
                new UnknownWorkspaceException("evt-9", "ord-9", Set.of("ws-nobody")));

        assertThat(FailureReasons.describe(wrapped, 1))
                .isEqualTo("Event evt-9 (order ord-9) names workspace 'ws-nobody', and LedgerBridge knows no workspace"
                        + " of that name. Create it with PUT /api/v1/workspaces/{id} and re-send the event.");
    }

    @Test
    void anyOtherFailureNamesTheAttemptsAndTheError() {
        assertThat(FailureReasons.describe(new IllegalStateException("connection refused"), 5))
                .isEqualTo("Could not be processed after 5 attempt(s): IllegalStateException: connection refused");
    }

    @Test
    void aLongReasonIsCutToTwoThousandCharactersAndSaysSo() {
        String reason = FailureReasons.describe(new io.ledgerbridge.support.PermanentFailureException(
                "The event breaks the order event contract: " + "$.data.notes: too long; ".repeat(1000)), 1);

        assertThat(reason).hasSizeLessThanOrEqualTo(2_000)
                .startsWith("The event breaks the order event contract: $.data.notes: too long;")
                .endsWith(" characters more)");
    }

    @Test
    void aMissingFailureIsStillDescribed() {
        assertThat(FailureReasons.describe(null, 2)).contains("without an error being recorded").contains("2 attempt(s)");
    }
}
