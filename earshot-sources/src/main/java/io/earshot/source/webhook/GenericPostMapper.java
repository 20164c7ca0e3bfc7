package io.earshot.source.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.domain.Author;
import io.earshot.domain.MentionedAccount;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.source.EventMapper;
import io.earshot.source.Mapping;
import io.earshot.source.SourceEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The documented generic {@code post} format for webhooks (docs/sources.md): anything that can send JSON
 * can feed Earshot. One object per line:
 *
 * <pre>{"id": "ticket-4711", "text": "…", "createdAt": "2026-11-26T10:00:00Z", "url": "https://…",
 *  "author": {"id": "u42", "handle": "ana", "name": "Ana", "followers": 1200},
 *  "title": "…", "lang": "en", "hashtags": ["acme"], "links": ["https://…"], "replyTo": "ticket-4700"}</pre>
 *
 * and {@code {"id": "ticket-4711", "deleted": true}} to delete. Only {@code id} and {@code text} are
 * required. Posts are on the {@code webhook} network; an {@code id} that is not URL-safe is hashed.
 */
public final class GenericPostMapper implements EventMapper {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:~@+=-]{1,200}");
    private static final int MAX_MESSAGE_CHARS = 1 << 20;

    private final ObjectMapper json;

    public GenericPostMapper() {
        this.json = new ObjectMapper();
        json.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(32)
                        .maxStringLength(MAX_MESSAGE_CHARS)
                        .build());
    }

    @Override
    public Mapping map(String message) {
        if (message.length() > MAX_MESSAGE_CHARS) {
            return new Mapping.Rejected("post is longer than " + MAX_MESSAGE_CHARS + " characters");
        }
        JsonNode node;
        try {
            node = json.readTree(message);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            return new Mapping.Rejected("invalid JSON"
                    + (location == null ? "" : " at column " + location.getColumnNr()) + ": " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return new Mapping.Rejected("a post must be a JSON object with at least \"id\" and \"text\"");
        }
        Optional<String> id = text(node, "id");
        if (id.isEmpty()) {
            return new Mapping.Rejected(
                    "missing \"id\": every post needs a stable id, so that re-sending it does not duplicate it");
        }
        PostKey key = new PostKey(Network.WEBHOOK, nativeId(id.get()));
        if (node.path("deleted").asBoolean(false)) {
            return new Mapping.Events(List.of(new SourceEvent.PostDeleted(key, Instant.now())), Optional.empty());
        }
        JsonNode textNode = node.get("text");
        if (textNode == null || !textNode.isTextual()) {
            return new Mapping.Rejected("missing \"text\" (a string) for post '" + id.get() + "'");
        }
        Instant createdAt;
        try {
            createdAt = text(node, "createdAt")
                    .map(value -> OffsetDateTime.parse(value).toInstant())
                    .orElseGet(Instant::now);
        } catch (DateTimeParseException e) {
            return new Mapping.Rejected("\"createdAt\" must be an ISO-8601 time such as 2026-11-26T10:00:00Z, got '"
                    + node.path("createdAt").asText() + "'");
        }
        JsonNode authorNode = node.path("author");
        String authorId =
                text(authorNode, "id").or(() -> text(authorNode, "handle")).orElse("anonymous");
        Author author = new Author(
                Network.WEBHOOK,
                authorId,
                text(authorNode, "handle"),
                text(authorNode, "name"),
                authorNode.path("followers").canConvertToLong()
                        ? OptionalLong.of(
                                Math.max(0, authorNode.path("followers").asLong()))
                        : OptionalLong.empty());
        Post.Builder post = Post.builder(key, author, createdAt).text(textNode.asText());
        text(node, "url")
                .filter(url -> url.startsWith("https://") || url.startsWith("http://"))
                .ifPresent(post::url);
        text(node, "title").ifPresent(post::title);
        text(node, "lang").ifPresent(post::lang);
        strings(node, "hashtags").forEach(tag -> post.hashtag(tag.startsWith("#") ? tag.substring(1) : tag));
        strings(node, "links").forEach(post::link);
        strings(node, "mentions").forEach(handle -> post.mention(new MentionedAccount(handle, handle)));
        text(node, "replyTo").ifPresent(parent -> post.replyParent(new PostKey(Network.WEBHOOK, nativeId(parent))));
        boolean edit = node.path("edited").asBoolean(false);
        Post built = post.build();
        SourceEvent event = edit ? new SourceEvent.PostEdited(built) : new SourceEvent.PostCreated(built);
        return new Mapping.Events(List.of(event), Optional.empty());
    }

    /** URL-safe ids are kept as they are; anything else is hashed (stable, so re-sends still dedupe). */
    static String nativeId(String id) {
        if (SAFE_ID.matcher(id).matches()) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "h-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        String text = value.asText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            return List.of();
        }
        return StreamSupport.stream(value.spliterator(), false)
                .filter(JsonNode::isValueNode)
                .map(JsonNode::asText)
                .filter(text -> !text.isBlank())
                .limit(100)
                .toList();
    }
}
