package io.ledgerbridge.xero;

/**
 * Runs on the calling thread before every call {@link PacedXero} makes. Delivery renews the claim of the pass that
 * is waiting on Xero here, without this module knowing about passes.
 */
@FunctionalInterface
public interface BeforeXeroCall {

    void beforeCall();
}
