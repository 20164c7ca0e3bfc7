package io.earshot.enrich.text;

/**
 * What {@link TextFeatures} extracts; saved inside each model, so a model always sees text turned into
 * features exactly as it was when it was trained.
 *
 * @param bits hashed features go into {@code 2^bits} buckets
 * @param charMin shortest character n-gram (0 for none)
 * @param charMax longest character n-gram
 * @param wordBigrams whether pairs of adjacent tokens are features
 * @param maxChars how much of a long text is read
 */
public record FeatureSpec(int bits, int charMin, int charMax, boolean wordBigrams, int maxChars) {

    public FeatureSpec {
        if (bits < 8 || bits > 24) {
            throw new IllegalArgumentException("bits must be within 8..24, got " + bits);
        }
        if (charMin < 0 || charMax < charMin || charMax > 8) {
            throw new IllegalArgumentException("character n-grams must satisfy 0 <= min <= max <= 8");
        }
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive");
        }
    }

    public int buckets() {
        return 1 << bits;
    }
}
