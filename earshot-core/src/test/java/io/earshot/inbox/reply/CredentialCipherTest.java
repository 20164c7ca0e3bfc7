package io.earshot.inbox.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void sealsWithAFreshNonceAndOpensOnlyWithTheSameKeyAndLabel() {
        CredentialCipher cipher = CredentialCipher.fromEnvironment(Map.of("EARSHOT_SECRET_KEY", KEY))
                .orElseThrow();
        String sealed = cipher.seal("app-pass-word", "acct:1");
        assertThat(sealed).startsWith("v1:").doesNotContain("app-pass-word");
        assertThat(cipher.seal("app-pass-word", "acct:1")).isNotEqualTo(sealed);
        assertThat(cipher.open(sealed, "acct:1")).isEqualTo("app-pass-word");
        assertThatThrownBy(() -> cipher.open(sealed, "acct:2"))
                .isInstanceOf(CredentialCipher.UnreadableSecretException.class);
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> new CredentialCipher(other).open(sealed, "acct:1"))
                .hasMessageContaining("EARSHOT_SECRET_KEY");
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cipher.open(tampered, "acct:1"))
                .isInstanceOf(CredentialCipher.UnreadableSecretException.class);
    }

    @Test
    void aMissingKeyIsFineUntilNeededAndABadOneSaysHowToMakeOne() {
        assertThat(CredentialCipher.fromEnvironment(Map.of())).isEmpty();
        assertThat(CredentialCipher.missing()).hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> CredentialCipher.fromEnvironment(Map.of("EARSHOT_SECRET_KEY", "c2hvcnQ=")))
                .isInstanceOf(CredentialCipher.MissingKeyException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> CredentialCipher.fromEnvironment(Map.of("EARSHOT_SECRET_KEY", "not base64!")))
                .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void tidsAreThirteenSortableCharacters() {
        String early = Tid.at(java.time.Instant.parse("2026-11-26T10:00:00Z"));
        String late = Tid.at(java.time.Instant.parse("2026-11-26T10:00:01Z"));
        assertThat(early).matches("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}");
        assertThat(early.compareTo(late)).isNegative();
    }
}
