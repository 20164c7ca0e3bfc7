package io.earshot.embedded.archive;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words {@code top?by=terms} and {@code trending?by=terms} count: runs of letters and digits, lower-cased,
 * 3 to 30 characters, not all digits, not a common English word; links, hashtags and {@code @mentions} are
 * left out (they have their own columns). Deliberately cheaper than the search analyser: it runs on every
 * archived post.
 */
final class TermExtractor {

    static final int MAX_TERMS = 64;

    private static final Set<String> STOP_WORDS = Set.of(
            "the", "and", "for", "are", "but", "not", "you", "your", "all", "any", "can", "had", "her", "was", "one",
            "our", "out", "has", "have", "him", "his", "how", "its", "may", "new", "now", "old", "see", "two", "who",
            "did", "get", "got", "let", "say", "she", "too", "use", "that", "this", "with", "from", "they", "them",
            "then", "than", "there", "their", "what", "when", "where", "which", "while", "will", "would", "could",
            "should", "been", "being", "were", "into", "just", "also", "about", "over", "some", "such", "only", "very",
            "more", "most", "much", "many", "like", "because", "these", "those", "here", "after", "before", "again",
            "each", "other", "same", "both", "does", "doing", "done", "dont", "didnt", "isnt", "cant", "wont", "youre",
            "thats", "why", "yes", "yet", "off", "own", "via", "amp", "http", "https", "www");

    private TermExtractor() {}

    static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        int length = text.length();
        int i = 0;
        while (i < length && terms.size() < MAX_TERMS) {
            // one whitespace-separated chunk at a time: links and handles are skipped whole
            while (i < length && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int chunkStart = i;
            while (i < length && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (chunkStart == i || skipped(text, chunkStart, i)) {
                continue;
            }
            int j = chunkStart;
            while (j < i) {
                while (j < i && !Character.isLetterOrDigit(text.charAt(j))) {
                    j++;
                }
                int start = j;
                boolean letter = false;
                while (j < i && Character.isLetterOrDigit(text.charAt(j))) {
                    letter |= Character.isLetter(text.charAt(j));
                    j++;
                }
                int size = j - start;
                if (letter && size >= 3 && size <= 30) {
                    String word = text.substring(start, j).toLowerCase(Locale.ROOT);
                    if (!STOP_WORDS.contains(word)) {
                        terms.add(word);
                    }
                }
            }
        }
        return terms;
    }

    private static boolean skipped(String text, int start, int end) {
        char first = text.charAt(start);
        if (first == '#' || first == '@') {
            return true;
        }
        String chunk = text.substring(start, end);
        return chunk.contains("://") || chunk.regionMatches(true, 0, "www.", 0, 4);
    }
}
