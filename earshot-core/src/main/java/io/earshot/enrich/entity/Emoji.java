package io.earshot.enrich.entity;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds emoji in text as whole sequences, the way a person sees them: a base pictograph with its
 * variation selector and skin tone, ZWJ families ({@code 👩‍👩‍👧}), flags (two regional indicators, or the
 * tag sequences of subdivision flags), and keycaps ({@code 1️⃣}). Works on plain Java properties
 * ({@link Character#isExtendedPictographic}), so it needs no Unicode library.
 */
public final class Emoji {

    private static final int ZWJ = 0x200D;
    private static final int VS16 = 0xFE0F;
    private static final int VS15 = 0xFE0E;
    private static final int KEYCAP = 0x20E3;

    private Emoji() {}

    /** Every emoji sequence in the text, in order, as written (skin tones and selectors kept). */
    public static List<String> find(String text) {
        List<String> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = sequenceEnd(text, i);
            if (end > i) {
                found.add(text.substring(i, end));
                i = end;
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        return found;
    }

    /**
     * The end (exclusive) of the emoji sequence that starts at {@code start}, or {@code start} when none
     * starts there. Unpaired surrogates are never part of a sequence.
     */
    public static int sequenceEnd(CharSequence text, int start) {
        if (start >= text.length()) {
            return start;
        }
        int first = Character.codePointAt(text, start);
        int next = start + Character.charCount(first);
        if (isRegionalIndicator(first)) {
            if (next < text.length() && isRegionalIndicator(Character.codePointAt(text, next))) {
                return next + 2;
            }
            return start;
        }
        if (isKeycapBase(first)) {
            int at = next;
            if (at < text.length() && text.charAt(at) == VS16) {
                at++;
            }
            return at < text.length() && text.charAt(at) == KEYCAP ? at + 1 : start;
        }
        if (!isPictographic(text, first, next)) {
            return start;
        }
        int end = extend(text, next);
        while (end + 1 < text.length() && text.charAt(end) == ZWJ) {
            int joined = Character.codePointAt(text, end + 1);
            int after = end + 1 + Character.charCount(joined);
            if (!Character.isExtendedPictographic(joined)) {
                break;
            }
            end = extend(text, after);
        }
        return end;
    }

    /** The sequence without skin tones and variation selectors: one key for every rendering. */
    public static String base(String sequence) {
        StringBuilder out = new StringBuilder(sequence.length());
        sequence.codePoints()
                .filter(cp -> cp != VS16 && cp != VS15 && !Character.isEmojiModifier(cp))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    // Text-default pictographs below U+2300 (©, ®, ™, ‼, arrows) read as punctuation unless a VS16 asks
    // for emoji style; pictographs above that are emoji in every social network's rendering.
    private static boolean isPictographic(CharSequence text, int codePoint, int next) {
        if (Character.isEmojiModifier(codePoint)) {
            return true;
        }
        if (!Character.isExtendedPictographic(codePoint)) {
            return false;
        }
        if (codePoint >= 0x2300) {
            return true;
        }
        return next < text.length() && text.charAt(next) == VS16;
    }

    // Selectors, a skin tone, and the tag characters of subdivision flags (🏴 + tags + cancel tag).
    private static int extend(CharSequence text, int at) {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == VS16 || c == VS15) {
                at++;
                continue;
            }
            int codePoint = Character.codePointAt(text, at);
            if (Character.isEmojiModifier(codePoint) || (codePoint >= 0xE0020 && codePoint <= 0xE007F)) {
                at += Character.charCount(codePoint);
                continue;
            }
            break;
        }
        return at;
    }

    private static boolean isRegionalIndicator(int codePoint) {
        return codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF;
    }

    private static boolean isKeycapBase(int codePoint) {
        return (codePoint >= '0' && codePoint <= '9') || codePoint == '#' || codePoint == '*';
    }
}
