package io.earshot.inbox.reply;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * AT Protocol timestamp identifiers, used as record keys: 53 bits of microseconds since the epoch and 10 bits of
 * clock id, written as 13 characters of sortable base32. A reply's record key is made once and sent with every
 * attempt, so a retried {@code createRecord} cannot make a second post.
 */
final class Tid {

    private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tid() {}

    static String at(Instant instant) {
        long micros = instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
        long value = ((micros & ((1L << 53) - 1)) << 10) | RANDOM.nextInt(1024);
        char[] out = new char[13];
        for (int i = 12; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value & 31));
            value >>>= 5;
        }
        return new String(out);
    }
}
