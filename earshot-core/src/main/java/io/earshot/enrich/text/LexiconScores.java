package io.earshot.enrich.text;

import java.util.List;

/**
 * VADER's rules, as dense features for a learned model rather than as the final answer: each lexicon
 * word's valence, raised by a preceding booster ("very good") and by capitals ("GOOD" among lower-case
 * words), flipped and damped by a negator among the three words before it ("not good"), halved before a
 * "but" and raised by half after it; emoji count by the valence of the words that describe them.
 */
final class LexiconScores {

    /** How many dense features {@link #score} writes. */
    static final int COUNT = 10;

    private static final float CAPS_BOOST = 0.733f;
    private static final float NEGATION_SCALAR = -0.74f;

    private final Lexicon lexicon;

    LexiconScores(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Writes {@link #COUNT} features, each roughly within −1..1, into {@code out} from {@code offset}. */
    void score(List<Token> tokens, float[] out, int offset) {
        int words = 0;
        int capsWords = 0;
        int exclamations = 0;
        int lastContrast = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.type() == TokenType.WORD) {
                words++;
                capsWords += token.allCaps() ? 1 : 0;
                if (Cues.CONTRAST.contains(token.norm())) {
                    lastContrast = i;
                }
            } else if (token.type() == TokenType.PUNCTUATION && token.norm().contains("!")) {
                exclamations += token.raw().length();
            }
        }
        boolean shouting = words > 0 && capsWords == words;
        float sum = 0;
        float afterContrast = 0;
        float positive = 0;
        float negative = 0;
        int positives = 0;
        int negatives = 0;
        float last = 0;
        float max = 0;
        float min = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            float valence = valence(token);
            if (valence == 0) {
                continue;
            }
            if (token.allCaps() && !shouting) {
                valence += Math.signum(valence) * CAPS_BOOST;
            }
            valence = modifiedByPrecedingWords(tokens, i, valence);
            if (lastContrast >= 0) {
                valence *= i < lastContrast ? 0.5f : 1.5f;
            }
            if (i > lastContrast && lastContrast >= 0) {
                afterContrast += valence;
            }
            sum += valence;
            last = valence;
            max = Math.max(max, valence);
            min = Math.min(min, valence);
            if (valence > 0) {
                positive += valence;
                positives++;
            } else {
                negative -= valence;
                negatives++;
            }
        }
        if (sum != 0) {
            sum += Math.signum(sum) * Math.min(exclamations, 4) * 0.292f;
        }
        out[offset] = normalise(sum);
        out[offset + 1] = (float) StrictMath.tanh(positive / 4);
        out[offset + 2] = (float) StrictMath.tanh(negative / 4);
        out[offset + 3] = Math.min(positives, 5) / 5f;
        out[offset + 4] = Math.min(negatives, 5) / 5f;
        out[offset + 5] = last / 4;
        out[offset + 6] = normalise(afterContrast);
        out[offset + 7] = Math.min(max, 4) / 4;
        out[offset + 8] = Math.max(min, -4) / 4;
        out[offset + 9] = Math.min(exclamations, 4) / 4f;
    }

    /** The lexicon valence of one token (0 when none), looking through elongation and emoji. */
    float valence(Token token) {
        return switch (token.type()) {
            case WORD, HASHTAG -> wordValence(token);
            case EMOTICON -> {
                float raw = lexicon.valenceOrZero(token.raw());
                yield raw != 0 ? raw : lexicon.valenceOrZero(token.norm());
            }
            case EMOJI -> {
                float total = 0;
                for (String word : lexicon.emojiWords(token.norm())) {
                    total += lexicon.valenceOrZero(word);
                }
                yield Math.max(-4, Math.min(4, total));
            }
            default -> 0;
        };
    }

    private float wordValence(Token token) {
        String norm = token.norm();
        if (Cues.BOOSTERS.containsKey(norm) || Cues.isNegator(norm)) {
            return 0;
        }
        float valence = lexicon.valenceOrZero(norm);
        if (valence != 0 || !token.elongated()) {
            return valence;
        }
        // "happyyy" was cut to "happyy": try each doubled letter as a single one.
        for (int i = 1; i < norm.length(); i++) {
            if (norm.charAt(i) == norm.charAt(i - 1)) {
                valence = lexicon.valenceOrZero(norm.substring(0, i) + norm.substring(i + 1));
                if (valence != 0) {
                    return valence;
                }
            }
        }
        return 0;
    }

    private static float modifiedByPrecedingWords(List<Token> tokens, int index, float valence) {
        int seen = 0;
        for (int j = index - 1; j >= 0 && seen < 3; j--) {
            Token before = tokens.get(j);
            if (before.type() == TokenType.PUNCTUATION && !before.norm().equals("!")) {
                break;
            }
            if (before.type() != TokenType.WORD) {
                continue;
            }
            Float boost = Cues.BOOSTERS.get(before.norm());
            if (boost != null) {
                float damping = seen == 0 ? 1f : seen == 1 ? 0.95f : 0.9f;
                float scalar = boost * damping * (before.allCaps() ? 1.5f : 1f);
                valence += Math.signum(valence) * scalar;
            }
            if (Cues.isNegator(before.norm())) {
                valence *= NEGATION_SCALAR;
                break;
            }
            seen++;
        }
        return valence;
    }

    private static float normalise(float score) {
        return (float) (score / Math.sqrt(score * score + 15));
    }
}
