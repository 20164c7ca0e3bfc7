package io.earshot.source.reply;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.inbox.reply.Credentials;
import io.earshot.inbox.reply.Identity;
import io.earshot.inbox.reply.NetworkRefusedException;
import io.earshot.inbox.reply.Posted;
import io.earshot.inbox.reply.ReplyNetwork;
import io.earshot.inbox.reply.ReplyTarget;
import io.earshot.source.mastodon.MastodonIds;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Replies on Mastodon: {@code POST /api/v1/statuses} with {@code in_reply_to_id} and an {@code Idempotency-Key}
 * (the same for every attempt of one reply, so the instance makes one status however often it is sent). A status
 * that lives on another instance is first looked up on the account's own instance
 * ({@code /api/v2/search?q=<status URI>&resolve=true}) to get the id it has there. The author is mentioned at the
 * start of the reply, as Mastodon clients do, so they are notified.
 */
public final class MastodonReplies implements ReplyNetwork {

    private final Http http;

    public MastodonReplies(RetryPolicy policy) {
        this.http = new Http(policy);
    }

    @Override
    public Identity verify(Credentials credentials) {
        Credentials.Mastodon account = mastodon(credentials);
        return http.run("checking the token with " + account.instance(), attempt -> {
            HttpResponse<String> response = http.send(
                    authorized(account, "/api/v1/accounts/verify_credentials")
                            .GET()
                            .build(),
                    attempt);
            if (response.statusCode() != 200) {
                throw new NetworkRefusedException(account.instance().getHost() + " refused the token ("
                        + response.statusCode() + ")"
                        + Http.error(response).map(e -> ": " + e).orElse("")
                        + "; make one with the read and write:statuses scopes (Preferences > Development)");
            }
            JsonNode me = Http.json(response);
            String acct =
                    MastodonIds.absoluteAcct(me.path("acct").asText(), MastodonIds.accountDomain(account.instance()));
            return Optional.of(new Identity(acct, "@" + acct));
        });
    }

    @Override
    public Posted reply(Credentials credentials, ReplyTarget target, String text, String idempotencyKey) {
        Credentials.Mastodon account = mastodon(credentials);
        String instance = MastodonIds.instanceKey(account.instance());
        return http.run("replying on " + account.instance().getHost() + " to " + target.uri(), attempt -> {
            String statusId = localId(account, instance, target, attempt);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", withMention(text, target));
            body.put("in_reply_to_id", statusId);
            HttpResponse<String> response = http.send(
                    authorized(account, "/api/v1/statuses")
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", idempotencyKey)
                            .POST(HttpRequest.BodyPublishers.ofString(Http.body(body)))
                            .build(),
                    attempt);
            if (response.statusCode() != 200) {
                throw new NetworkRefusedException(
                        account.instance().getHost() + " refused the reply (" + response.statusCode() + ")"
                                + Http.error(response).map(e -> ": " + e).orElse(""));
            }
            JsonNode status = Http.json(response);
            String id = status.path("id").asText();
            return Optional.of(new Posted(
                    MastodonIds.postKey(instance, id),
                    status.path("uri").asText(id),
                    Optional.of(status.path("url").asText("")).filter(url -> !url.isEmpty())));
        });
    }

    /** The id the status has on the account's instance: its own when read there, else looked up (resolve=true). */
    private String localId(Credentials.Mastodon account, String instance, ReplyTarget target, int attempt)
            throws InterruptedException {
        String nativeId = target.post().nativeId();
        int colon = nativeId.lastIndexOf(':');
        if (colon > 0 && nativeId.substring(0, colon).equals(instance)) {
            return nativeId.substring(colon + 1);
        }
        String address =
                target.uri().startsWith("http") ? target.uri() : target.url().orElse(target.uri());
        HttpResponse<String> response = http.send(
                authorized(
                                account,
                                "/api/v2/search?q=" + URLEncoder.encode(address, StandardCharsets.UTF_8)
                                        + "&resolve=true&type=statuses&limit=1")
                        .GET()
                        .build(),
                attempt);
        if (response.statusCode() != 200) {
            throw new NetworkRefusedException(
                    account.instance().getHost() + " could not look up " + address + " (" + response.statusCode() + ")"
                            + Http.error(response).map(e -> ": " + e).orElse(""));
        }
        JsonNode found = Http.json(response).path("statuses").path(0);
        if (found.isMissingNode() || found.path("id").asText("").isEmpty()) {
            throw new NetworkRefusedException(account.instance().getHost() + " cannot find " + address
                    + " (deleted, or the other instance blocks it); there is nothing to reply to from this account");
        }
        return found.path("id").asText();
    }

    /** The reply with {@code @author} in front, unless the text mentions them already. */
    static String withMention(String text, ReplyTarget target) {
        Optional<String> acct = target.authorHandle().map(handle -> handle.startsWith("@") ? handle : "@" + handle);
        if (acct.isEmpty() || text.toLowerCase(Locale.ROOT).contains(acct.get().toLowerCase(Locale.ROOT))) {
            return text;
        }
        return acct.get() + " " + text;
    }

    private HttpRequest.Builder authorized(Credentials.Mastodon account, String path) {
        String base = account.instance().toString().replaceAll("/+$", "");
        return http.request(URI.create(base + path)).header("Authorization", "Bearer " + account.token());
    }

    private static Credentials.Mastodon mastodon(Credentials credentials) {
        if (credentials instanceof Credentials.Mastodon mastodon) {
            return mastodon;
        }
        throw new IllegalArgumentException(
                "not Mastodon credentials: " + credentials.network().id());
    }
}
