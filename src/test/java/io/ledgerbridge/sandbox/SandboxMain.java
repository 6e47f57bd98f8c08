package io.ledgerbridge.sandbox;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the Xero sandbox on its own, for tests that stop the service but not "Xero":
 * {@code ./mvnw spring-boot:test-run -Dspring-boot.run.main-class=io.ledgerbridge.sandbox.SandboxMain}.
 * Settings come from system properties or environment variables ({@code -Dsandbox.port=8089} or
 * {@code SANDBOX_PORT=8089}); see {@link SandboxSettings#from}.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        XeroSandbox sandbox = XeroSandbox.start(SandboxSettings.from(SandboxSettings::systemLookup));
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "xero-sandbox-shutdown"));
        StringBuilder ready = new StringBuilder("\n=== Xero sandbox is up at ").append(sandbox.baseUrl()).append('\n');
        ready.append("    Accounting API: ").append(sandbox.baseUrl()).append("/api.xro/2.0\n");
        ready.append("    Identity:       ").append(sandbox.baseUrl()).append("/identity/connect/{authorize,token,revocation}\n");
        ready.append("    Control:        ").append(sandbox.baseUrl()).append("/sandbox/tenants\n");
        sandbox.tenants().forEach((id, name) -> ready.append("    tenant ").append(id).append("  ").append(name).append('\n'));
        ready.append("=== Stop with Ctrl+C\n");
        System.out.println(ready);
        new CountDownLatch(1).await();
    }
}
