package io.earshot.source.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;

/**
 * Bytes to a ROME {@link SyndFeed}, or an {@link UnreadableFeedException} that says why not.
 *
 * <p>The bytes go through ROME's {@link XmlReader}, which picks the encoding the way the XML and HTTP specs say
 * (byte-order mark, then the HTTP {@code charset}, then the XML declaration) and, being lenient, falls back
 * instead of failing on a feed that declares one encoding and uses another; bytes that do not decode become
 * U+FFFD rather than losing the feed; an encoding Java does not know is read as UTF-8. ROME's {@link XmlFixerReader} then heals what real feeds get wrong: white
 * space or comments before the XML declaration, and HTML entities such as {@code &nbsp;} that XML does not know.
 * Parsing is {@link SafeXml}'s. Before any of that, the start of the text is looked at, so an HTML error page
 * served with status 200, a JSON document or plain text is named for what it is.
 */
final class FeedDocument {

    static final String HTML_PAGE = "not a feed: got an HTML page";

    /** How much of the text is looked at to tell a feed from an HTML page or JSON. */
    private static final int SNIFF_CHARS = 4096;

    private FeedDocument() {}

    /** Reads a feed; {@code contentType} is the HTTP {@code Content-Type}, when the bytes came over HTTP. */
    static SyndFeed read(byte[] body, Optional<String> contentType) {
        if (body.length == 0) {
            throw new UnreadableFeedException("not a feed: the document is empty");
        }
        try (BufferedReader text = new BufferedReader(decode(body, contentType), SNIFF_CHARS * 2)) {
            sniff(text, contentType);
            Document document = parse(text, contentType);
            String root = document.getRootElement().getName().toLowerCase(Locale.ROOT);
            if (root.equals("html")) {
                throw new UnreadableFeedException(HTML_PAGE);
            }
            WireFeed wire;
            try {
                wire = new WireFeedInput().build(document);
            } catch (IllegalArgumentException unknownType) {
                throw new UnreadableFeedException("not a feed: the root element is <"
                        + document.getRootElement().getQualifiedName() + ">, not RSS or Atom");
            } catch (FeedException e) {
                throw new UnreadableFeedException("not a valid feed: " + e.getMessage());
            }
            return new SyndFeedImpl(wire);
        } catch (IOException e) {
            throw new UnreadableFeedException("cannot read the text: " + e.getMessage());
        }
    }

    private static Reader decode(byte[] body, Optional<String> contentType) {
        InputStream in = new ByteArrayInputStream(body);
        try {
            // lenient: a feed whose declared and actual encodings disagree is read as best we can, not refused
            return contentType.isPresent() ? new XmlReader(in, contentType.get(), true) : new XmlReader(in, true);
        } catch (IOException unknownEncoding) {
            // an encoding Java does not know (a typo, a private name): UTF-8 is what such feeds nearly always are
            int bom = body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF
                    ? 3
                    : 0;
            return new InputStreamReader(
                    new ByteArrayInputStream(body, bom, body.length - bom), StandardCharsets.UTF_8);
        }
    }

    /** Names what the document is when it is plainly not XML, or is an HTML page. Leaves the reader where it was. */
    private static void sniff(BufferedReader text, Optional<String> contentType) throws IOException {
        text.mark(SNIFF_CHARS + 1);
        char[] head = new char[SNIFF_CHARS];
        int read = text.read(head, 0, SNIFF_CHARS);
        text.reset();
        String start = markup(read <= 0 ? "" : new String(head, 0, read));
        String lower = start.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            throw new UnreadableFeedException(HTML_PAGE);
        }
        if (start.isEmpty()) {
            throw new UnreadableFeedException("not a feed: the document is empty");
        }
        if (start.startsWith("{") || start.startsWith("[")) {
            throw new UnreadableFeedException("not a feed: got JSON, not RSS or Atom");
        }
        if (!start.startsWith("<")) {
            String type = contentType.map(value -> " (" + value + ")").orElse("");
            throw new UnreadableFeedException(
                    "not a feed: got text that is not XML" + type + ", starting '" + Printable.clip(start, 40) + "'");
        }
    }

    /** The text from its first element or DOCTYPE: byte-order mark, white space, XML declaration and comments skipped. */
    static String markup(String head) {
        int i = 0;
        while (true) {
            while (i < head.length() && (Character.isWhitespace(head.charAt(i)) || head.charAt(i) == '\uFEFF')) {
                i++;
            }
            int end;
            if (head.startsWith("<?", i)) {
                end = head.indexOf("?>", i);
                end = end < 0 ? -1 : end + 2;
            } else if (head.startsWith("<!--", i)) {
                end = head.indexOf("-->", i);
                end = end < 0 ? -1 : end + 3;
            } else {
                return head.substring(i);
            }
            if (end < 0) {
                return head.substring(i);
            }
            i = end;
        }
    }

    private static Document parse(BufferedReader text, Optional<String> contentType) {
        try {
            return SafeXml.builder().build(new XmlFixerReader(text));
        } catch (JDOMException | IOException e) {
            Optional<String> refused = SafeXml.refusal(e);
            if (refused.isPresent()) {
                throw new UnreadableFeedException(refused.get());
            }
            String where = e instanceof JDOMParseException parse && parse.getLineNumber() > 0
                    ? " at line " + parse.getLineNumber() + ", column " + parse.getColumnNumber()
                    : "";
            String html = contentType
                    .filter(type -> type.toLowerCase(Locale.ROOT).startsWith("text/html"))
                    .map(type -> " (served as text/html: is this the site's page rather than its feed?)")
                    .orElse("");
            throw new UnreadableFeedException("broken XML" + where + ": " + saxMessage(e) + html);
        }
    }

    /** The parser's own words, without the wrappers JDOM adds. */
    private static String saxMessage(Exception error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null
                ? cause.getClass().getSimpleName()
                : cause.getMessage().strip();
        // the parser ends its sentences with a period; ours go on after it
        return Printable.clip(message.endsWith(".") ? message.substring(0, message.length() - 1) : message, 200);
    }
}
