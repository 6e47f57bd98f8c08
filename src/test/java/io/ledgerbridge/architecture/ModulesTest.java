package io.ledgerbridge.architecture;

import io.ledgerbridge.Application;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The features are modules (Spring Modulith: each package directly under io.ledgerbridge): no cycles between them,
 * and none reaches into another's internals (its sub-packages) or its package-private types.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void theFeaturesFormNoCyclesAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }
}
