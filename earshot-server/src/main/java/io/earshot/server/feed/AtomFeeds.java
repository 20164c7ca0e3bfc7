package io.earshot.server.feed;

import io.earshot.archive.MentionArchive;
import io.earshot.archive.MentionSearch;
import io.earshot.domain.Mention;
import io.earshot.server.http.NotFoundException;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.earshot.server.http.Tokens;
import io.earshot.server.http.UnauthorizedException;
import io.earshot.topic.FeedKeys;
import io.earshot.topic.Topic;
import io.earshot.topic.TopicService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Each topic as an Atom feed for any feed reader: {@code GET /feeds/topics/{id}.atom?key=…}, the latest 100
 * mentions, newest first. A feed reader cannot log in, so the URL carries the topic's feed key; with the API
 * token (when one is set) the feed is also readable without the key. Keys are shown, rotated and revoked at
 * {@code /api/v1/topics/{id}/feed-key}.
 */
public final class AtomFeeds implements Routes {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final int ENTRIES = 100;

    private final TopicService topics;
    private final MentionArchive archive;
    private final FeedKeys keys;
    private final Optional<String> apiToken;

    public AtomFeeds(TopicService topics, MentionArchive archive, FeedKeys keys, Optional<String> apiToken) {
        this.topics = topics;
        this.archive = archive;
        this.keys = keys;
        this.apiToken = apiToken;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/feeds/topics/{file}", this::feed);
        routes.get("/api/v1/topics/{id}/feed-key", ctx -> {
            Topic topic = topic(Requests.idParam(ctx, "id"));
            String key = keys.key(topic.id()).orElseGet(() -> keys.rotate(topic.id()));
            Requests.json(ctx, 200, keyJson(ctx, topic, key));
        });
        routes.post("/api/v1/topics/{id}/feed-key", ctx -> {
            Topic topic = topic(Requests.idParam(ctx, "id"));
            Requests.json(ctx, 200, keyJson(ctx, topic, keys.rotate(topic.id())));
        });
        routes.delete("/api/v1/topics/{id}/feed-key", ctx -> {
            Topic topic = topic(Requests.idParam(ctx, "id"));
            keys.revoke(topic.id());
            ctx.status(204);
        });
    }

    private void feed(Context ctx) throws XMLStreamException {
        String file = ctx.pathParam("file");
        if (!file.matches("\\d{1,18}\\.atom")) {
            throw new NotFoundException("no such feed: feeds are /feeds/topics/<topic id>.atom?key=<feed key>");
        }
        long id = Long.parseLong(file.substring(0, file.indexOf('.')));
        Optional<Topic> topic = topics.get(id);
        Optional<String> key = topic.flatMap(found -> keys.key(found.id()));
        Optional<String> presented = Requests.param(ctx, "key");
        boolean keyValid = presented.isPresent() && key.isPresent() && same(key.get(), presented.get());
        boolean tokenValid = apiToken.isEmpty() ? presented.isEmpty() : Tokens.same(apiToken.get(), Tokens.bearer(ctx));
        if (!keyValid && !tokenValid) {
            throw new UnauthorizedException("this feed needs its key: copy the URL from GET /api/v1/topics/" + id
                    + "/feed-key (a rotated or revoked key no longer works)");
        }
        Topic found = topic.orElseThrow(() -> new NotFoundException("no topic " + id));
        List<Mention> mentions = archive.search(
                        new MentionSearch(Optional.of(found.id()), Optional.empty(), true, ENTRIES, Optional.empty()))
                .items();
        ctx.contentType("application/atom+xml; charset=utf-8").result(atom(ctx, found, mentions));
    }

    private static String atom(Context ctx, Topic topic, List<Mention> mentions) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM);
        element(xml, "id", "urn:earshot:topic:" + topic.id());
        element(xml, "title", "Earshot: " + topic.name());
        element(xml, "subtitle", topic.query());
        element(
                xml,
                "updated",
                mentions.stream()
                        .map(mention -> mention.post().createdAt())
                        .findFirst()
                        .orElse(topic.updatedAt())
                        .toString());
        xml.writeStartElement("author");
        element(xml, "name", "Earshot");
        xml.writeEndElement();
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", "self");
        xml.writeAttribute("href", ctx.fullUrl());
        for (Mention mention : mentions) {
            xml.writeStartElement("entry");
            element(xml, "id", "urn:earshot:post:" + mention.key().id());
            String text = mention.post().text();
            element(
                    xml,
                    "title",
                    mention.post().author().displayHandle() + ": "
                            + (text.length() > 80 ? text.substring(0, 80) + "…" : text));
            Instant at = mention.post().createdAt();
            element(xml, "updated", at.toString());
            element(xml, "published", at.toString());
            xml.writeStartElement("author");
            element(xml, "name", mention.post().author().displayHandle());
            xml.writeEndElement();
            Optional<String> url =
                    mention.post().url().filter(link -> link.startsWith("https://") || link.startsWith("http://"));
            if (url.isPresent()) {
                xml.writeEmptyElement("link");
                xml.writeAttribute("rel", "alternate");
                xml.writeAttribute("href", url.get());
            }
            xml.writeStartElement("content");
            xml.writeAttribute("type", "text");
            xml.writeCharacters(xmlSafe(text));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlSafe(text));
        xml.writeEndElement();
    }

    /** XML 1.0 cannot carry most control characters or lone surrogates: a post may; they are dropped. */
    static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            if (allowed) {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private Topic topic(long id) {
        return topics.get(id).orElseThrow(() -> new NotFoundException("no topic " + id));
    }

    private static Map<String, Object> keyJson(Context ctx, Topic topic, String key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("topic", topic.id());
        json.put("key", key);
        json.put("url", ctx.scheme() + "://" + ctx.host() + "/feeds/topics/" + topic.id() + ".atom?key=" + key);
        return json;
    }

    private static boolean same(String expected, String presented) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
