package io.ledgerbridge.sandbox.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** PKCE (FACTS §1.4): S256 compares BASE64URL(SHA-256(verifier)) with the challenge; plain compares as is. */
final class Pkce {

    private Pkce() {
    }

    static boolean verify(String challenge, String method, String verifier) {
        if (verifier == null || verifier.length() < 43 || verifier.length() > 128
                || !verifier.matches("[A-Za-z0-9\\-._~]+")) {
            return false;
        }
        String expected = "plain".equalsIgnoreCase(method) ? verifier : s256(verifier);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
