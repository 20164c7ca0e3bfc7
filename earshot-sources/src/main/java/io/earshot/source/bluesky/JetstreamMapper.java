package io.earshot.source.bluesky;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.earshot.domain.Interaction;
import io.earshot.domain.InteractionKind;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import io.earshot.source.EventMapper;
import io.earshot.source.Mapping;
import io.earshot.source.SourceEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps one Jetstream v1 JSON event to {@link SourceEvent}s. Pure and thread-safe: one instance serves every
 * connection. It never throws on bad input; malformed messages become {@link Mapping.Rejected} with a message
 * that names the field, and messages over {@link #maxMessageBytes()} are rejected before parsing.
 *
 * <p>What each message becomes:
 *
 * <ul>
 *   <li>{@code app.bsky.feed.post} create, update, delete: {@link SourceEvent.PostCreated} (plus reply, quote
 *       and mention interactions), {@link SourceEvent.PostEdited}, {@link SourceEvent.PostDeleted};
 *   <li>like, repost, follow, block: {@link SourceEvent.InteractionAdded} on create and
 *       {@link SourceEvent.InteractionRemoved} on delete;
 *   <li>{@code identity} and {@code account}: {@link SourceEvent.AccountChanged};
 *   <li>anything else: {@link Mapping.Skipped} with a countable reason such as
 *       {@code collection:app.bsky.actor.profile}.
 * </ul>
 *
 * Every {@link Mapping.Events} and {@link Mapping.Skipped} carries the event's {@code time_us} as its position.
 */
public final class JetstreamMapper implements EventMapper {

    /** 1 MiB: the largest real events (long posts with many facets) are a few KiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;

    /** Real events nest about 8 deep; a generous cap stops hostile nesting cheaply. */
    static final int MAX_NESTING_DEPTH = 64;

    static final String LIKE = "app.bsky.feed.like";
    static final String REPOST = "app.bsky.feed.repost";
    static final String FOLLOW = "app.bsky.graph.follow";
    static final String BLOCK = "app.bsky.graph.block";

    private static final Map<String, InteractionKind> INTERACTIONS = Map.of(
            LIKE,
            InteractionKind.LIKE,
            REPOST,
            InteractionKind.REPOST,
            FOLLOW,
            InteractionKind.FOLLOW,
            BLOCK,
            InteractionKind.BLOCK);

    private static final int MAX_REASON_CHARS = 120;

    private final int maxMessageBytes;
    private final ObjectReader reader;

    /** A mapper that rejects messages over {@link #DEFAULT_MAX_MESSAGE_BYTES}. */
    public JetstreamMapper() {
        this(DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** A mapper that rejects messages over {@code maxMessageBytes} UTF-8 bytes without parsing them. */
    public JetstreamMapper(int maxMessageBytes) {
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException(
                    "maxMessageBytes must be at least 1024 (real Jetstream events reach a few KiB), got "
                            + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxDocumentLength(maxMessageBytes)
                .maxStringLength(maxMessageBytes)
                .maxNumberLength(64)
                .maxNameLength(1024)
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(limits)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.reader = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build()
                .reader();
    }

    /** The largest message, in UTF-8 bytes, this mapper parses. */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    @Override
    public Mapping map(String message) {
        // a char is at least one UTF-8 byte, so the length alone settles most cases without a scan
        if (message.length() > maxMessageBytes
                || (message.length() > maxMessageBytes / 3 && utf8Length(message) > maxMessageBytes)) {
            return tooLarge(utf8Length(message));
        }
        JsonNode root;
        try {
            root = reader.readTree(message);
        } catch (StreamConstraintsException e) {
            return new Mapping.Rejected("message exceeds a parser limit: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            return new Mapping.Rejected("invalid JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            return new Mapping.Rejected("invalid JSON: " + e);
        }
        if (root == null || root.isMissingNode()) {
            return new Mapping.Rejected("empty message: a Jetstream event is one JSON object");
        }
        try {
            return mapEvent(root);
        } catch (MalformedEventException | IllegalArgumentException e) {
            return new Mapping.Rejected(e.getMessage());
        } catch (RuntimeException e) {
            // the contract is "never throws"; a bug here must cost one message, not the stream
            return new Mapping.Rejected("could not map event: " + e);
        }
    }

    /**
     * Maps a message received as bytes. The bytes must be valid UTF-8: invalid sequences are rejected, never
     * replaced, because a silently altered text would shift every facet offset after it.
     */
    public Mapping mapBytes(byte[] message) {
        if (message.length > maxMessageBytes) {
            return tooLarge(message.length);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(message);
        try {
            return map(decoder.decode(bytes).toString());
        } catch (CharacterCodingException e) {
            return new Mapping.Rejected(
                    "message is not valid UTF-8: " + e.getMessage() + " at byte " + bytes.position());
        }
    }

    private Mapping mapEvent(JsonNode root) {
        if (!root.isObject()) {
            throw new MalformedEventException("a Jetstream event is a JSON object, got "
                    + root.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        String did = JsonFields.requiredText(root, "did", "did");
        if (!did.startsWith("did:")) {
            throw new MalformedEventException("field 'did' must be a DID such as did:plc:..., got '" + clip(did) + "'");
        }
        long timeUs = JsonFields.requiredLong(root, "time_us", "time_us");
        if (timeUs < 0) {
            throw new MalformedEventException(
                    "field 'time_us' must be unix microseconds (not negative), got " + timeUs);
        }
        String kind = JsonFields.requiredText(root, "kind", "kind");
        Optional<String> position = Optional.of(Long.toString(timeUs));
        Instant seenAt = Instant.EPOCH.plus(timeUs, ChronoUnit.MICROS);
        return switch (kind) {
            case "commit" -> commit(did, JsonFields.requiredObject(root, "commit", "commit"), seenAt, position);
            case "identity" -> {
                JsonNode identity = JsonFields.requiredObject(root, "identity", "identity");
                Optional<String> handle =
                        JsonFields.optionalText(identity, "handle").filter(h -> !h.isBlank());
                yield events(
                        position,
                        new SourceEvent.AccountChanged(Network.BLUESKY, did, handle, true, Optional.empty(), seenAt));
            }
            case "account" -> {
                JsonNode account = JsonFields.requiredObject(root, "account", "account");
                boolean active = JsonFields.requiredBoolean(account, "active", "account.active");
                Optional<String> status =
                        JsonFields.optionalText(account, "status").filter(s -> !s.isBlank());
                yield events(
                        position,
                        new SourceEvent.AccountChanged(Network.BLUESKY, did, Optional.empty(), active, status, seenAt));
            }
            default -> new Mapping.Skipped("kind:" + clip(kind), position);
        };
    }

    private Mapping commit(String did, JsonNode commit, Instant seenAt, Optional<String> position) {
        String operation = JsonFields.requiredText(commit, "operation", "commit.operation");
        String collection = JsonFields.requiredText(commit, "collection", "commit.collection");
        String rkey = JsonFields.requiredText(commit, "rkey", "commit.rkey");
        boolean post = BlueskyIds.POST_COLLECTION.equals(collection);
        InteractionKind kind = INTERACTIONS.get(collection);
        if (!post && kind == null) {
            return new Mapping.Skipped("collection:" + clip(collection), position);
        }
        return switch (operation) {
            case "create" -> {
                JsonNode record = JsonFields.requiredObject(commit, "record", "commit.record");
                yield post
                        ? new Mapping.Events(PostRecords.created(did, rkey, record, seenAt), position)
                        : events(position, interaction(did, collection, rkey, kind, record, seenAt));
            }
            case "update" -> {
                JsonNode record = JsonFields.requiredObject(commit, "record", "commit.record");
                yield post
                        ? new Mapping.Events(PostRecords.edited(did, rkey, record, seenAt), position)
                        // likes, reposts and graph records are not edited by any client; the create counted
                        : new Mapping.Skipped("update:" + collection, position);
            }
            case "delete" ->
                post
                        ? new Mapping.Events(PostRecords.deleted(did, rkey, seenAt), position)
                        : events(
                                position,
                                new SourceEvent.InteractionRemoved(
                                        BlueskyIds.interactionKey(did, collection, rkey), seenAt));
            default -> new Mapping.Skipped("operation:" + clip(operation), position);
        };
    }

    private static SourceEvent interaction(
            String did, String collection, String rkey, InteractionKind kind, JsonNode record, Instant seenAt) {
        String subjectAccount;
        Optional<PostKey> subjectPost;
        if (kind == InteractionKind.FOLLOW || kind == InteractionKind.BLOCK) {
            subjectAccount = JsonFields.requiredText(record, "subject", "commit.record.subject");
            subjectPost = Optional.empty();
        } else {
            JsonNode subject = JsonFields.requiredObject(record, "subject", "commit.record.subject");
            String uri = JsonFields.requiredText(subject, "uri", "commit.record.subject.uri");
            subjectAccount = BlueskyIds.repository(uri)
                    .orElseThrow(() -> new MalformedEventException(
                            "field 'commit.record.subject.uri' must be an AT-URI (at://did/collection/rkey), got '"
                                    + clip(uri) + "'"));
            subjectPost = BlueskyIds.postKey(uri);
        }
        Instant at = JsonFields.timestamp(record, "createdAt").orElse(seenAt);
        return new SourceEvent.InteractionAdded(new Interaction(
                BlueskyIds.interactionKey(did, collection, rkey), kind, did, subjectAccount, subjectPost, at));
    }

    private static Mapping events(Optional<String> position, SourceEvent event) {
        return new Mapping.Events(List.of(event), position);
    }

    private Mapping tooLarge(long bytes) {
        return new Mapping.Rejected("message of " + bytes + " bytes is over the limit of " + maxMessageBytes
                + " bytes; not parsed (raise maxMessageBytes if real events are this large)");
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String clip(String text) {
        return text.length() <= MAX_REASON_CHARS ? text : text.substring(0, MAX_REASON_CHARS) + "…";
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
