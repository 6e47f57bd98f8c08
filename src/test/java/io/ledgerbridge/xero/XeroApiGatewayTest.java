package io.ledgerbridge.xero;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.ledgerbridge.connection.TokenService;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Xero is never called inside a database transaction: a slow or refused call must not hold or roll back one. */
class XeroApiGatewayTest {

    private final ProducerTemplate producer = mock(ProducerTemplate.class);
    private final TokenService tokens = mock(TokenService.class);
    private final XeroApiGateway gateway = new XeroApiGateway(producer, tokens);

    @AfterEach
    void noTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void refusesToCallXeroWhileADatabaseTransactionIsOpen() {
        TransactionSynchronizationManager.setActualTransactionActive(true);

        assertThatThrownBy(() -> gateway.call(XeroRequest.get("ws-a", "/Invoices", null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
        verifyNoInteractions(producer, tokens);
    }
}
