package io.ledgerbridge.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void aTokenComesBackAsItWentIn() {
        TokenCipher cipher = new TokenCipher(KEY);
        String sealed = cipher.encrypt("eyJhbGciOi.refresh-token");
        assertThat(sealed).doesNotContain("refresh-token");
        assertThat(cipher.decrypt(sealed)).isEqualTo("eyJhbGciOi.refresh-token");
    }

    @Test
    void theSameTokenIsSealedDifferentlyEachTime() {
        TokenCipher cipher = new TokenCipher(KEY);
        assertThat(cipher.encrypt("token")).isNotEqualTo(cipher.encrypt("token"));
    }

    @Test
    void aTamperedValueOrAnotherKeyFailsLoudly() {
        TokenCipher cipher = new TokenCipher(KEY);
        byte[] sealed = Base64.getDecoder().decode(cipher.encrypt("token"));
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(sealed)))
                .hasMessageContaining("could not be decrypted");
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        String foreign = new TokenCipher(Base64.getEncoder().encodeToString(otherKey)).encrypt("token");
        assertThatThrownBy(() -> cipher.decrypt(foreign)).hasMessageContaining("was ledgerbridge.xero.token-key changed?");
    }

    @Test
    void aMissingOrShortKeyStopsTheStartWithHowToMakeOne() {
        assertThatThrownBy(() -> new TokenCipher("")).hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> new TokenCipher(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("must decode to 32 bytes");
        assertThatThrownBy(() -> new TokenCipher("not base64 !")).hasMessageContaining("must be base64");
    }
}
