package io.earshot.source.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdom2.Attribute;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.filter.Filters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the feeds of an OPML subscription list, as feed readers export it: every {@code <outline>} with an
 * {@code xmlUrl}, however deep in folders, becomes a {@link FeedSubscription} titled by its {@code title} (else
 * its {@code text}). The XML is read as safely as a feed ({@link SafeXml}: no DOCTYPE entities, nothing
 * external loaded). An outline whose {@code xmlUrl} is not an http(s) URL is skipped with a warning; a feed
 * listed in two folders is taken once.
 *
 * <pre>{@code
 * List<FeedSubscription> feeds = OpmlImport.read(Path.of("subscriptions.opml"));
 * FeedSource source = new FeedSource(FeedConfig.of(feeds), cursors);
 * }</pre>
 */
public final class OpmlImport {

    private static final Logger log = LoggerFactory.getLogger(OpmlImport.class);

    /** Subscription lists are small; this is far beyond any real one and keeps a hostile file bounded. */
    public static final long MAX_BYTES = 10L << 20;

    private OpmlImport() {}

    /**
     * The feeds listed in an OPML file.
     *
     * @throws IllegalArgumentException when the file is not OPML, with what is wrong
     * @throws UncheckedIOException when it cannot be read
     */
    public static List<FeedSubscription> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("OPML: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The feeds listed in an OPML document; the stream is read to its end (at most 10 MiB), not closed. */
    public static List<FeedSubscription> read(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("OPML: cannot read the list: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("OPML: too large: over " + Sizes.human(MAX_BYTES));
        }
        Document document = parse(bytes);
        Element root = document.getRootElement();
        if (!root.getName().equalsIgnoreCase("opml")) {
            throw new IllegalArgumentException(
                    "OPML: not an OPML file: the root element is <" + root.getQualifiedName() + ">, not <opml>");
        }
        List<FeedSubscription> feeds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Element outline : root.getDescendants(Filters.element())) {
            if (!outline.getName().equalsIgnoreCase("outline")) {
                continue;
            }
            Optional<String> xmlUrl = attribute(outline, "xmlUrl");
            if (xmlUrl.isEmpty()) {
                continue; // a folder
            }
            Optional<String> title = attribute(outline, "title").or(() -> attribute(outline, "text"));
            subscription(xmlUrl.get(), title)
                    .filter(feed -> seen.add(FeedIds.feedKey(feed.url())))
                    .ifPresent(feeds::add);
        }
        return List.copyOf(feeds);
    }

    private static Document parse(byte[] bytes) {
        try {
            return SafeXml.builder().build(new ByteArrayInputStream(bytes));
        } catch (JDOMException | IOException e) {
            Optional<String> refused = SafeXml.refusal(e);
            if (refused.isPresent()) {
                throw new IllegalArgumentException("OPML: " + refused.get());
            }
            throw new IllegalArgumentException(
                    "OPML: not an OPML file: broken XML: " + Printable.clip(String.valueOf(e.getMessage()), 200));
        }
    }

    private static Optional<FeedSubscription> subscription(String xmlUrl, Optional<String> title) {
        try {
            URI url = new URI(xmlUrl.strip());
            return Optional.of(new FeedSubscription(url, title.map(t -> Printable.clip(t, 500)), Optional.empty()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            log.warn(
                    "OPML: skipping the outline '{}': its xmlUrl '{}' is not an http(s) URL",
                    title.map(t -> Printable.clip(t, 100)).orElse(""),
                    Printable.clip(xmlUrl, 200));
            return Optional.empty();
        }
    }

    /** An attribute by name, whatever its case ({@code xmlUrl}, {@code xmlurl}): exporters disagree. */
    private static Optional<String> attribute(Element element, String name) {
        for (Attribute attribute : element.getAttributes()) {
            if (attribute.getName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
                    && !attribute.getValue().isBlank()) {
                return Optional.of(attribute.getValue().strip());
            }
        }
        return Optional.empty();
    }
}
