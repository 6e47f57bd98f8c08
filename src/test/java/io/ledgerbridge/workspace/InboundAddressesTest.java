package io.ledgerbridge.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InboundAddressesTest {

    @Test
    void eachWorkspaceGetsAPlusAddressOnTheSharedInbox() {
        assertThat(new InboundAddresses(new InboxSettings("invoices@ledgerbridge.local")).forWorkspace("demo-venue"))
                .isEqualTo("invoices+demo-venue@ledgerbridge.local");
    }

    @Test
    void theInboxMustBeAnEmailAddress() {
        assertThatThrownBy(() -> new InboundAddresses(new InboxSettings("invoices")))
                .hasMessageContaining("must be an email address");
    }
}
