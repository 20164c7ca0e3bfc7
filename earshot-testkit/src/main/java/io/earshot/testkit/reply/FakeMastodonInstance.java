package io.earshot.testkit.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Mastodon instance on 127.0.0.1 that checks replies as a real one does: bearer tokens
 * ({@code verify_credentials}), {@code /api/v2/search} that resolves a remote status only with
 * {@code resolve=true} and a token, and {@code POST /api/v1/statuses} (JSON or form) that needs a
 * {@code status} of at most 500 characters and an {@code in_reply_to_id} this instance knows, and honours
 * {@code Idempotency-Key}: the same key from the same account returns the status it made, without a second one.
 * Failures (429 with {@code X-RateLimit-Reset} or {@code Retry-After}, 5xx, an answer lost after the status was
 * made) can be scripted per path.
 */
public final class FakeMastodonInstance implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A status this instance has, under its local id. */
    public record Status(String id, String uri, String url, String acct, String text, Optional<String> inReplyToId) {}

    private final Javalin app;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    private final Map<String, String> remote = new ConcurrentHashMap<>();
    private final Map<String, String> idempotency = new ConcurrentHashMap<>();
    private final List<Status> created = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Failures failures = new Failures();
    private final AtomicLong ids = new AtomicLong(113_000_000_000_000_000L);

    public FakeMastodonInstance() {
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/api/v1/accounts/verify_credentials", this::verify);
            config.routes.get("/api/v2/search", this::search);
            config.routes.post("/api/v1/statuses", this::post);
        });
        app.start("127.0.0.1", 0);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    /** The instance's own host key, as Earshot keys its statuses ({@code 127.0.0.1:port}). */
    public String host() {
        return "127.0.0.1:" + app.port();
    }

    /** A token of the local account {@code username}. */
    public FakeMastodonInstance token(String token, String username) {
        tokens.put(token, username);
        return this;
    }

    /** A status on this instance. */
    public Status status(String id, String acct, String text) {
        Status status = new Status(
                id,
                uri() + "/users/" + acct + "/statuses/" + id,
                uri() + "/@" + acct + "/" + id,
                acct,
                text,
                Optional.empty());
        statuses.put(id, status);
        return status;
    }

    /** A status of another instance, found by its URI when searched with {@code resolve=true}; it gets a local id. */
    public Status remoteStatus(String remoteUri, String acct, String text) {
        String id = Long.toString(ids.incrementAndGet());
        Status status = new Status(id, remoteUri, remoteUri, acct, text, Optional.empty());
        remote.put(remoteUri, id);
        return status;
    }

    public void failNext(String path, int status, Map<String, String> headers) {
        failures.add(path, new Failures.Failure(status, headers, false));
    }

    public void failAfterWork(String path, int status) {
        failures.add(path, new Failures.Failure(status, Map.of(), true));
    }

    /** Statuses made through the API, in order. */
    public List<Status> created() {
        return List.copyOf(created);
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    private Optional<String> account(Context ctx, String path) {
        calls.add(ctx.method() + " " + path);
        if (failures.serve(path, false, ctx)) {
            return Optional.empty();
        }
        String header = ctx.header("Authorization");
        String user = header != null && header.startsWith("Bearer ") ? tokens.get(header.substring(7)) : null;
        if (user == null) {
            ctx.status(401).json(Map.of("error", "The access token is invalid"));
            return Optional.empty();
        }
        return Optional.of(user);
    }

    private void verify(Context ctx) {
        account(ctx, "/api/v1/accounts/verify_credentials")
                .ifPresent(user -> ctx.json(Map.of(
                        "id",
                        Integer.toString(Math.abs(user.hashCode())),
                        "username",
                        user,
                        "acct",
                        user,
                        "url",
                        uri() + "/@" + user)));
    }

    private void search(Context ctx) {
        Optional<String> user = account(ctx, "/api/v2/search");
        if (user.isEmpty()) {
            return;
        }
        String q = ctx.queryParam("q");
        boolean resolve = "true".equals(ctx.queryParam("resolve"));
        String id = q == null ? null : remote.get(q);
        if (id != null && resolve) {
            Status local =
                    statuses.computeIfAbsent(id, k -> new Status(k, q, q, "someone@elsewhere", "", Optional.empty()));
            ctx.json(Map.of("accounts", List.of(), "hashtags", List.of(), "statuses", List.of(render(local))));
            return;
        }
        ctx.json(Map.of("accounts", List.of(), "hashtags", List.of(), "statuses", List.of()));
    }

    private void post(Context ctx) throws Exception {
        String path = "/api/v1/statuses";
        Optional<String> user = account(ctx, path);
        if (user.isEmpty()) {
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (type.startsWith("application/json")) {
            JsonNode body = JSON.readTree(ctx.body());
            body.properties()
                    .forEach(field -> form.put(field.getKey(), field.getValue().asText()));
        } else {
            ctx.formParamMap().forEach((key, values) -> form.put(key, values.getFirst()));
        }
        String key = ctx.header("Idempotency-Key");
        if (key != null) {
            String known = idempotency.get(user.get() + " " + key);
            if (known != null) {
                ctx.json(render(statuses.get(known)));
                return;
            }
        }
        String text = form.getOrDefault("status", "");
        if (text.isBlank()) {
            ctx.status(422).json(Map.of("error", "Validation failed: Text can't be blank"));
            return;
        }
        if (text.codePointCount(0, text.length()) > 500) {
            ctx.status(422).json(Map.of("error", "Validation failed: Text character limit of 500 exceeded"));
            return;
        }
        String parent = form.get("in_reply_to_id");
        if (parent != null && !statuses.containsKey(parent)) {
            ctx.status(404).json(Map.of("error", "Record not found"));
            return;
        }
        String id = Long.toString(ids.incrementAndGet());
        Status status = new Status(
                id,
                uri() + "/users/" + user.get() + "/statuses/" + id,
                uri() + "/@" + user.get() + "/" + id,
                user.get(),
                text,
                Optional.ofNullable(parent));
        statuses.put(id, status);
        created.add(status);
        if (key != null) {
            idempotency.put(user.get() + " " + key, id);
        }
        if (failures.serve(path, true, ctx)) {
            return;
        }
        ctx.json(render(status));
    }

    private static Map<String, Object> render(Status status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", status.id());
        json.put("uri", status.uri());
        json.put("url", status.url());
        json.put("in_reply_to_id", status.inReplyToId().orElse(null));
        json.put("content", "<p>" + status.text() + "</p>");
        json.put("account", Map.of("acct", status.acct()));
        return json;
    }

    @Override
    public void close() {
        app.stop();
    }
}
