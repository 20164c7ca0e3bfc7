package io.earshot.enrich.text;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises emoticons ({@code :)}, {@code :'(}, {@code <3}, {@code xD}, {@code ^_^} …). Two rules, because a
 * colon or a bracket is usually just punctuation: any known emoticon (the common ones plus the symbol
 * entries of the VADER lexicon) counts when it stands alone between spaces, and only the common ones count
 * when glued to a word ({@code great:)}).
 */
public final class Emoticons {

    // Common enough to be recognised even glued to a word, longest first so ":-))" wins over ":-)".
    private static final String[] COMMON = sortLongestFirst(
            ":)", ":-)", ":))", ":-))", ":)))", ":(", ":-(", ":((", ":-((", ":(((", ":D", ":-D", ";)", ";-)", ";))",
            ":P", ":p", ":-P", ":-p", ";P", ";p", ":'(", ":'-(", ":')", ":/", ":-/", ":|", ":-|", ":O", ":o", ":-O",
            ":-o", ":*", ":-*", ":3", "<3", "<33", "<333", "</3", "=)", "=(", "=D", "=]", "=[", ":]", ":[", ";D", "^^",
            "^_^", "^.^", "-_-", "T_T", ">:(", ">:)", "xD", "XD", "xd", "x-D", "o_O", "O_o", "o.O", ":@", ":S", ":s",
            ":$", "\\o/", ">.<", "-.-");

    private final Set<String> common = new HashSet<>(Arrays.asList(COMMON));
    private final Set<String> standalone;
    private final int longest;

    /** @param lexiconSymbols extra emoticons recognised when standing alone (e.g. the VADER lexicon's) */
    public Emoticons(Set<String> lexiconSymbols) {
        Set<String> all = new HashSet<>(common);
        for (String symbol : lexiconSymbols) {
            if (!symbol.isEmpty() && !Character.isLetterOrDigit(symbol.charAt(0)) && symbol.length() <= 10) {
                all.add(symbol);
            }
        }
        this.standalone = Set.copyOf(all);
        this.longest = standalone.stream().mapToInt(String::length).max().orElse(1);
    }

    /** Whether an emoticon may start with this character: a cheap test before {@link #match}. */
    boolean canStart(char c) {
        return !Character.isLetterOrDigit(c) || c == 'x' || c == 'X' || c == 'T' || c == 'o' || c == 'O';
    }

    /**
     * The end of the emoticon starting at {@code start}, or {@code start} when there is none.
     *
     * @param afterSpace whether {@code start} begins the text or follows white space
     */
    int match(String text, int start, int length, boolean afterSpace) {
        if (afterSpace) {
            int end = start;
            while (end < length && end - start <= longest && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            if (end - start >= 2 && end - start <= longest && standalone.contains(text.substring(start, end))) {
                return end;
            }
        }
        if (start > 0 && Character.isDigit(text.charAt(start - 1))) {
            return start; // 10:30, 3:2 — a time or a score, not a face
        }
        for (String emoticon : COMMON) {
            if (!text.startsWith(emoticon, start) || start + emoticon.length() > length) {
                continue;
            }
            int end = start + emoticon.length();
            boolean endsInLetter = Character.isLetterOrDigit(emoticon.charAt(emoticon.length() - 1));
            boolean startsWithLetter = Character.isLetter(emoticon.charAt(0));
            if ((endsInLetter || startsWithLetter) && end < length && Character.isLetterOrDigit(text.charAt(end))) {
                continue;
            }
            if (startsWithLetter && start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
                continue;
            }
            return end;
        }
        return start;
    }

    /** One spelling per face: lower case, no nose ({@code :-D} → {@code :d}). */
    String normalise(String emoticon) {
        String lower = emoticon.toLowerCase(Locale.ROOT);
        return lower.length() > 2 && lower.charAt(1) == '-' ? lower.charAt(0) + lower.substring(2) : lower;
    }

    private static String[] sortLongestFirst(String... emoticons) {
        return Arrays.stream(emoticons)
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toArray(String[]::new);
    }
}
