package io.earshot.enrich.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The VADER sentiment lexicon (7,520 words, emoticons and slang with a valence from −4 to +4) and its emoji
 * descriptions ({@code 😂} → "face with tears of joy"), from Hutto &amp; Gilbert, ICWSM 2014, MIT licence (the
 * notice ships beside the resources as {@code VADER-LICENSE.txt}). Loaded once; immutable; thread-safe.
 *
 * <p>{@link #checksum()} identifies the exact lexicon, so a trained model can refuse to run with a
 * lexicon other than the one it was trained with.
 */
public final class Lexicon {

    private static final String VADER = "vader-lexicon.tsv";
    private static final String EMOJI = "emoji-lexicon.tsv";

    private final Map<String, Float> valence;
    private final Map<String, List<String>> emojiWords;
    private final long checksum;

    private Lexicon(Map<String, Float> valence, Map<String, List<String>> emojiWords, long checksum) {
        this.valence = valence;
        this.emojiWords = emojiWords;
        this.checksum = checksum;
    }

    /** The lexicon shipped with Earshot. */
    public static Lexicon shipped() {
        return Holder.SHIPPED;
    }

    /** The valence of a token (−4..+4), when the lexicon knows it. */
    public Optional<Float> valence(String token) {
        return Optional.ofNullable(valence.get(token));
    }

    float valenceOrZero(String token) {
        Float value = valence.get(token);
        return value == null ? 0f : value;
    }

    boolean contains(String token) {
        return valence.containsKey(token);
    }

    /** The words describing an emoji sequence (skin tones and selectors removed), or an empty list. */
    public List<String> emojiWords(String baseSequence) {
        return emojiWords.getOrDefault(baseSequence, List.of());
    }

    java.util.Set<String> symbols() {
        return valence.keySet();
    }

    /** A CRC-32 of both lexicon files as shipped. */
    public long checksum() {
        return checksum;
    }

    private static final class Holder {
        static final Lexicon SHIPPED = load();
    }

    private static Lexicon load() {
        CRC32 crc = new CRC32();
        Map<String, Float> valence = new HashMap<>();
        for (String[] row : rows(VADER, crc)) {
            valence.put(row[0], Float.parseFloat(row[1]));
        }
        Map<String, List<String>> emoji = new HashMap<>();
        for (String[] row : rows(EMOJI, crc)) {
            String key = io.earshot.enrich.entity.Emoji.base(row[0]);
            emoji.putIfAbsent(key, List.of(row[1].toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
        }
        return new Lexicon(Map.copyOf(valence), Map.copyOf(emoji), crc.getValue());
    }

    private static List<String[]> rows(String resource, CRC32 crc) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("lexicon resource missing from the classpath: " + resource);
            }
            byte[] bytes = in.readAllBytes();
            crc.update(bytes);
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
                return reader.lines()
                        .map(line -> line.split("\t"))
                        .filter(row -> row.length >= 2 && !row[0].isEmpty())
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + resource, e);
        }
    }
}
