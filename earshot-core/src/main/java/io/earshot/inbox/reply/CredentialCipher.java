package io.earshot.inbox.reply;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts connected accounts' credentials at rest with AES-256-GCM: a fresh 96-bit nonce per value, a 128-bit
 * tag, and the account's label as associated data (a sealed value moved to another account does not open).
 * Sealed values look like {@code v1:<base64 nonce+ciphertext>}.
 *
 * <p>The key comes from {@code EARSHOT_SECRET_KEY}: 32 random bytes in base64 ({@code openssl rand -base64 32}).
 * Lose it and the stored credentials cannot be read: connect the accounts again.
 */
public final class CredentialCipher {

    /** The environment variable that holds the key. */
    public static final String KEY_VARIABLE = "EARSHOT_SECRET_KEY";

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** Thrown when credentials must be read or written and no usable key is set. */
    public static final class MissingKeyException extends RuntimeException {
        MissingKeyException(String message) {
            super(message);
        }
    }

    /** Thrown when a sealed value does not open: another key, or damaged. */
    public static final class UnreadableSecretException extends RuntimeException {
        UnreadableSecretException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public CredentialCipher(byte[] key) {
        if (key.length != 32) {
            throw new MissingKeyException(KEY_VARIABLE + " must be 32 bytes in base64 (it is " + key.length
                    + " bytes); make one with: openssl rand -base64 32");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /**
     * The cipher for the key in {@code env}; empty when the variable is not set (Earshot runs without it until an
     * account is connected).
     *
     * @throws MissingKeyException when the variable is set but is not 32 bytes of base64
     */
    public static Optional<CredentialCipher> fromEnvironment(Map<String, String> env) {
        String value = env.get(KEY_VARIABLE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CredentialCipher(Base64.getDecoder().decode(value.strip())));
        } catch (IllegalArgumentException e) {
            throw new MissingKeyException(
                    KEY_VARIABLE + " is not valid base64; make a key with: openssl rand -base64 32");
        }
    }

    /** The message for a server with accounts to use and no key. */
    public static MissingKeyException missing() {
        return new MissingKeyException("connected accounts need " + KEY_VARIABLE + " to encrypt their credentials;"
                + " set it to 32 random bytes in base64 (openssl rand -base64 32) and restart Earshot");
    }

    public String seal(String plain, String label) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(label.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK: " + e.getMessage(), e);
        }
    }

    public String open(String sealed, String label) {
        if (!sealed.startsWith(VERSION)) {
            throw new UnreadableSecretException("stored credentials are not in a format this Earshot reads", null);
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(label.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnreadableSecretException(
                    "stored credentials do not open with this " + KEY_VARIABLE
                            + " (was the key changed?); connect the account again",
                    e);
        }
    }
}
