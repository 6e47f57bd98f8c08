package io.ledgerbridge.pull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Xero's webhook signature (FACTS §14): {@code x-xero-signature} is Base64(HMAC-SHA256(webhook key, raw body)). It is
 * checked over the bytes as they came, never re-serialised JSON, and compared in constant time.
 */
final class WebhookSignature {

    private WebhookSignature() {
    }

    static boolean valid(byte[] body, String signature, String key) {
        if (signature == null || key == null || key.isEmpty() || body == null) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(body, key), claimed);
    }

    static byte[] sign(byte[] body, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
