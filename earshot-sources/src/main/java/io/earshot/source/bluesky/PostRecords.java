package io.earshot.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.domain.Author;
import io.earshot.domain.Interaction;
import io.earshot.domain.InteractionKey;
import io.earshot.domain.InteractionKind;
import io.earshot.domain.MentionedAccount;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.source.SourceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Maps {@code app.bsky.feed.post} records: a create is a post plus the interactions it makes (reply,
 * quote, mentions); an edit is the post's new version only, because the interactions were counted when it
 * was created; a delete removes the post and takes back its reply and quote.
 */
final class PostRecords {

    static final String EMBED_RECORD = "app.bsky.embed.record";
    static final String EMBED_RECORD_WITH_MEDIA = "app.bsky.embed.recordWithMedia";
    static final String EMBED_EXTERNAL = "app.bsky.embed.external";

    private static final String COLLECTION = BlueskyIds.POST_COLLECTION;

    private PostRecords() {}

    static List<SourceEvent> created(String did, String rkey, JsonNode record, Instant seenAt) {
        Parsed parsed = parse(did, rkey, record, seenAt);
        Post post = parsed.post();
        List<SourceEvent> events = new ArrayList<>();
        events.add(new SourceEvent.PostCreated(post));
        Instant at = post.createdAt();
        if (post.replyParent().isPresent() && parsed.parentAuthor().isPresent()) {
            events.add(interaction(
                    replyKey(did, rkey),
                    InteractionKind.REPLY,
                    did,
                    parsed.parentAuthor().get(),
                    post.replyParent(),
                    at));
        }
        if (post.quoted().isPresent() && parsed.quotedAuthor().isPresent()) {
            events.add(interaction(
                    quoteKey(did, rkey),
                    InteractionKind.QUOTE,
                    did,
                    parsed.quotedAuthor().get(),
                    post.quoted(),
                    at));
        }
        Set<String> mentioned = new LinkedHashSet<>();
        for (MentionedAccount mention : post.mentions()) {
            if (mentioned.add(mention.id())) {
                InteractionKey key = new InteractionKey(
                        Network.BLUESKY, replyKey(did, rkey).nativeId() + "#mention:" + mention.id());
                events.add(interaction(key, InteractionKind.MENTION, did, mention.id(), Optional.empty(), at));
            }
        }
        return events;
    }

    static List<SourceEvent> edited(String did, String rkey, JsonNode record, Instant seenAt) {
        return List.of(
                new SourceEvent.PostEdited(parse(did, rkey, record, seenAt).post()));
    }

    /**
     * A delete carries no record, so we cannot know whether the post replied or quoted: taking back both
     * possible interactions is harmless (removing an unknown key changes nothing) and keeps the parent's
     * reply count honest.
     */
    static List<SourceEvent> deleted(String did, String rkey, Instant seenAt) {
        return List.of(
                new SourceEvent.PostDeleted(BlueskyIds.postKey(did, rkey), seenAt),
                new SourceEvent.InteractionRemoved(replyKey(did, rkey), seenAt),
                new SourceEvent.InteractionRemoved(quoteKey(did, rkey), seenAt));
    }

    /** A reply is keyed as the replying post's own record, like any other interaction record. */
    static InteractionKey replyKey(String did, String rkey) {
        return BlueskyIds.interactionKey(did, COLLECTION, rkey);
    }

    /** A post can reply and quote at once, so its quote needs a key of its own. */
    static InteractionKey quoteKey(String did, String rkey) {
        return new InteractionKey(Network.BLUESKY, replyKey(did, rkey).nativeId() + "#quote");
    }

    private static Parsed parse(String did, String rkey, JsonNode record, Instant seenAt) {
        PostKey key = BlueskyIds.postKey(did, rkey);
        JsonNode textNode = record.get("text");
        if (textNode != null && !textNode.isNull() && !textNode.isTextual()) {
            throw new MalformedEventException("field 'commit.record.text' must be a string, got "
                    + textNode.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        String text = textNode != null && textNode.isTextual() ? textNode.textValue() : "";
        Instant createdAt = JsonFields.timestamp(record, "createdAt").orElse(seenAt);

        Post.Builder builder = Post.builder(key, Author.of(Network.BLUESKY, did), createdAt)
                .uri(BlueskyIds.postUri(did, rkey))
                .url(BlueskyIds.postUrl(did, rkey))
                .text(text)
                .langs(strings(record.get("langs")));

        RichText rich = RichText.of(text, record.get("facets"));
        Set<String> hashtags = new LinkedHashSet<>(rich.hashtags());
        // "tags" are hashtags the author added without writing them in the text
        for (String tag : strings(record.get("tags"))) {
            hashtags.add(tag.startsWith("#") ? tag.substring(1) : tag);
        }
        hashtags.stream().filter(tag -> !tag.isBlank()).forEach(builder::hashtag);
        rich.mentions().forEach(builder::mention);
        Set<String> links = new LinkedHashSet<>(rich.links());

        Optional<String> parentUri = JsonFields.optionalObject(record, "reply")
                .flatMap(reply -> JsonFields.optionalObject(reply, "parent"))
                .flatMap(parent -> JsonFields.optionalText(parent, "uri"));
        Optional<String> rootUri = JsonFields.optionalObject(record, "reply")
                .flatMap(reply -> JsonFields.optionalObject(reply, "root"))
                .flatMap(root -> JsonFields.optionalText(root, "uri"));
        Optional<PostKey> parent = parentUri.flatMap(BlueskyIds::postKey);
        parent.ifPresent(builder::replyParent);
        rootUri.flatMap(BlueskyIds::postKey).ifPresent(builder::replyRoot);

        Optional<String> quotedUri = Optional.empty();
        Optional<JsonNode> embed = JsonFields.optionalObject(record, "embed");
        if (embed.isPresent()) {
            quotedUri = quotedUri(embed.get());
            externalLink(embed.get()).ifPresent(links::add);
            JsonFields.optionalObject(embed.get(), "media")
                    .flatMap(PostRecords::externalLink)
                    .ifPresent(links::add);
        }
        Optional<PostKey> quoted = quotedUri.flatMap(BlueskyIds::postKey);
        quoted.ifPresent(builder::quoted);
        links.forEach(builder::link);

        return new Parsed(
                builder.build(),
                parent.isPresent() ? parentUri.flatMap(BlueskyIds::repository) : Optional.empty(),
                quoted.isPresent() ? quotedUri.flatMap(BlueskyIds::repository) : Optional.empty());
    }

    private static Optional<String> quotedUri(JsonNode embed) {
        String type = JsonFields.optionalText(embed, "$type").orElse("");
        Optional<JsonNode> record = JsonFields.optionalObject(embed, "record");
        return switch (type) {
            case EMBED_RECORD -> record.flatMap(strongRef -> JsonFields.optionalText(strongRef, "uri"));
            case EMBED_RECORD_WITH_MEDIA ->
                record.flatMap(wrapper -> JsonFields.optionalObject(wrapper, "record"))
                        .flatMap(strongRef -> JsonFields.optionalText(strongRef, "uri"));
            default -> Optional.empty();
        };
    }

    /** The link of an {@code app.bsky.embed.external} card. */
    private static Optional<String> externalLink(JsonNode embed) {
        if (!EMBED_EXTERNAL.equals(JsonFields.optionalText(embed, "$type").orElse(""))) {
            return Optional.empty();
        }
        return JsonFields.optionalObject(embed, "external")
                .flatMap(external -> JsonFields.optionalText(external, "uri"))
                .filter(uri -> !uri.isBlank());
    }

    private static List<String> strings(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<String> values = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            if (item.isTextual() && !item.textValue().isBlank()) {
                values.add(item.textValue());
            }
        }
        return values;
    }

    private static SourceEvent interaction(
            InteractionKey key,
            InteractionKind kind,
            String actor,
            String subjectAccount,
            Optional<PostKey> subjectPost,
            Instant at) {
        return new SourceEvent.InteractionAdded(new Interaction(key, kind, actor, subjectAccount, subjectPost, at));
    }

    /** A post and the authors of the posts it replies to and quotes (needed for the interactions). */
    private record Parsed(Post post, Optional<String> parentAuthor, Optional<String> quotedAuthor) {}
}
