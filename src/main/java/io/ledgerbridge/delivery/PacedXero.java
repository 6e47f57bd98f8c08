package io.ledgerbridge.delivery;

import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.delivery.pacing.PacerRegistry;
import io.ledgerbridge.delivery.pacing.Permit;
import io.ledgerbridge.delivery.pacing.Priority;
import io.ledgerbridge.delivery.pacing.TenantPacer;
import io.ledgerbridge.xero.XeroApiGateway;
import io.ledgerbridge.xero.XeroRequest;
import io.ledgerbridge.xero.XeroResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every call to Xero under the tenant's pacer: a permit before the call (waiting briefly when the next
 * one is near, else {@link ThrottledException}), and what Xero answered about its limits after it.
 */
@Component
public class PacedXero {

    private final XeroApiGateway gateway;
    private final PacerRegistry pacers;
    private final Clock clock;
    private final Duration longestWait;

    public PacedXero(XeroApiGateway gateway, PacerRegistry pacers, Clock clock,
                     @Value("${ledgerbridge.delivery.longest-permit-wait-ms:3000}") long longestWaitMs) {
        this.gateway = gateway;
        this.pacers = pacers;
        this.clock = clock;
        this.longestWait = Duration.ofMillis(longestWaitMs);
    }

    public XeroResponse call(XeroConnection connection, XeroRequest request, Priority priority) {
        TenantPacer pacer = pacers.forTenant(connection.tenantId().toString());
        Permit permit = acquire(pacer, priority);
        try {
            XeroResponse response = gateway.call(request);
            pacer.completed(permit, clock.instant(), response.limits());
            return response;
        } catch (RuntimeException noAnswer) {
            // A timeout, a refused connection or a token failure: the slot is free again, the call still counted.
            pacer.failedWithoutAnswer(permit, clock.instant());
            throw noAnswer;
        }
    }

    /** A permit now, or after a short wait; a longer wait is the caller's to schedule. */
    private Permit acquire(TenantPacer pacer, Priority priority) {
        while (true) {
            Instant now = clock.instant();
            Optional<Permit> permit = pacer.tryAcquire(priority, now);
            if (permit.isPresent()) {
                return permit.get();
            }
            Instant next = pacer.nextPermitAt(priority, now);
            Duration wait = Duration.between(now, next);
            if (wait.compareTo(longestWait) > 0) {
                throw new ThrottledException(pacer.tenantId(), next);
            }
            try {
                Thread.sleep(Math.max(1, wait.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ThrottledException(pacer.tenantId(), next);
            }
        }
    }
}
