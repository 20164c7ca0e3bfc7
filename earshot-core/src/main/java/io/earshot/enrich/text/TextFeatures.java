package io.earshot.enrich.text;

import java.util.List;
import java.util.Locale;

/**
 * Turns a post's text into the features of a linear model, the same way in training and at run time:
 *
 * <ul>
 *   <li>words, lower-cased, with elongation cut to two letters ({@code soooo} → {@code soo}); words inside a
 *       negation's scope (after {@code not}, {@code never}, {@code n't} … up to punctuation or "but") are
 *       different features ({@code NEG_good});
 *   <li>pairs of adjacent tokens, and character n-grams of each word (robust to misspellings);
 *   <li>every mention is {@code @user} and URLs are dropped, as in the public benchmark's test set;
 *   <li>hashtags as a tag and as their words ({@code #NeverAgain} → never, again);
 *   <li>emoji as themselves and as the words describing them; emoticons; {@code !}/{@code ?} runs;
 *   <li>flags: a word in capitals, an elongated word, a negation;
 *   <li>dense features from the VADER lexicon ({@link LexiconScores}).
 * </ul>
 *
 * Sparse features are hashed into {@link FeatureSpec#buckets()} buckets and scaled to unit length.
 * Immutable and thread-safe; {@link #extract} writes into a caller's scratch vector.
 */
public final class TextFeatures {

    /** How many dense features every vector carries. */
    public static final int DENSE = LexiconScores.COUNT;

    private static final int WORD = 0x77;
    private static final int BIGRAM = 0x62;
    private static final int CHARS = 0x63;
    private static final int TAG = 0x68;
    private static final int EMOJI = 0x65;
    private static final int EMOJI_WORD = 0x64;
    private static final int EMOTICON = 0x6f;
    private static final int MARK = 0x70;
    private static final int FLAG = 0x66;

    private final FeatureSpec spec;
    private final Tokenizer tokenizer;
    private final Lexicon lexicon;
    private final LexiconScores scores;
    private final int mask;

    public TextFeatures(FeatureSpec spec, Lexicon lexicon) {
        this.spec = spec;
        this.lexicon = lexicon;
        this.tokenizer = new Tokenizer(new Emoticons(lexicon.symbols()));
        this.scores = new LexiconScores(lexicon);
        this.mask = spec.buckets() - 1;
    }

    public FeatureSpec spec() {
        return spec;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** A scratch vector sized for these features. */
    public FeatureVector newVector() {
        return new FeatureVector(DENSE);
    }

    /** Clears {@code out} and fills it with the features of {@code text}. */
    public void extract(String text, FeatureVector out) {
        extract(tokenizer.tokenize(text, spec.maxChars()), out);
    }

    /**
     * Clears {@code out} and fills it with the features of already tokenized text (tokens from
     * {@link #tokenizer()}, read up to {@link FeatureSpec#maxChars()}), so that one tokenization can serve
     * several models.
     */
    public void extract(List<Token> tokens, FeatureVector out) {
        out.clear();
        int previous = hash(BIGRAM, "<s>");
        boolean negated = false;
        int capsWords = 0;
        int elongated = 0;
        int negations = 0;
        char[] buffer = new char[64];
        for (Token token : tokens) {
            String norm = token.norm();
            int unit;
            switch (token.type()) {
                case WORD -> {
                    unit = hash(WORD, norm);
                    add(out, negated ? hash(WORD, "NEG_" + norm) : unit);
                    buffer = charGrams(out, norm, buffer);
                    capsWords += token.allCaps() ? 1 : 0;
                    elongated += token.elongated() ? 1 : 0;
                    if (Cues.isNegator(norm)) {
                        negated = true;
                        negations++;
                    } else if (Cues.CONTRAST.contains(norm)) {
                        negated = false;
                    }
                }
                case HASHTAG -> {
                    unit = hash(TAG, norm);
                    add(out, unit);
                    for (String part : hashtagWords(token.raw())) {
                        add(out, hash(WORD, part));
                    }
                    buffer = charGrams(out, norm, buffer);
                }
                case NUMBER -> unit = hash(WORD, "<num>");
                case MENTION, CASHTAG -> {
                    unit = hash(WORD, token.type() == TokenType.MENTION ? "@user" : "$cashtag");
                    add(out, unit);
                }
                case EMOJI -> {
                    unit = hash(EMOJI, norm);
                    add(out, unit);
                    for (String word : lexicon.emojiWords(norm)) {
                        add(out, hash(EMOJI_WORD, word));
                    }
                }
                case EMOTICON -> {
                    unit = hash(EMOTICON, norm);
                    add(out, unit);
                }
                case PUNCTUATION -> {
                    negated = false;
                    if (norm.equals(".") || norm.equals(",") || norm.equals(";") || norm.equals(":")) {
                        continue;
                    }
                    unit = hash(MARK, norm);
                    add(out, unit);
                    if (token.raw().length() > 1) {
                        add(out, hash(MARK, norm + "+"));
                    }
                }
                case URL -> {
                    continue;
                }
                default -> throw new IllegalStateException("unhandled token type " + token.type());
            }
            if (spec.wordBigrams()) {
                add(out, mix(previous * 0x9E3779B1 + unit));
            }
            previous = unit;
        }
        if (spec.wordBigrams() && !tokens.isEmpty()) {
            add(out, mix(previous * 0x9E3779B1 + hash(BIGRAM, "</s>")));
        }
        flags(out, capsWords, elongated, negations, tokens);
        if (out.size() > 0) {
            out.scaleSparse((float) (1 / Math.sqrt(out.size())));
        }
        scores.score(tokens, out.dense(), 0);
    }

    private void flags(FeatureVector out, int capsWords, int elongated, int negations, List<Token> tokens) {
        add(out, hash(FLAG, "bias"));
        if (capsWords > 0) {
            add(out, hash(FLAG, capsWords > 1 ? "CAPS+" : "CAPS"));
        }
        if (elongated > 0) {
            add(out, hash(FLAG, "ELONG"));
        }
        if (negations > 0) {
            add(out, hash(FLAG, "NEG"));
        }
        if (!tokens.isEmpty()) {
            Token last = tokens.get(tokens.size() - 1);
            if (last.type() == TokenType.PUNCTUATION) {
                add(out, hash(FLAG, "end" + last.norm()));
            }
        }
    }

    // Character n-grams of "<word>", hashed straight from a reused buffer: no substring per n-gram.
    private char[] charGrams(FeatureVector out, String word, char[] buffer) {
        if (spec.charMin() == 0) {
            return buffer;
        }
        int length = word.length() + 2;
        char[] chars = buffer.length >= length ? buffer : new char[length * 2];
        chars[0] = '<';
        word.getChars(0, word.length(), chars, 1);
        chars[length - 1] = '>';
        for (int n = spec.charMin(); n <= spec.charMax() && n <= length; n++) {
            for (int start = 0; start + n <= length; start++) {
                int h = CHARS * 0x01000193 ^ n;
                for (int i = start; i < start + n; i++) {
                    h = (h ^ chars[i]) * 0x01000193;
                }
                add(out, mix(h));
            }
        }
        return chars;
    }

    // "#NeverAgain" → never, again; "#blessed" → blessed; splits at lower→upper and letter↔digit changes.
    static List<String> hashtagWords(String raw) {
        String tag = raw.substring(1);
        java.util.ArrayList<String> parts = new java.util.ArrayList<>(4);
        int start = 0;
        for (int i = 1; i < tag.length(); i++) {
            char before = tag.charAt(i - 1);
            char c = tag.charAt(i);
            boolean split = (Character.isLowerCase(before) && Character.isUpperCase(c))
                    || (Character.isLetter(before) != Character.isLetter(c) && Character.isLetterOrDigit(c))
                    || c == '_';
            if (split) {
                addPart(parts, tag.substring(start, i));
                start = c == '_' ? i + 1 : i;
            }
        }
        addPart(parts, tag.substring(Math.min(start, tag.length())));
        return parts;
    }

    private static void addPart(List<String> parts, String part) {
        String clean = part.replace("_", "");
        if (!clean.isEmpty()) {
            parts.add(clean.toLowerCase(Locale.ROOT));
        }
    }

    private void add(FeatureVector out, int hash) {
        out.add(hash & mask, 1f);
    }

    /** FNV-1a over the namespace and the characters, then a finaliser: stable across JVMs and runs. */
    static int hash(int namespace, String text) {
        int h = 0x811C9DC5 ^ namespace;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x01000193;
        }
        return mix(h);
    }

    // MurmurHash3's 32-bit finaliser: spreads FNV's low bits over the whole word before masking.
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
