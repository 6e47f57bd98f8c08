package io.ledgerbridge.xero.pacing;

import io.ledgerbridge.xero.Priority;
import io.ledgerbridge.xero.PacingSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacerRegistryTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void oneTenantIsOnePacerAndAllShareTheApp() {
        PacerRegistry registry = new PacerRegistry(PacingSettings.defaults());
        TenantPacer a = registry.forTenant("tenant-a");
        assertThat(registry.forTenant("tenant-a")).isSameAs(a);
        assertThat(registry.forTenant("tenant-b")).isNotSameAs(a);

        a.tryAcquire(Priority.PUSH, T0).orElseThrow();
        assertThat(registry.app().snapshot(T0).callsStarted()).isEqualTo(1);
        assertThat(registry.forTenant("tenant-b").nextPermitAt(Priority.PUSH, T0))
                .isEqualTo(T0.plus(PacingSettings.defaults().appSpacing()));
        assertThat(registry.snapshots(T0)).containsOnlyKeys("tenant-a", "tenant-b");
        assertThat(registry.snapshots(T0).get("tenant-a").inFlight()).isEqualTo(1);
    }

    @Test
    void threadsAskingForTheSameTenantAtOnceGetTheSamePacer() throws Exception {
        PacerRegistry registry = new PacerRegistry(PacingSettings.defaults());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<TenantPacer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(threads.submit(() -> {
                    go.await();
                    return registry.forTenant("tenant-a");
                }));
            }
            go.countDown();
            var distinct = ConcurrentHashMap.<TenantPacer>newKeySet();
            for (Future<TenantPacer> answer : answers) {
                distinct.add(answer.get(5, TimeUnit.SECONDS));
            }
            assertThat(distinct).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
