package io.earshot.enrich.text;

import io.earshot.enrich.entity.Emoji;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A one-pass tokenizer for social-media text: URLs, {@code @mentions} (Bluesky handles and Mastodon
 * {@code @user@host} included), {@code #hashtags}, {@code $CASHTAGS}, emoji sequences, emoticons, words
 * (with inner apostrophes: {@code don't}), numbers and the punctuation that carries tone ({@code !}, {@code ?}).
 *
 * <p>It never throws: unpaired surrogates, control characters and other symbols are skipped. It is
 * stateless and thread-safe. The same tokenizer runs in training and at run time, so a model sees text
 * normalised the same way in both.
 */
public final class Tokenizer {

    private final Emoticons emoticons;

    public Tokenizer(Emoticons emoticons) {
        this.emoticons = emoticons;
    }

    /** A tokenizer that knows the shipped lexicon's emoticons. */
    public static Tokenizer shipped() {
        return Holder.SHIPPED;
    }

    private static final class Holder {
        static final Tokenizer SHIPPED =
                new Tokenizer(new Emoticons(Lexicon.shipped().symbols()));
    }

    /** The tokens of {@code text}, looking at most at its first {@code maxChars} characters. */
    public List<Token> tokenize(String text, int maxChars) {
        int length = Math.min(text.length(), maxChars);
        List<Token> tokens = new ArrayList<>(Math.min(64, length / 3 + 4));
        int i = 0;
        while (i < length) {
            i = next(text, i, length, tokens);
        }
        return tokens;
    }

    /** The tokens of the whole text. */
    public List<Token> tokenize(String text) {
        return tokenize(text, text.length());
    }

    // Reads one token (or skips one character) at i and returns where to go on.
    private int next(String text, int i, int length, List<Token> out) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c) || Character.isISOControl(c)) {
            return i + 1;
        }
        boolean boundary = i == 0 || !isWordChar(text.charAt(i - 1));
        if (boundary && (c == 'h' || c == 'H' || c == 'w' || c == 'W')) {
            int end = urlEnd(text, i, length);
            if (end > i) {
                out.add(Token.of(TokenType.URL, text.substring(i, end), ""));
                return end;
            }
        }
        int emojiEnd = Emoji.sequenceEnd(text, i);
        if (emojiEnd > i && emojiEnd <= length) {
            String raw = text.substring(i, emojiEnd);
            out.add(Token.of(TokenType.EMOJI, raw, Emoji.base(raw)));
            return emojiEnd;
        }
        if (emoticons.canStart(c)) {
            int end = emoticons.match(text, i, length, i == 0 || Character.isWhitespace(text.charAt(i - 1)));
            if (end > i) {
                String raw = text.substring(i, end);
                out.add(Token.of(TokenType.EMOTICON, raw, emoticons.normalise(raw)));
                return end;
            }
        }
        if (boundary && c == '@' && i + 1 < length && isHandleStart(text.charAt(i + 1))) {
            return mention(text, i, length, out);
        }
        if (boundary && (c == '#' || c == '＃') && i + 1 < length) {
            int end = hashtagEnd(text, i + 1, length);
            if (end > i + 1) {
                String tag = text.substring(i + 1, end);
                out.add(Token.of(TokenType.HASHTAG, text.substring(i, end), tag.toLowerCase(Locale.ROOT)));
                return end;
            }
        }
        if (boundary && c == '$') {
            int end = cashtagEnd(text, i + 1, length);
            if (end > i) {
                String symbol = text.substring(i + 1, end).toUpperCase(Locale.ROOT);
                out.add(Token.of(TokenType.CASHTAG, text.substring(i, end), "$" + symbol));
                return end;
            }
        }
        int codePoint = text.codePointAt(i);
        if (Character.isLetterOrDigit(codePoint)) {
            return word(text, i, length, out);
        }
        if (c == '!' || c == '?') {
            int end = i;
            boolean question = false;
            boolean exclamation = false;
            while (end < length && (text.charAt(end) == '!' || text.charAt(end) == '?')) {
                question |= text.charAt(end) == '?';
                exclamation |= text.charAt(end) == '!';
                end++;
            }
            String norm = question && exclamation ? "?!" : question ? "?" : "!";
            out.add(Token.of(TokenType.PUNCTUATION, text.substring(i, end), norm));
            return end;
        }
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '…') {
            out.add(Token.of(TokenType.PUNCTUATION, String.valueOf(c), c == '…' ? "." : String.valueOf(c)));
            return i + 1;
        }
        return i + Character.charCount(codePoint);
    }

    private static int word(String text, int start, int length, List<Token> out) {
        StringBuilder norm = new StringBuilder(16);
        int i = start;
        int letters = 0;
        int upper = 0;
        int digits = 0;
        boolean elongated = false;
        int last = -1;
        int run = 0;
        while (i < length) {
            int cp = text.codePointAt(i);
            boolean apostrophe = (cp == '\'' || cp == '’')
                    && letters > 0
                    && i + 1 < length
                    && Character.isLetter(text.codePointAt(i + 1));
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
            if (!Character.isLetterOrDigit(cp) && !apostrophe && !mark) {
                break;
            }
            int lower = apostrophe ? '\'' : Character.toLowerCase(cp);
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.isUpperCase(cp)) {
                    upper++;
                }
            } else if (Character.isDigit(cp)) {
                digits++;
            }
            run = lower == last ? run + 1 : 1;
            last = lower;
            if (run <= 2) {
                norm.appendCodePoint(lower);
            } else if (Character.isLetter(cp)) {
                elongated = true;
            } else {
                norm.appendCodePoint(lower);
            }
            i += Character.charCount(cp);
        }
        String raw = text.substring(start, i);
        TokenType type = letters == 0 && digits > 0 ? TokenType.NUMBER : TokenType.WORD;
        boolean allCaps = letters >= 2 && upper == letters;
        out.add(new Token(type, raw, norm.toString(), allCaps, elongated));
        return i;
    }

    private static int mention(String text, int start, int length, List<Token> out) {
        int end = start + 1;
        boolean host = false;
        while (end < length) {
            char c = text.charAt(end);
            if (isHandleStart(c) || c == '.' || c == '-') {
                end++;
            } else if (c == '@' && !host && end + 1 < length && isHandleStart(text.charAt(end + 1))) {
                host = true;
                end++;
            } else {
                break;
            }
        }
        while (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-') {
            end--;
        }
        out.add(Token.of(TokenType.MENTION, text.substring(start, end), "@user"));
        return end;
    }

    private static int hashtagEnd(String text, int start, int length) {
        int end = start;
        boolean letter = false;
        while (end < length) {
            int cp = text.codePointAt(end);
            int type = Character.getType(cp);
            if (Character.isLetterOrDigit(cp)
                    || cp == '_'
                    || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                letter |= Character.isLetter(cp);
                end += Character.charCount(cp);
            } else {
                break;
            }
        }
        return letter ? end : start;
    }

    // $TSLA, $BRK.B: one to six ASCII letters, an optional one- or two-letter class, then no letter.
    private static int cashtagEnd(String text, int start, int length) {
        int end = start;
        while (end < length && end - start < 7 && isAsciiLetter(text.charAt(end))) {
            end++;
        }
        int letters = end - start;
        if (letters == 0 || letters > 6) {
            return start - 1;
        }
        if (end + 1 < length
                && (text.charAt(end) == '.' || text.charAt(end) == '-')
                && isAsciiLetter(text.charAt(end + 1))) {
            int suffix = end + 1;
            while (suffix < length && suffix - end <= 3 && isAsciiLetter(text.charAt(suffix))) {
                suffix++;
            }
            if (suffix - end <= 3 && (suffix == length || !Character.isLetterOrDigit(text.charAt(suffix)))) {
                end = suffix;
            }
        }
        if (end < length && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            return start - 1;
        }
        return end;
    }

    // http://, https:// or www. up to white space; trailing punctuation and unbalanced ')' stay outside.
    private static int urlEnd(String text, int start, int length) {
        int body;
        if (text.regionMatches(true, start, "https://", 0, 8)) {
            body = start + 8;
        } else if (text.regionMatches(true, start, "http://", 0, 7)) {
            body = start + 7;
        } else if (text.regionMatches(true, start, "www.", 0, 4)) {
            body = start + 4;
        } else {
            return start;
        }
        int end = body;
        int open = 0;
        while (end < length) {
            char c = text.charAt(end);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '"' || c == '<' || c == '>') {
                break;
            }
            if (Character.isSurrogate(c) && Emoji.sequenceEnd(text, end) > end) {
                break;
            }
            open += c == '(' ? 1 : c == ')' ? -1 : 0;
            end++;
        }
        while (end > body) {
            char c = text.charAt(end - 1);
            if (".,;:!?'\"…".indexOf(c) >= 0 || (c == ')' && open < 0)) {
                open += c == ')' ? 1 : 0;
                end--;
            } else {
                break;
            }
        }
        return end > body ? end : start;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isHandleStart(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
