package io.ledgerbridge.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String KEY = "webhook-key";
    private static final byte[] BODY = "{\"events\":[],\"firstEventSequence\":0,\"lastEventSequence\":0,\"entropy\":\"x\"}"
            .getBytes(StandardCharsets.UTF_8);

    private static String signed(byte[] body, String key) {
        return Base64.getEncoder().encodeToString(WebhookSignature.sign(body, key));
    }

    @Test
    void theSignatureOfTheRawBodyWithTheKeyIsValid() {
        assertThat(WebhookSignature.valid(BODY, signed(BODY, KEY), KEY)).isTrue();
    }

    @Test
    void aBodyChangedByOneByteOrSignedWithAnotherKeyIsNot() {
        byte[] changed = BODY.clone();
        changed[changed.length - 3] = 'y';
        assertThat(WebhookSignature.valid(changed, signed(BODY, KEY), KEY)).isFalse();
        assertThat(WebhookSignature.valid(BODY, signed(BODY, "another-key"), KEY)).isFalse();
    }

    @Test
    void reSerialisedJsonIsNotTheBodyThatWasSigned() {
        byte[] spaced = "{ \"events\": [], \"firstEventSequence\": 0, \"lastEventSequence\": 0, \"entropy\": \"x\" }"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.valid(spaced, signed(BODY, KEY), KEY)).isFalse();
    }

    @Test
    void noSignatureNotBase64NoKeyOrNoBodyIsRefused() {
        assertThat(WebhookSignature.valid(BODY, null, KEY)).isFalse();
        assertThat(WebhookSignature.valid(BODY, "not base64 !", KEY)).isFalse();
        assertThat(WebhookSignature.valid(BODY, signed(BODY, KEY), "")).isFalse();
        assertThat(WebhookSignature.valid(BODY, signed(BODY, KEY), null)).isFalse();
        assertThat(WebhookSignature.valid(null, signed(BODY, KEY), KEY)).isFalse();
    }

    @Test
    void eventDatesAreXerosUtcWithoutAZoneOrWithOne() {
        assertThat(WebhookController.instant("2024-06-21T01:15:39.902")).isEqualTo(Instant.parse("2024-06-21T01:15:39.902Z"));
        assertThat(WebhookController.instant("2024-06-21T11:15:39+10:00")).isEqualTo(Instant.parse("2024-06-21T01:15:39Z"));
        assertThat(WebhookController.instant("yesterday")).isNull();
        assertThat(WebhookController.instant(null)).isNull();
    }
}
