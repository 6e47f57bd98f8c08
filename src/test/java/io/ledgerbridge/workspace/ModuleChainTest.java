package io.ledgerbridge.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerbridge.workspace.ModuleChain.ModuleChainException;
import io.ledgerbridge.workspace.WorkspaceSettings.Modules;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleChainTest {

    private static final Modules ALL_OFF = new Modules(false, false, false, false, false);
    private static final Modules ALL_ON = new Modules(true, true, true, true, true);

    private static Map<String, Boolean> request(Object... pairs) {
        Map<String, Boolean> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Boolean) pairs[i + 1]);
        }
        return map;
    }

    @Test
    void enablingInvoicePushEnablesItsWholeChain() {
        assertThat(ModuleChain.apply(ALL_OFF, request("invoicePush", true)))
                .isEqualTo(new Modules(true, true, true, true, false));
    }

    @Test
    void enablingItemsEnablesOnlyTaxRates() {
        assertThat(ModuleChain.apply(ALL_OFF, request("items", true)))
                .isEqualTo(new Modules(true, true, false, false, false));
    }

    @Test
    void aPrerequisiteCannotBeTurnedOffUnderADependant() {
        assertThatThrownBy(() -> ModuleChain.apply(ALL_ON, request("contacts", false)))
                .isInstanceOf(ModuleChainException.class)
                .hasMessage("'contacts' cannot be turned off while 'invoicePush' is on, because 'invoicePush' needs it."
                        + " Turn off 'invoicePush' first.");
    }

    @Test
    void aTransitivePrerequisiteIsProtectedToo() {
        Modules pushOnly = new Modules(true, true, true, true, false);
        assertThatThrownBy(() -> ModuleChain.apply(pushOnly,
                request("taxRates", false, "items", false, "contacts", false)))
                .isInstanceOf(ModuleChainException.class)
                .hasMessageContaining("'invoicePush' is on");
    }

    @Test
    void turningAChainOffTopDownInOneRequestIsAllowed() {
        assertThat(ModuleChain.apply(ALL_ON, request("taxRates", false, "items", false, "contacts", false,
                "invoicePush", false, "invoicePull", false)))
                .isEqualTo(ALL_OFF);
    }

    @Test
    void modulesLeftOutKeepTheirValue() {
        Modules some = new Modules(true, true, false, false, false);
        assertThat(ModuleChain.apply(some, request("contacts", null))).isEqualTo(some);
    }

    @Test
    void anUnknownModuleIsABadRequest() {
        assertThatThrownBy(() -> ModuleChain.apply(ALL_OFF, request("payroll", true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown module 'payroll'");
    }
}
