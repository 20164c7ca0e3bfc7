package io.earshot.source.mastodon;

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
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps Mastodon Status entities (as the REST API and the streaming API send them) to events, for statuses
 * read from one instance. A status gives its post, and the interactions it makes: the reply it is, the status
 * it quotes, the accounts it mentions; a reblog gives the reblogged status and a repost of it.
 */
final class Statuses {

    /** {@code alice} or {@code alice@example.org}: no white space, at most one {@code @} after the name. */
    private static final Pattern ACCT = Pattern.compile("@?[^@\\s/?#]{1,256}(@[^@\\s/?#]{1,256})?");

    /** A BCP-47 language tag as Mastodon writes them ({@code en}, {@code pt-BR}, {@code zh-Hant}). */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}");

    private final String instance;
    private final String domain;

    Statuses(URI instanceUrl) {
        this.instance = MastodonIds.instanceKey(instanceUrl);
        this.domain = MastodonIds.accountDomain(instanceUrl);
    }

    String instance() {
        return instance;
    }

    /**
     * A status's events: its post (created, or edited when {@code edit} or when the status says it was edited)
     * and its interactions. Edits repeat the interactions, unlike Bluesky's: Mastodon often shows us an edited
     * status we never saw created (a backfill after a gap, the edit of an older post), and interactions are
     * idempotent on their keys.
     */
    List<SourceEvent> events(JsonNode status, boolean edit) {
        requireObject(status, "status");
        Optional<JsonNode> reblog = Json.optionalObject(status, "reblog");
        if (reblog.isPresent()) {
            return reblog(status, reblog.get());
        }
        if (Json.isSet(status, "reblog")) {
            throw new MalformedStatusException(
                    "field 'reblog' must be a status object or null, got " + Json.describe(status.get("reblog")));
        }
        return post(status, "", edit || Json.isSet(status, "edited_at"));
    }

    /** A reblog: the reblogged status as a post, and a repost keyed by the reblog's own id. */
    private List<SourceEvent> reblog(JsonNode wrapper, JsonNode original) {
        String id = statusId(wrapper, "");
        Author reblogger = author(wrapper, "");
        Instant at = Json.requiredTime(wrapper, "created_at", "created_at");
        if (Json.optionalObject(original, "reblog").isPresent()) {
            throw new MalformedStatusException("field 'reblog.reblog' is set: a reblog of a reblog is not a status");
        }
        List<SourceEvent> events = new ArrayList<>(post(original, "reblog.", Json.isSet(original, "edited_at")));
        Post reblogged = switch (events.getFirst()) {
            case SourceEvent.PostCreated created -> created.post();
            case SourceEvent.PostEdited edited -> edited.post();
            default -> throw new IllegalStateException("a status maps to its post first");
        };
        events.add(interaction(
                MastodonIds.interactionKey(instance, id),
                InteractionKind.REPOST,
                reblogger.id(),
                reblogged.author().id(),
                Optional.of(reblogged.key()),
                at));
        return events;
    }

    private List<SourceEvent> post(JsonNode status, String path, boolean edited) {
        String id = statusId(status, path);
        PostKey key = MastodonIds.postKey(instance, id);
        Author author = author(status, path);
        Instant createdAt = Json.requiredTime(status, "created_at", path + "created_at");
        Post.Builder post = Post.builder(key, author, createdAt);

        Json.optionalText(status, "uri").filter(Statuses::isIdentifier).ifPresent(post::uri);
        Json.optionalText(status, "url").filter(StatusHtml::isWebLink).ifPresent(post::url);
        Json.optionalText(status, "language")
                .filter(language -> LANGUAGE.matcher(language).matches())
                .ifPresent(post::lang);

        StatusHtml.Extracted content = content(status, path);
        String spoiler =
                Json.optionalText(status, "spoiler_text").map(String::strip).orElse("");
        post.text(
                spoiler.isEmpty()
                        ? content.text()
                        : content.text().isEmpty() ? spoiler : spoiler + "\n\n" + content.text());
        hashtags(status, content).forEach(post::hashtag);
        links(status, content).forEach(post::link);

        Map<String, String> mentionedById = new LinkedHashMap<>();
        Set<String> mentioned = new LinkedHashSet<>();
        for (JsonNode mention : array(status, "mentions")) {
            Optional<String> acct = Json.optionalText(mention, "acct").filter(Statuses::isAcct);
            if (acct.isEmpty() || mentioned.size() >= StatusHtml.MAX_ENTITIES) {
                continue;
            }
            String absolute = MastodonIds.absoluteAcct(acct.get(), domain);
            if (mentioned.add(absolute)) {
                post.mention(new MentionedAccount(absolute, absolute));
            }
            Json.optionalId(mention, "id").ifPresent(accountId -> mentionedById.putIfAbsent(accountId, absolute));
        }

        Optional<PostKey> parent = Json.optionalId(status, "in_reply_to_id")
                .filter(MastodonIds::isId)
                .map(parentId -> MastodonIds.postKey(instance, parentId));
        parent.ifPresent(post::replyParent);
        Optional<JsonNode> quotedStatus =
                Json.optionalObject(status, "quote").flatMap(quote -> Json.optionalObject(quote, "quoted_status"));
        Optional<PostKey> quoted = quotedStatus
                .flatMap(quotedNode -> Json.optionalId(quotedNode, "id"))
                .filter(MastodonIds::isId)
                .map(quotedId -> MastodonIds.postKey(instance, quotedId));
        quoted.ifPresent(post::quoted);

        Post built = post.build();
        List<SourceEvent> events = new ArrayList<>();
        events.add(edited ? new SourceEvent.PostEdited(built) : new SourceEvent.PostCreated(built));
        if (parent.isPresent()) {
            // in_reply_to_account_id is a local number; the parent's author is known by acct only when the
            // reply mentions it (Mastodon adds that mention unless the author removed it) or it is a self-reply
            Optional<String> accountId = Json.optionalId(status, "in_reply_to_account_id");
            Optional<String> parentAuthor = accountId.flatMap(replyTo ->
                    replyTo.equals(Json.optionalId(status.get("account"), "id").orElse(""))
                            ? Optional.of(author.id())
                            : Optional.ofNullable(mentionedById.get(replyTo)));
            parentAuthor.ifPresent(subject -> events.add(interaction(
                    MastodonIds.interactionKey(instance, id),
                    InteractionKind.REPLY,
                    author.id(),
                    subject,
                    parent,
                    createdAt)));
        }
        if (quoted.isPresent()) {
            quotedStatus
                    .flatMap(quotedNode -> Json.optionalObject(quotedNode, "account"))
                    .flatMap(account -> Json.optionalText(account, "acct"))
                    .filter(Statuses::isAcct)
                    .ifPresent(acct -> events.add(interaction(
                            quoteKey(id),
                            InteractionKind.QUOTE,
                            author.id(),
                            MastodonIds.absoluteAcct(acct, domain),
                            quoted,
                            createdAt)));
        }
        for (String acct : mentioned) {
            events.add(interaction(
                    MastodonIds.mentionKey(instance, id, acct),
                    InteractionKind.MENTION,
                    author.id(),
                    acct,
                    Optional.empty(),
                    createdAt));
        }
        return events;
    }

    /**
     * A {@code delete} carries only the status id: the post goes, and so does the reply, reblog or quote it
     * may have been (taking back an interaction that never was changes nothing). Its mentions stay counted: a
     * delete does not say whom the status mentioned.
     */
    List<SourceEvent> deleted(String statusId, Instant at) {
        return List.of(
                new SourceEvent.PostDeleted(MastodonIds.postKey(instance, statusId), at),
                new SourceEvent.InteractionRemoved(MastodonIds.interactionKey(instance, statusId), at),
                new SourceEvent.InteractionRemoved(quoteKey(statusId), at));
    }

    /** The author of a status: its account's absolute {@code acct}, with what the account tells about itself. */
    Author author(JsonNode status, String path) {
        JsonNode account = Json.requiredObject(status, "account", path + "account");
        String acct = Json.requiredText(account, "acct", path + "account.acct");
        if (!isAcct(acct)) {
            throw new MalformedStatusException("field '" + path
                    + "account.acct' must look like alice or alice@example.org, got '" + Json.clip(acct) + "'");
        }
        String id = MastodonIds.absoluteAcct(acct, domain);
        JsonNode followers = account.get("followers_count");
        OptionalLong audience = followers != null
                        && followers.isIntegralNumber()
                        && followers.canConvertToLong()
                        && followers.longValue() >= 0
                ? OptionalLong.of(followers.longValue())
                : OptionalLong.empty();
        return new Author(
                Network.MASTODON,
                id,
                Optional.of("@" + id),
                Json.optionalText(account, "display_name").map(String::strip),
                audience);
    }

    String statusId(JsonNode status, String path) {
        String id = Json.requiredId(status, "id", path + "id");
        if (!MastodonIds.isId(id)) {
            throw new MalformedStatusException("field '" + path + "id' must be a status id (no '/', '?', '#' or"
                    + " white space, at most " + MastodonIds.MAX_ID_CHARS + " characters), got '" + Json.clip(id)
                    + "'");
        }
        return id;
    }

    /** A post can reply and quote at once, so its quote needs a key of its own. */
    InteractionKey quoteKey(String statusId) {
        return new InteractionKey(
                Network.MASTODON, MastodonIds.interactionKey(instance, statusId).nativeId() + "#quote");
    }

    static SourceEvent interaction(
            InteractionKey key,
            InteractionKind kind,
            String actor,
            String subjectAccount,
            Optional<PostKey> subjectPost,
            Instant at) {
        return new SourceEvent.InteractionAdded(new Interaction(key, kind, actor, subjectAccount, subjectPost, at));
    }

    static boolean isAcct(String acct) {
        return ACCT.matcher(acct).matches();
    }

    static void requireObject(JsonNode node, String what) {
        if (!node.isObject()) {
            throw new MalformedStatusException("a Mastodon " + what + " is a JSON object, got "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The text a person reads: {@code content} is HTML; statuses returned by a delete-and-redraft carry the
     * author's plain {@code text} instead.
     */
    private static StatusHtml.Extracted content(JsonNode status, String path) {
        JsonNode content = status.get("content");
        if (content != null && !content.isNull()) {
            if (!content.isTextual()) {
                throw new MalformedStatusException(
                        "field '" + path + "content' must be a string of HTML, got " + Json.describe(content));
            }
            return StatusHtml.extract(content.textValue());
        }
        String text = Json.optionalText(status, "text").map(String::strip).orElse("");
        return new StatusHtml.Extracted(text, List.of(), List.of());
    }

    /** Hashtags as written in the text first, then those of {@code tags} not seen yet (case aside). */
    private static List<String> hashtags(JsonNode status, StatusHtml.Extracted content) {
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        for (String tag : content.hashtags()) {
            byLowerCase.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
        }
        for (JsonNode tag : array(status, "tags")) {
            Json.optionalText(tag, "name")
                    .map(name -> name.startsWith("#") ? name.substring(1) : name)
                    .filter(name -> !name.isBlank() && name.length() <= 256)
                    .filter(name -> byLowerCase.size() < StatusHtml.MAX_ENTITIES)
                    .ifPresent(name -> byLowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), name));
        }
        return List.copyOf(byLowerCase.values());
    }

    /** Links of the text's anchors, then the preview card's. */
    private static List<String> links(JsonNode status, StatusHtml.Extracted content) {
        Set<String> links = new LinkedHashSet<>(content.links());
        Json.optionalObject(status, "card")
                .flatMap(card -> Json.optionalText(card, "url"))
                .map(String::strip)
                .filter(StatusHtml::isWebLink)
                .ifPresent(links::add);
        return List.copyOf(links);
    }

    private static List<JsonNode> array(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>(node.size());
        node.forEach(item -> {
            if (item.isObject()) {
                items.add(item);
            }
        });
        return items;
    }

    /** A status's {@code uri}: kept when it is one token (the ActivityPub id), else the key stands in. */
    private static boolean isIdentifier(String uri) {
        if (uri.length() > StatusHtml.MAX_URL_CHARS) {
            return false;
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }
}
