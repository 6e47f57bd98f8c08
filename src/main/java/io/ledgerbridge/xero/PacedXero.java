package io.ledgerbridge.xero;

import io.ledgerbridge.connection.NeedsReconnectException;
import io.ledgerbridge.connection.TokenUnavailableException;
import io.ledgerbridge.connection.XeroConnection;
import io.ledgerbridge.xero.pacing.PacerRegistry;
import io.ledgerbridge.xero.pacing.Permit;
import io.ledgerbridge.xero.pacing.TenantPacer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every call to Xero under the tenant's pacer: a permit before the call (waiting briefly when the next one is near,
 * else {@link ThrottledException}), and what Xero answered about its limits after it. Before each call the
 * {@link BeforeXeroCall} hooks run (delivery keeps the claim of the pass making the call alive).
 */
@Component
public class PacedXero {

    private final XeroApiGateway gateway;
    private final PacerRegistry pacers;
    private final List<BeforeXeroCall> hooks;
    private final Clock clock;
    private final Duration longestWait;

    public PacedXero(XeroApiGateway gateway, PacerRegistry pacers, List<BeforeXeroCall> hooks, Clock clock,
                     PermitWaitSettings settings) {
        this.gateway = gateway;
        this.pacers = pacers;
        this.hooks = List.copyOf(hooks);
        this.clock = clock;
        this.longestWait = settings.longestPermitWaitMs();
    }

    public XeroResponse call(XeroConnection connection, XeroRequest request, Priority priority) {
        hooks.forEach(BeforeXeroCall::beforeCall);
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

    /** The same call, with every way it can fail as a value for the decisions. */
    public XeroReply reply(XeroConnection connection, XeroRequest request, Priority priority) {
        try {
            XeroResponse response = call(connection, request, priority);
            return response.ok() ? new XeroReply.Ok(response) : new XeroReply.Refused(response.failure());
        } catch (RuntimeException failure) {
            return failed(failure, !"GET".equals(request.method()));
        }
    }

    /**
     * A failure thrown by a call (here, or by a step that calls Xero itself, such as reading the organisation) as a
     * value; anything not about Xero is ours and is thrown on.
     */
    public static XeroReply failed(RuntimeException failure, boolean write) {
        if (failure instanceof ThrottledException throttled) {
            return new XeroReply.NotSent(throttled.notBefore());
        }
        if (failure instanceof XeroAnswerException answer) {
            return new XeroReply.Refused(answer.failure());
        }
        if (failure instanceof NeedsReconnectException reconnect) {
            return new XeroReply.Reconnect(reconnect.getMessage());
        }
        if (failure instanceof XeroUnreachableException unreachable) {
            return new XeroReply.NoAnswer(unreachable.getMessage(), write && unreachable.outcomeUnknown());
        }
        if (failure instanceof TokenUnavailableException unavailable) {
            return new XeroReply.Unavailable(unavailable.getMessage());
        }
        throw failure;
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
