package io.earshot.testkit.feed;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Documents to serve or to write to files in feed tests: small RSS feeds built from items, and the hostile or
 * broken documents real feeds turn out to be (XML bombs, external entities, HTML error pages).
 */
public final class FeedBodies {

    private FeedBodies() {}

    /** One RSS item; empty parts are left out of the XML. */
    public record Item(
            Optional<String> guid,
            Optional<String> title,
            Optional<String> link,
            Optional<String> description,
            Optional<ZonedDateTime> published) {

        /** The same item with another description (HTML, escaped into the XML). */
        public Item withDescription(String html) {
            return new Item(guid, title, link, Optional.of(html), published);
        }

        public Item withLink(String url) {
            return new Item(guid, title, Optional.of(url), description, published);
        }

        public Item withPublished(ZonedDateTime when) {
            return new Item(guid, title, link, description, Optional.of(when));
        }
    }

    /** An item with a GUID, a title, a link {@code https://example.com/<guid>} and a description. */
    public static Item item(String guid, String title) {
        return new Item(
                Optional.of(guid),
                Optional.of(title),
                Optional.of("https://example.com/" + guid),
                Optional.of("<p>" + title + " in <b>detail</b></p>"),
                Optional.empty());
    }

    /** An RSS 2.0 feed in UTF-8 with the items given, in order. */
    public static String rss(String title, Item... items) {
        return rss(title, List.of(items));
    }

    public static String rss(String title, List<Item> items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n")
                .append("<channel><title>")
                .append(escape(title))
                .append("</title><link>https://example.com/</link><language>en-us</language>\n");
        for (Item item : items) {
            xml.append("<item>");
            item.guid()
                    .ifPresent(guid -> xml.append("<guid isPermaLink=\"false\">")
                            .append(escape(guid))
                            .append("</guid>"));
            item.title().ifPresent(t -> xml.append("<title>").append(escape(t)).append("</title>"));
            item.link()
                    .ifPresent(link -> xml.append("<link>").append(escape(link)).append("</link>"));
            item.description()
                    .ifPresent(
                            d -> xml.append("<description>").append(escape(d)).append("</description>"));
            item.published()
                    .ifPresent(when -> xml.append("<pubDate>")
                            .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                    when.withZoneSameInstant(ZoneOffset.UTC)))
                            .append("</pubDate>"));
            xml.append("</item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    /** The classic "billion laughs": ten levels of entities, each ten of the one below; 3 GB expanded. */
    public static String billionLaughs() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n <!ENTITY lol \"lol\">\n");
        for (int level = 1; level <= 9; level++) {
            xml.append(" <!ENTITY lol").append(level).append(" \"");
            String below = level == 1 ? "lol" : "lol" + (level - 1);
            xml.append(("&" + below + ";").repeat(10)).append("\">\n");
        }
        return xml.append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>\n")
                .toString();
    }

    /** The quadratic blowup: one entity of {@code kib} KiB, referenced {@code kib × 1024} times. */
    public static String quadraticBlowup(int kib) {
        String big = "x".repeat(kib * 1024);
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY big \"" + big + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>t</title><item><description>"
                + "&big;".repeat(kib * 1024) + "</description></item></channel></rss>\n";
    }

    /** A feed whose title is an external entity: whoever expands it reads {@code target} (a file, a URL). */
    public static String externalEntity(URI target) {
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY secret SYSTEM \"" + target + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>&secret;</title><item><title>x</title>"
                + "<description>&secret;</description></item></channel></rss>\n";
    }

    /** A parameter entity that pulls in an external DTD: the other way to make a parser fetch. */
    public static String externalParameterEntity(URI target) {
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY % remote SYSTEM \"" + target + "\"> %remote;]>\n"
                + "<rss version=\"2.0\"><channel><title>t</title></channel></rss>\n";
    }

    /** A feed whose DOCTYPE names an external DTD (harmless unless a parser fetches it). */
    public static String externalDtd(URI dtd) {
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"" + dtd + "\">\n"
                + "<rss version=\"0.91\"><channel><title>t</title><link>https://example.com/</link>"
                + "<description>d</description><item><title>one</title><link>https://example.com/1</link></item>"
                + "</channel></rss>\n";
    }

    /** What a site serves with status 200 when the feed moved or broke: its HTML page. */
    public static String htmlErrorPage() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Page not found</title>"
                + "<link rel=\"stylesheet\" href=\"/site.css\"></head>\n<body><h1>Sorry, this page does not"
                + " exist</h1><p>Try the <a href=\"/\">home page</a>.<br></body></html>\n";
    }

    /** Escapes text for XML content and attribute values. */
    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
