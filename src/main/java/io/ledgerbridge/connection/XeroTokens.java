package io.ledgerbridge.connection;

import java.time.Instant;

/** What Xero's token endpoint answered for a code: the pair of tokens and when the access token runs out. */
record XeroTokens(String accessToken, String refreshToken, Instant accessExpiresAt) {

    /** Without the tokens, so that a log line never shows them. */
    @Override
    public String toString() {
        return "XeroTokens[accessExpiresAt=" + accessExpiresAt + "]";
    }
}
