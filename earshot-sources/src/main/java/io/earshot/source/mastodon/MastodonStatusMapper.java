package io.earshot.source.mastodon;

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
import io.earshot.domain.InteractionKind;
import io.earshot.source.EventMapper;
import io.earshot.source.Mapping;
import io.earshot.source.SourceEvent;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maps Mastodon statuses, and the events of Mastodon's streaming API, to {@link SourceEvent}s, for one
 * instance: status ids are the instance's own, so every key is prefixed by it (see {@link MastodonIds}).
 * Pure and thread-safe. It never throws on bad input; malformed messages become {@link Mapping.Rejected}
 * with a message that names the field, and messages over {@link #maxMessageBytes()} are rejected unparsed.
 *
 * <p>{@link #map(String)} takes one Status as JSON (a REST entity, a webhook line) and gives
 * {@link SourceEvent.PostCreated}, or {@link SourceEvent.PostEdited} when the status has {@code edited_at}, plus
 * an {@link SourceEvent.InteractionAdded} for the reply it is, the status it quotes and each account it
 * mentions. A reblog gives the reblogged status the same way and a {@code REPOST} of it. The position is the
 * status id (the reblog's own id for a reblog): the cursor of a timeline.
 *
 * <p>{@link #mapStreamEvent} takes one event of the streaming API by its name: {@code update} as above,
 * {@code status.update} as an edit, {@code delete} (a bare id) as {@link SourceEvent.PostDeleted},
 * {@code notification} (the {@code user} stream) as the status it is about or, for a favourite, a
 * {@code LIKE}; other events are {@link Mapping.Skipped} with a reason such as {@code event:filters_changed}.
 */
public final class MastodonStatusMapper implements EventMapper {

    /** 1 MiB: real statuses, with their account and card, are a few KiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;

    /** A timeline page holds up to 40 statuses. */
    static final int MAX_PAGE_BYTES = 16 << 20;

    /** Real statuses nest about 6 deep (a reblog's account's fields); a cap stops hostile nesting cheaply. */
    static final int MAX_NESTING_DEPTH = 64;

    private final Statuses statuses;
    private final int maxMessageBytes;
    private final ObjectReader reader;
    private final ObjectReader pageReader;

    /** A mapper for statuses read from {@code instance} (e.g. {@code https://mastodon.social}), 1 MiB limit. */
    public MastodonStatusMapper(URI instance) {
        this(instance, DEFAULT_MAX_MESSAGE_BYTES);
    }

    /**
     * A mapper for statuses read from {@code instance} that rejects messages over {@code maxMessageBytes} UTF-8
     * bytes without parsing them.
     */
    public MastodonStatusMapper(URI instance, int maxMessageBytes) {
        Objects.requireNonNull(instance, "instance");
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException(
                    "maxMessageBytes must be at least 1024 (real statuses reach a few KiB), got " + maxMessageBytes);
        }
        this.statuses = new Statuses(instance);
        this.maxMessageBytes = maxMessageBytes;
        this.reader = reader(maxMessageBytes);
        this.pageReader = reader(Math.max(MAX_PAGE_BYTES, maxMessageBytes));
    }

    /** The instance part of the keys this mapper makes, e.g. {@code mastodon.social}. */
    public String instance() {
        return statuses.instance();
    }

    /** The largest message, in UTF-8 bytes, this mapper parses. */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Maps one Status entity, as JSON. */
    @Override
    public Mapping map(String status) {
        return guarded(status, root -> status(root, false));
    }

    /**
     * Maps one event of the streaming API: its name ({@code update}, {@code delete}, …) and its payload (the
     * SSE {@code data}, or the WebSocket {@code payload} string). {@code receivedAt} stamps deletes, which carry
     * no time of their own.
     */
    public Mapping mapStreamEvent(String event, String payload, Instant receivedAt) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(receivedAt, "receivedAt");
        return switch (event) {
            case "update" -> map(payload);
            // an edit of an older status: its id is no cursor, so it carries no position
            case "status.update" -> guarded(payload, root -> withoutPosition(status(root, true)));
            case "delete" -> delete(payload, receivedAt);
            case "notification" -> guarded(payload, this::notification);
            default -> new Mapping.Skipped("event:" + Json.clip(event), Optional.empty());
        };
    }

    /**
     * Reads a timeline page: a JSON array of statuses, newest first, as {@code GET /api/v1/timelines/…} sends.
     *
     * @throws MalformedStatusException when the body is not such an array
     */
    List<JsonNode> readTimeline(String body) {
        JsonNode root;
        try {
            root = pageReader.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new MalformedStatusException("timeline page exceeds a parser limit: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new MalformedStatusException(
                    "timeline page is not JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new MalformedStatusException("a timeline page is a JSON array of statuses, got "
                    + (root == null || root.isMissingNode() ? "nothing" : Json.describe(root)));
        }
        List<JsonNode> page = new ArrayList<>(root.size());
        root.forEach(page::add);
        return page;
    }

    /** Maps one status of a {@link #readTimeline timeline page}. */
    Mapping mapStatus(JsonNode status) {
        try {
            return status(status, false);
        } catch (MalformedStatusException | IllegalArgumentException e) {
            return new Mapping.Rejected(e.getMessage());
        } catch (RuntimeException e) {
            return new Mapping.Rejected("could not map status: " + e);
        }
    }

    private Mapping status(JsonNode root, boolean edit) {
        Statuses.requireObject(root, "status");
        String id = statuses.statusId(root, "");
        return new Mapping.Events(statuses.events(root, edit), Optional.of(id));
    }

    private Mapping delete(String payload, Instant receivedAt) {
        String id = payload.strip();
        if (id.length() >= 2 && id.startsWith("\"") && id.endsWith("\"")) {
            id = id.substring(1, id.length() - 1); // some servers send the id as a JSON string
        }
        if (!MastodonIds.isId(id)) {
            return new Mapping.Rejected("a delete event carries a bare status id, got '" + Json.clip(id) + "'");
        }
        return new Mapping.Events(statuses.deleted(id, receivedAt), Optional.empty());
    }

    /**
     * A notification of the {@code user} stream: mentions and new or edited statuses of followed accounts give
     * their status; a favourite gives a {@code LIKE}. The rest (follows, reblogs, polls, reports) is skipped:
     * their subject is the token's own account, which a notification does not name, or, for reblogs, they
     * reach the stream as statuses too.
     */
    private Mapping notification(JsonNode root) {
        Statuses.requireObject(root, "notification");
        String type = Json.requiredText(root, "type", "type");
        return switch (type) {
            case "mention", "status", "update" -> {
                JsonNode status = Json.requiredObject(root, "status", "status");
                yield new Mapping.Events(statuses.events(status, type.equals("update")), Optional.empty());
            }
            case "favourite" -> {
                JsonNode status = Json.requiredObject(root, "status", "status");
                String statusId = statuses.statusId(status, "status.");
                String actor = statuses.author(root, "").id();
                String subject = statuses.author(status, "status.").id();
                Instant at = Json.requiredTime(root, "created_at", "created_at");
                yield new Mapping.Events(
                        List.of(Statuses.interaction(
                                MastodonIds.favouriteKey(statuses.instance(), statusId, actor),
                                InteractionKind.LIKE,
                                actor,
                                subject,
                                Optional.of(MastodonIds.postKey(statuses.instance(), statusId)),
                                at)),
                        Optional.empty());
            }
            default -> new Mapping.Skipped("notification:" + Json.clip(type), Optional.empty());
        };
    }

    private static Mapping withoutPosition(Mapping mapping) {
        return mapping instanceof Mapping.Events events
                ? new Mapping.Events(events.events(), Optional.empty())
                : mapping;
    }

    /** Size check, parse, map, and the promise never to throw. */
    private Mapping guarded(String message, Function<JsonNode, Mapping> mapping) {
        // a char is at least one UTF-8 byte, so the length alone settles most cases without a scan
        if (message.length() > maxMessageBytes
                || (message.length() > maxMessageBytes / 3 && utf8Length(message) > maxMessageBytes)) {
            return new Mapping.Rejected("message of " + utf8Length(message) + " bytes is over the limit of "
                    + maxMessageBytes + " bytes; not parsed (raise maxMessageBytes if real statuses are this large)");
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
            return new Mapping.Rejected("empty message: a Mastodon status is one JSON object");
        }
        try {
            return mapping.apply(root);
        } catch (MalformedStatusException | IllegalArgumentException e) {
            return new Mapping.Rejected(e.getMessage());
        } catch (RuntimeException e) {
            // the contract is "never throws"; a bug here must cost one message, not the stream
            return new Mapping.Rejected("could not map status: " + e);
        }
    }

    static ObjectReader reader(int maxBytes) {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxDocumentLength(maxBytes)
                .maxStringLength(maxBytes)
                .maxNumberLength(64)
                .maxNameLength(1024)
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(limits)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build()
                .reader();
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
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
