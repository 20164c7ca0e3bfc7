package io.earshot.source.feed;

/** Text from the network made safe to put in a log line or a status: no control characters, bounded length. */
final class Printable {

    private Printable() {}

    static String clip(String text, int maxChars) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars + 1));
        for (int i = 0; i < text.length() && out.length() < maxChars; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return text.length() > maxChars ? out.append('…').toString() : out.toString();
    }
}
