package io.ledgerbridge.delivery;

import io.ledgerbridge.xero.BeforeXeroCall;
import io.ledgerbridge.xero.PacedXero;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps a pass's claim alive while it waits on Xero: before each call the pass makes ({@link PacedXero}), the claim
 * of the pass running on this thread is renewed when a quarter of its lease has gone. A pass of 50 look-ups with 30 s
 * timeouts therefore never outlives its claim; and if a renewal finds documents gone (a claim that did run out, e.g.
 * after a long pause of this process), the pass drops them: their outcomes would be refused by the fence anyway.
 */
@Component
class PassClaims implements BeforeXeroCall {

    private static final Logger log = LoggerFactory.getLogger(PassClaims.class);

    private final ThreadLocal<Claim> current = new ThreadLocal<>();
    private final DeliveryRepository documents;
    private final Clock clock;

    PassClaims(DeliveryRepository documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    void bind(Claim claim) {
        current.set(claim);
    }

    void unbind() {
        current.remove();
    }

    /** Called before every call to Xero: renews the claim of this thread's pass when it is due. */
    @Override
    public void beforeCall() {
        Claim claim = current.get();
        if (claim == null || !claim.renewalDue(clock.instant())) {
            return;
        }
        Set<UUID> before = claim.held();
        Set<UUID> still = documents.renew(claim);
        claim.renewed(still, clock.instant());
        if (still.size() < before.size()) {
            log.warn("Workspace {}: {} document(s) of this pass were taken by another pass after its claim ran out;"
                    + " this pass leaves them alone", claim.workspaceId(), before.size() - still.size());
        }
    }
}
