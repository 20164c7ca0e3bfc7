package io.earshot.source.reply;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.inbox.reply.Credentials;
import io.earshot.inbox.reply.Identity;
import io.earshot.inbox.reply.NetworkRefusedException;
import io.earshot.inbox.reply.Posted;
import io.earshot.inbox.reply.ReplyNetwork;
import io.earshot.inbox.reply.ReplyTarget;
import io.earshot.source.bluesky.BlueskyIds;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replies on Bluesky from an account's own PDS: {@code com.atproto.server.createSession} with an app password
 * (sessions are kept and refreshed with {@code refreshSession} when the access token expires), the parent's and
 * the thread root's strong references (uri + cid) from {@code app.bsky.feed.getPosts} (the PDS proxies it to the
 * AppView), then {@code com.atproto.repo.createRecord} of an {@code app.bsky.feed.post} with {@code reply.root}
 * and {@code reply.parent}.
 *
 * <p>The record key is the reply's idempotency key (a TID made once per reply): before each attempt
 * {@code getRecord} asks whether an earlier attempt got through, so a retry never makes a second post.
 */
public final class BlueskyReplies implements ReplyNetwork {

    /** Bluesky's limit on a post's text, in graphemes. */
    static final int MAX_GRAPHEMES = 300;

    private static final String POST = "app.bsky.feed.post";

    private record Session(String did, String handle, String accessJwt, String refreshJwt) {}

    private record StrongRef(String uri, String cid) {
        Map<String, String> json() {
            Map<String, String> ref = new LinkedHashMap<>();
            ref.put("uri", uri);
            ref.put("cid", cid);
            return ref;
        }
    }

    private final Http http;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public BlueskyReplies(RetryPolicy policy) {
        this.http = new Http(policy);
    }

    @Override
    public Identity verify(Credentials credentials) {
        Session session = createSession(bluesky(credentials));
        return new Identity(session.did(), session.handle());
    }

    @Override
    public Posted reply(Credentials credentials, ReplyTarget target, String text, String recordKey) {
        Credentials.Bluesky account = bluesky(credentials);
        if (graphemes(text) > MAX_GRAPHEMES) {
            throw new NetworkRefusedException("a Bluesky post holds at most " + MAX_GRAPHEMES + " characters; this"
                    + " reply has " + graphemes(text) + ": shorten it");
        }
        return http.run("replying on Bluesky to " + target.uri(), attempt -> {
            Session session = session(account);
            Optional<Posted> earlier = existing(account, session, recordKey, attempt);
            if (earlier.isPresent()) {
                return earlier;
            }
            StrongRef parent = resolve(account, session, target.uri(), attempt);
            StrongRef root = root(account, session, target.uri(), attempt).orElse(parent);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("$type", POST);
            record.put("text", text);
            record.put("createdAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            record.put("reply", Map.of("root", root.json(), "parent", parent.json()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("repo", session.did());
            body.put("collection", POST);
            body.put("rkey", recordKey);
            body.put("record", record);
            HttpResponse<String> response = http.send(
                    authorized(account, "com.atproto.repo.createRecord", session)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(Http.body(body)))
                            .build(),
                    attempt);
            if (expired(response)) {
                refresh(account, session);
                throw new Http.TryAgain("the session expired", java.time.Duration.ZERO);
            }
            if (response.statusCode() != 200) {
                throw refused("createRecord", response);
            }
            JsonNode created = Http.json(response);
            return Optional.of(posted(session, created.path("uri").asText(), recordKey));
        });
    }

    private Optional<Posted> existing(Credentials.Bluesky account, Session session, String rkey, int attempt)
            throws InterruptedException {
        HttpResponse<String> response = http.send(
                request(
                                account,
                                "com.atproto.repo.getRecord?repo=" + encode(session.did()) + "&collection=" + POST
                                        + "&rkey=" + encode(rkey))
                        .GET()
                        .build(),
                attempt);
        if (response.statusCode() == 200) {
            return Optional.of(posted(session, Http.json(response).path("uri").asText(), rkey));
        }
        return Optional.empty(); // 400 RecordNotFound: not posted yet
    }

    private Posted posted(Session session, String uri, String rkey) {
        return new Posted(
                BlueskyIds.postKey(session.did(), rkey),
                uri.isEmpty() ? BlueskyIds.postUri(session.did(), rkey) : uri,
                Optional.of("https://bsky.app/profile/" + session.handle() + "/post/" + rkey));
    }

    /** The post's own strong reference. */
    private StrongRef resolve(Credentials.Bluesky account, Session session, String uri, int attempt)
            throws InterruptedException {
        JsonNode post = getPost(account, session, uri, attempt);
        return new StrongRef(post.path("uri").asText(), post.path("cid").asText());
    }

    /** The root of the thread the post is in, as its own record names it. */
    private Optional<StrongRef> root(Credentials.Bluesky account, Session session, String uri, int attempt)
            throws InterruptedException {
        JsonNode root = getPost(account, session, uri, attempt)
                .path("record")
                .path("reply")
                .path("root");
        if (root.path("uri").asText("").isEmpty() || root.path("cid").asText("").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new StrongRef(root.path("uri").asText(), root.path("cid").asText()));
    }

    private final Map<String, JsonNode> posts = new ConcurrentHashMap<>();

    private JsonNode getPost(Credentials.Bluesky account, Session session, String uri, int attempt)
            throws InterruptedException {
        JsonNode known = posts.get(uri);
        if (known != null) {
            return known;
        }
        HttpResponse<String> response = http.send(
                authorized(account, "app.bsky.feed.getPosts?uris=" + encode(uri), session)
                        .GET()
                        .build(),
                attempt);
        if (expired(response)) {
            refresh(account, session);
            throw new Http.TryAgain("the session expired", java.time.Duration.ZERO);
        }
        if (response.statusCode() != 200) {
            throw refused("getPosts", response);
        }
        JsonNode found = Http.json(response).path("posts").path(0);
        if (found.isMissingNode() || found.path("cid").asText("").isEmpty()) {
            throw new NetworkRefusedException("Bluesky does not know the post " + uri + " any more (deleted?);"
                    + " there is nothing to reply to");
        }
        if (posts.size() > 10_000) {
            posts.clear();
        }
        posts.put(uri, found);
        return found;
    }

    private Session session(Credentials.Bluesky account) {
        return sessions.computeIfAbsent(key(account), k -> createSession(account));
    }

    private Session createSession(Credentials.Bluesky account) {
        return http.run("signing in to " + account.pds() + " as " + account.handle(), attempt -> {
            Map<String, String> body = Map.of("identifier", account.handle(), "password", account.appPassword());
            HttpResponse<String> response = http.send(
                    request(account, "com.atproto.server.createSession")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(Http.body(body)))
                            .build(),
                    attempt);
            if (response.statusCode() != 200) {
                throw new NetworkRefusedException(account.pds().getHost() + " refused to sign in as "
                        + account.handle()
                        + Http.error(response).map(e -> ": " + e).orElse("")
                        + " (check the handle and the app password)");
            }
            return Optional.of(session(Http.json(response)));
        });
    }

    /** Refreshes the session; when the refresh token is no good either, signs in again. */
    private void refresh(Credentials.Bluesky account, Session stale) {
        try {
            HttpResponse<String> response = http.send(
                    request(account, "com.atproto.server.refreshSession")
                            .header("Authorization", "Bearer " + stale.refreshJwt())
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    1);
            if (response.statusCode() == 200) {
                sessions.put(key(account), session(Http.json(response)));
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Http.TryAgain("interrupted", java.time.Duration.ZERO);
        }
        sessions.put(key(account), createSession(account));
    }

    private static Session session(JsonNode json) {
        return new Session(
                json.path("did").asText(),
                json.path("handle").asText(),
                json.path("accessJwt").asText(),
                json.path("refreshJwt").asText());
    }

    private static boolean expired(HttpResponse<String> response) {
        return (response.statusCode() == 400 || response.statusCode() == 401)
                && Http.error(response)
                        .filter(e -> e.startsWith("ExpiredToken") || e.startsWith("InvalidToken"))
                        .isPresent();
    }

    private static NetworkRefusedException refused(String call, HttpResponse<String> response) {
        return new NetworkRefusedException("Bluesky refused " + call + " (" + response.statusCode() + ")"
                + Http.error(response).map(e -> ": " + e).orElse(""));
    }

    private HttpRequest.Builder authorized(Credentials.Bluesky account, String method, Session session) {
        return request(account, method).header("Authorization", "Bearer " + session.accessJwt());
    }

    private HttpRequest.Builder request(Credentials.Bluesky account, String method) {
        String base = account.pds().toString().replaceAll("/+$", "");
        return http.request(URI.create(base + "/xrpc/" + method));
    }

    private static String key(Credentials.Bluesky account) {
        return account.pds() + " " + account.handle();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Credentials.Bluesky bluesky(Credentials credentials) {
        if (credentials instanceof Credentials.Bluesky bluesky) {
            return bluesky;
        }
        throw new IllegalArgumentException(
                "not Bluesky credentials: " + credentials.network().id());
    }

    static int graphemes(String text) {
        BreakIterator iterator = BreakIterator.getCharacterInstance();
        iterator.setText(text);
        int count = 0;
        while (iterator.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }
}
