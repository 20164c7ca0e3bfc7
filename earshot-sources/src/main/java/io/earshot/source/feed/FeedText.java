package io.earshot.source.feed;

import io.earshot.domain.Post;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;

/**
 * A feed item's HTML as the plain text a reader sees, and the links in it. The HTML is only parsed (jsoup builds
 * a tree; nothing is fetched, run or rendered) and only text and {@code http(s)} addresses leave this class, so
 * hostile markup cannot reach anything downstream. Scripts, styles, hidden and embedded elements are dropped;
 * blocks are kept apart by line breaks; white space collapses as a browser collapses it; entities are decoded.
 */
final class FeedText {

    /** Real content nests a few levels; jsoup flattens anything deeper instead of growing the tree. */
    static final int MAX_DEPTH = 128;

    /** An article links a few dozen pages; a hostile one cannot make the list grow without bound. */
    static final int MAX_LINKS = 64;

    static final int MAX_URL_CHARS = 4096;

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
            "applet",
            "form",
            "button");

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "br",
            "li",
            "tr",
            "blockquote",
            "pre",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "table",
            "hr",
            "figure",
            "figcaption",
            "dt",
            "dd",
            "section",
            "article",
            "header",
            "footer",
            "aside");

    private FeedText() {}

    /** Plain text and the {@code http(s)} links of the anchors, in order, without repeats. */
    record Extracted(String text, List<String> links) {}

    static Extracted fromHtml(String html) {
        if (html.isBlank()) {
            return new Extracted("", List.of());
        }
        Walker walker = new Walker();
        walker.traverse(Jsoup.parse(html, "", Parser.htmlParser().setMaxDepth(MAX_DEPTH))
                .body());
        return new Extracted(walker.text.toString(), List.copyOf(walker.links));
    }

    /** Text that is already plain: white space collapsed, line breaks kept, nothing else touched. */
    static String fromPlain(String text) {
        PlainText out = new PlainText();
        for (String line : text.split("\r\n|\r|\n", -1)) {
            out.words(line);
            out.lineBreak();
        }
        return out.toString();
    }

    /** Whether {@code href} is a web address worth keeping: {@code http(s)://host…}, never {@code javascript:}. */
    static boolean isWebLink(String href) {
        if (href.length() > MAX_URL_CHARS) {
            return false;
        }
        String lower = href.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            return false;
        }
        int host = lower.indexOf("://") + 3;
        if (host >= href.length() || "/?#".indexOf(href.charAt(host)) >= 0) {
            return false;
        }
        return href.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    private static final class Walker implements NodeFilter {
        private final PlainText text = new PlainText();
        private final Set<String> links = new LinkedHashSet<>();

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                text.words(textNode.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE; // comments, doctypes, script data
            }
            String tag = element.normalName();
            if (UNSEEN.contains(tag) || element.hasAttr("hidden")) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("a")) {
                String href = element.attr("href").strip();
                if (isWebLink(href) && links.size() < MAX_LINKS) {
                    links.add(href);
                }
            }
            if (BLOCKS.contains(tag)) {
                text.lineBreak();
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                text.lineBreak();
            }
            return FilterResult.CONTINUE;
        }
    }

    /** Text laid out as a browser would: runs of white space become one space, nothing leads or trails. */
    private static final class PlainText {
        private final StringBuilder out = new StringBuilder();
        private boolean pendingBreak;
        private boolean pendingSpace;

        void words(String raw) {
            for (int i = 0; i < raw.length() && out.length() < Post.MAX_TEXT_CHARS; i++) {
                char c = raw.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0') {
                    pendingSpace = true;
                } else if (!Character.isISOControl(c)) {
                    if (!out.isEmpty()) {
                        out.append(pendingBreak ? "\n" : pendingSpace ? " " : "");
                    }
                    pendingBreak = false;
                    pendingSpace = false;
                    out.append(c);
                }
            }
        }

        void lineBreak() {
            pendingBreak = true;
        }

        @Override
        public String toString() {
            // the last character may have brought a separator with it past the limit
            return out.length() > Post.MAX_TEXT_CHARS ? out.substring(0, Post.MAX_TEXT_CHARS) : out.toString();
        }
    }
}
