package io.earshot.source.mastodon;

import io.earshot.domain.Post;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;

/**
 * Turns a status's {@code content} HTML into what a person sees, as plain text, plus the links and hashtags
 * its anchors carry. The HTML is only parsed (jsoup builds a tree; nothing is fetched, run or rendered) and
 * only text leaves this class, so hostile markup cannot reach anything that renders it.
 *
 * <p>What a person sees: paragraphs apart by a blank line, {@code <br>} as a line break, white space collapsed
 * as a browser does, entities decoded. Mastodon shortens long links by hiding parts of them in
 * {@code <span class="invisible">} and marking the cut with {@code class="ellipsis"}, so a link reads
 * {@code youtu.be/X_TLztvV4ns?si=uGz-23…} in the text while its full {@code href} goes to the links. Scripts,
 * styles, hidden elements and the {@code RE:} fallback Mastodon adds for clients that cannot show quotes are
 * dropped.
 */
final class StatusHtml {

    /** Real content nests about 4 deep; jsoup flattens anything deeper instead of growing the tree. */
    static final int MAX_DEPTH = 128;

    /** A status links a handful of pages; a hostile one cannot make the lists grow without bound. */
    static final int MAX_ENTITIES = 256;

    static final int MAX_URL_CHARS = 4096;

    /** Elements whose content is never shown as text. */
    private static final Set<String> UNSEEN = Set.of(
            "script",
            "style",
            "template",
            "noscript",
            "head",
            "title",
            "iframe",
            "object",
            "embed",
            "svg",
            "math",
            "textarea",
            "select",
            "audio",
            "video",
            "canvas",
            "frameset",
            "frame",
            "applet");

    /** Blocks that stand apart from their neighbours by a blank line. */
    private static final Set<String> PARAGRAPHS =
            Set.of("p", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "hr", "figure");

    /** Blocks that start on a line of their own. */
    private static final Set<String> LINES = Set.of(
            "div", "li", "tr", "dt", "dd", "header", "footer", "section", "article", "aside", "address", "figcaption");

    private StatusHtml() {}

    /** The text a person sees, and the links and hashtags (as written, without {@code #}) of its anchors. */
    record Extracted(String text, List<String> links, List<String> hashtags) {}

    static Extracted extract(String html) {
        if (html.isEmpty()) {
            return new Extracted("", List.of(), List.of());
        }
        // a fresh parser per call: jsoup parsers keep state while parsing
        Document document = Jsoup.parse(html, "", Parser.htmlParser().setMaxDepth(MAX_DEPTH));
        Walker walker = new Walker();
        walker.traverse(document.body());
        String text = walker.text.toString();
        return new Extracted(
                text.length() > Post.MAX_TEXT_CHARS ? text.substring(0, Post.MAX_TEXT_CHARS) : text,
                List.copyOf(walker.links),
                List.copyOf(walker.hashtags));
    }

    /** Whether {@code href} is a web link worth keeping: {@code http(s)://} only, never {@code javascript:}. */
    static boolean isWebLink(String href) {
        if (href.length() > MAX_URL_CHARS) {
            return false;
        }
        String lower = href.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            return false;
        }
        int hostStart = lower.indexOf("://") + 3;
        if (hostStart >= href.length() || "/?#".indexOf(href.charAt(hostStart)) >= 0) {
            return false;
        }
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    private static final class Walker implements NodeFilter {
        private final PlainText text = new PlainText();
        private final Set<String> links = new LinkedHashSet<>();
        private final List<String> hashtags = new ArrayList<>();
        private int preformatted;

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                if (preformatted > 0) {
                    text.verbatim(textNode.getWholeText());
                } else {
                    text.words(textNode.getWholeText());
                }
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE; // comments, doctypes, script data
            }
            String tag = element.normalName();
            if (UNSEEN.contains(tag)
                    || element.hasAttr("hidden")
                    || element.hasClass("invisible")
                    || element.hasClass("quote-inline")) {
                return FilterResult.SKIP_ENTIRELY;
            }
            switch (tag) {
                case "br" -> text.lineBreak();
                case "pre" -> preformatted++;
                case "a" -> anchor(element);
                default -> {}
            }
            if (PARAGRAPHS.contains(tag)) {
                text.blockBreak(2);
            } else if (LINES.contains(tag)) {
                text.blockBreak(1);
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("pre")) {
                    preformatted--;
                }
                if (element.hasClass("ellipsis")) {
                    text.verbatim("…"); // Mastodon's CSS draws it after the visible part of a shortened link
                }
                if (PARAGRAPHS.contains(tag)) {
                    text.blockBreak(2);
                } else if (LINES.contains(tag)) {
                    text.blockBreak(1);
                }
            }
            return FilterResult.CONTINUE;
        }

        private void anchor(Element anchor) {
            String rel = anchor.attr("rel").toLowerCase(Locale.ROOT);
            if (anchor.hasClass("hashtag") || rel.contains("tag")) {
                String tag = anchor.text().strip();
                tag = tag.startsWith("#") ? tag.substring(1).strip() : tag;
                if (!tag.isEmpty() && hashtags.size() < MAX_ENTITIES) {
                    hashtags.add(tag);
                }
                return;
            }
            if (anchor.hasClass("mention") || anchor.hasClass("u-url")) {
                return; // an account: the status's mentions list names it exactly
            }
            String href = anchor.attr("href").strip();
            if (isWebLink(href) && links.size() < MAX_ENTITIES) {
                links.add(href);
            }
        }
    }

    /**
     * Collects text the way a browser lays it out: runs of white space become one space, breaks between
     * blocks are kept (at most one blank line), and nothing leads or trails.
     */
    private static final class PlainText {
        private final StringBuilder out = new StringBuilder();
        private int pendingBreaks;
        private boolean pendingSpace;

        void words(String raw) {
            for (int i = 0; i < raw.length() && !full(); i++) {
                char c = raw.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0') {
                    pendingSpace = true;
                } else {
                    flushPending();
                    out.append(c);
                }
            }
        }

        void verbatim(String raw) {
            for (int i = 0; i < raw.length() && !full(); i++) {
                char c = raw.charAt(i);
                if (c == '\r') {
                    continue;
                }
                if (c == '\n') {
                    lineBreak();
                } else {
                    flushPending();
                    out.append(c);
                }
            }
        }

        void lineBreak() {
            pendingBreaks++;
        }

        void blockBreak(int lines) {
            pendingBreaks = Math.max(pendingBreaks, lines);
        }

        private void flushPending() {
            if (!out.isEmpty()) {
                if (pendingBreaks > 0) {
                    out.append(pendingBreaks >= 2 ? "\n\n" : "\n");
                } else if (pendingSpace) {
                    out.append(' ');
                }
            }
            pendingBreaks = 0;
            pendingSpace = false;
        }

        private boolean full() {
            return out.length() >= Post.MAX_TEXT_CHARS;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
