package io.earshot.testkit.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.text.BreakIterator;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A Bluesky PDS on 127.0.0.1 that checks replies as the real one does: {@code createSession} with a handle and an
 * app password, bearer access tokens that expire ({@link #expireAccessTokens}) and are renewed with
 * {@code refreshSession} (each refresh token works once), {@code app.bsky.feed.getPosts} for strong references,
 * {@code getRecord}, and {@code createRecord} of {@code app.bsky.feed.post} records: the repo must be the
 * session's DID, the record key a TID, the text at most 300 graphemes, {@code createdAt} a datetime, and
 * {@code reply.root}/{@code reply.parent} must name existing posts by uri <em>and</em> cid. Creating a record key
 * that exists answers 500, as the real PDS does. Failures (429 with {@code ratelimit-reset}, 5xx, an answer lost
 * after the record was made) can be scripted per method.
 */
public final class FakeBlueskyPds implements AutoCloseable {

    private static final Pattern TID = Pattern.compile("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A post the PDS (as the AppView behind it) knows. */
    public record StoredPost(
            String uri,
            String cid,
            String did,
            String text,
            Optional<String> rootUri,
            Optional<String> rootCid,
            Optional<String> parentUri,
            Optional<String> parentCid) {}

    private record Account(String did, String handle, String password) {}

    private final Javalin app;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, StoredPost> posts = new ConcurrentHashMap<>();
    private final List<StoredPost> created = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Failures failures = new Failures();

    public FakeBlueskyPds() {
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post("/xrpc/com.atproto.server.createSession", this::createSession);
            config.routes.post("/xrpc/com.atproto.server.refreshSession", this::refreshSession);
            config.routes.get("/xrpc/app.bsky.feed.getPosts", this::getPosts);
            config.routes.get("/xrpc/com.atproto.repo.getRecord", this::getRecord);
            config.routes.post("/xrpc/com.atproto.repo.createRecord", this::createRecord);
        });
        app.start("127.0.0.1", 0);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    /** An account that can sign in with {@code password}. */
    public FakeBlueskyPds account(String did, String handle, String password) {
        accounts.put(handle, new Account(did, handle, password));
        return this;
    }

    /** A post someone wrote (the parent or root of a reply); returns it with its cid. */
    public StoredPost post(String did, String rkey, String text, Optional<StoredPost> root) {
        String uri = "at://" + did + "/app.bsky.feed.post/" + rkey;
        StoredPost post = new StoredPost(
                uri,
                cid(),
                did,
                text,
                root.map(StoredPost::uri),
                root.map(StoredPost::cid),
                root.map(StoredPost::uri),
                root.map(StoredPost::cid));
        posts.put(uri, post);
        return post;
    }

    /** Every access token stops working (as after their two hours): clients must refresh. */
    public void expireAccessTokens() {
        accessTokens.clear();
    }

    /** The next call of {@code method} (e.g. {@code com.atproto.repo.createRecord}) fails with {@code status}. */
    public void failNext(String method, int status, Map<String, String> headers) {
        failures.add(method, new Failures.Failure(status, headers, false));
    }

    /** The next call of {@code method} does its work, then answers {@code status}: the answer is lost. */
    public void failAfterWork(String method, int status) {
        failures.add(method, new Failures.Failure(status, Map.of(), true));
    }

    /** Posts made through {@code createRecord}, in order. */
    public List<StoredPost> created() {
        return List.copyOf(created);
    }

    /** Every call, as {@code METHOD method}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    private boolean failed(String method, Context ctx, boolean afterWork) {
        if (!afterWork) {
            calls.add(ctx.method() + " " + method);
        }
        return failures.serve(method, afterWork, ctx);
    }

    private void createSession(Context ctx) throws Exception {
        if (failed("com.atproto.server.createSession", ctx, false)) {
            return;
        }
        JsonNode body = jsonBody(ctx);
        if (body == null) {
            return;
        }
        Account account = accounts.get(body.path("identifier").asText());
        if (account == null || !account.password().equals(body.path("password").asText())) {
            error(ctx, 401, "AuthenticationRequired", "Invalid identifier or password");
            return;
        }
        ctx.json(session(account));
    }

    private void refreshSession(Context ctx) {
        if (failed("com.atproto.server.refreshSession", ctx, false)) {
            return;
        }
        String token = bearer(ctx);
        String handle = token == null ? null : refreshTokens.remove(token);
        if (handle == null) {
            error(ctx, 400, "ExpiredToken", "Token has been revoked");
            return;
        }
        ctx.json(session(accounts.get(handle)));
    }

    private Map<String, Object> session(Account account) {
        String access = "access-" + UUID.randomUUID();
        String refresh = "refresh-" + UUID.randomUUID();
        accessTokens.put(access, account.handle());
        refreshTokens.put(refresh, account.handle());
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("did", account.did());
        session.put("handle", account.handle());
        session.put("accessJwt", access);
        session.put("refreshJwt", refresh);
        session.put("active", true);
        return session;
    }

    private Optional<Account> authorized(Context ctx) {
        String token = bearer(ctx);
        if (token == null) {
            error(ctx, 401, "AuthenticationRequired", "Authentication Required");
            return Optional.empty();
        }
        String handle = accessTokens.get(token);
        if (handle == null) {
            error(ctx, 400, "ExpiredToken", "Token has expired");
            return Optional.empty();
        }
        return Optional.of(accounts.get(handle));
    }

    private void getPosts(Context ctx) {
        if (failed("app.bsky.feed.getPosts", ctx, false) || authorized(ctx).isEmpty()) {
            return;
        }
        List<Map<String, Object>> found = new ArrayList<>();
        for (String uri : ctx.queryParams("uris")) {
            StoredPost post = posts.get(uri);
            if (post != null) {
                found.add(view(post));
            }
        }
        ctx.json(Map.of("posts", found));
    }

    private static Map<String, Object> view(StoredPost post) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("$type", "app.bsky.feed.post");
        record.put("text", post.text());
        record.put("createdAt", "2026-11-26T10:00:00.000Z");
        if (post.rootUri().isPresent()) {
            record.put(
                    "reply",
                    Map.of(
                            "root",
                                    Map.of(
                                            "uri",
                                            post.rootUri().get(),
                                            "cid",
                                            post.rootCid().orElseThrow()),
                            "parent",
                                    Map.of(
                                            "uri",
                                            post.parentUri().orElseThrow(),
                                            "cid",
                                            post.parentCid().orElseThrow())));
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("uri", post.uri());
        view.put("cid", post.cid());
        view.put("author", Map.of("did", post.did()));
        view.put("record", record);
        return view;
    }

    private void getRecord(Context ctx) {
        if (failed("com.atproto.repo.getRecord", ctx, false)) {
            return;
        }
        String uri =
                "at://" + ctx.queryParam("repo") + "/" + ctx.queryParam("collection") + "/" + ctx.queryParam("rkey");
        StoredPost post = posts.get(uri);
        if (post == null) {
            error(ctx, 400, "RecordNotFound", "Could not locate record: " + uri);
            return;
        }
        ctx.json(
                Map.of("uri", post.uri(), "cid", post.cid(), "value", view(post).get("record")));
    }

    private void createRecord(Context ctx) throws Exception {
        String method = "com.atproto.repo.createRecord";
        if (failed(method, ctx, false)) {
            return;
        }
        Optional<Account> account = authorized(ctx);
        if (account.isEmpty()) {
            return;
        }
        JsonNode body = jsonBody(ctx);
        if (body == null) {
            return;
        }
        String problem = problem(account.get(), body);
        if (problem != null) {
            error(ctx, 400, "InvalidRequest", problem);
            return;
        }
        String rkey = body.path("rkey").asText();
        String uri = "at://" + account.get().did() + "/app.bsky.feed.post/" + rkey;
        if (posts.containsKey(uri)) {
            error(ctx, 500, "InternalServerError", "Internal Server Error");
            return;
        }
        JsonNode reply = body.path("record").path("reply");
        StoredPost post = new StoredPost(
                uri,
                cid(),
                account.get().did(),
                body.path("record").path("text").asText(),
                Optional.of(reply.path("root").path("uri").asText()),
                Optional.of(reply.path("root").path("cid").asText()),
                Optional.of(reply.path("parent").path("uri").asText()),
                Optional.of(reply.path("parent").path("cid").asText()));
        posts.put(uri, post);
        created.add(post);
        if (failures.serve(method, true, ctx)) {
            return;
        }
        ctx.json(Map.of(
                "uri",
                uri,
                "cid",
                post.cid(),
                "commit",
                Map.of("cid", cid(), "rev", rkey),
                "validationStatus",
                "valid"));
    }

    private String problem(Account account, JsonNode body) {
        if (!account.did().equals(body.path("repo").asText())) {
            return "repo must be the session's DID " + account.did();
        }
        if (!"app.bsky.feed.post".equals(body.path("collection").asText())) {
            return "collection must be app.bsky.feed.post";
        }
        if (!TID.matcher(body.path("rkey").asText("")).matches()) {
            return "Custom rkeys for post records should be TIDs";
        }
        JsonNode record = body.path("record");
        if (!"app.bsky.feed.post".equals(record.path("$type").asText())) {
            return "Invalid $type: must be app.bsky.feed.post";
        }
        String text = record.path("text").asText(null);
        if (text == null || graphemes(text) > 300) {
            return "Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes";
        }
        try {
            Instant.parse(record.path("createdAt").asText());
        } catch (DateTimeParseException e) {
            return "Invalid app.bsky.feed.post record: Record/createdAt must be an valid atproto datetime";
        }
        for (String part : List.of("root", "parent")) {
            JsonNode ref = record.path("reply").path(part);
            StoredPost known = posts.get(ref.path("uri").asText());
            if (known == null || !known.cid().equals(ref.path("cid").asText())) {
                return "Invalid app.bsky.feed.post record: reply." + part + " must be a strong ref (uri and cid) of"
                        + " an existing post";
            }
        }
        return null;
    }

    private static JsonNode jsonBody(Context ctx) throws Exception {
        String type = ctx.contentType();
        if (type == null || !type.startsWith("application/json")) {
            error(ctx, 400, "InvalidRequest", "Wrong request encoding (Content-Type): " + type);
            return null;
        }
        return JSON.readTree(ctx.body());
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
    }

    private static void error(Context ctx, int status, String error, String message) {
        ctx.status(status).json(Map.of("error", error, "message", message));
    }

    private static String cid() {
        return "bafyrei" + UUID.randomUUID().toString().replace("-", "");
    }

    private static int graphemes(String text) {
        BreakIterator iterator = BreakIterator.getCharacterInstance();
        iterator.setText(text);
        int count = 0;
        while (iterator.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }

    @Override
    public void close() {
        app.stop();
    }
}
