package io.earshot.server.account;

import io.earshot.account.Account;
import io.earshot.account.ApiToken;
import io.earshot.account.Role;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.Json;
import io.earshot.server.http.NotFoundException;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The account API: {@code GET /api/v1/me} (anyone), and for admins {@code /api/v1/users} (list, add, change role
 * or password, remove) and {@code /api/v1/tokens} (list, add — the secret is in that one answer only — revoke).
 */
public final class AccountRoutes implements Routes {

    private final Accounts accounts;

    public AccountRoutes(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/me", this::me);
        routes.get(
                "/api/v1/users",
                ctx -> Requests.json(
                        ctx,
                        200,
                        Map.of(
                                "items",
                                accounts.users().stream()
                                        .map(AccountRoutes::user)
                                        .toList())));
        routes.post("/api/v1/users", this::addUser);
        routes.put("/api/v1/users/{name}", this::changeUser);
        routes.delete("/api/v1/users/{name}", this::removeUser);
        routes.get(
                "/api/v1/tokens",
                ctx -> Requests.json(
                        ctx,
                        200,
                        Map.of(
                                "items",
                                accounts.tokens().stream()
                                        .map(AccountRoutes::token)
                                        .toList())));
        routes.post("/api/v1/tokens", this::addToken);
        routes.delete("/api/v1/tokens/{id}", this::removeToken);
    }

    private void me(Context ctx) {
        Principal principal = Gate.principal(ctx);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", principal.name());
        json.put("role", principal.role().id());
        json.put("via", principal.kind().name().toLowerCase(java.util.Locale.ROOT));
        Requests.json(ctx, 200, json);
    }

    private void addUser(Context ctx) {
        Map<String, Object> body = body(ctx);
        Account account = accounts.addUser(
                text(body, "name"),
                Role.parse(String.valueOf(body.getOrDefault("role", "viewer"))),
                text(body, "password"));
        Requests.json(ctx, 201, user(account));
    }

    private void changeUser(Context ctx) {
        String name = ctx.pathParam("name");
        Map<String, Object> body = body(ctx);
        if (body.containsKey("role") && !accounts.changeRole(name, Role.parse(String.valueOf(body.get("role"))))) {
            throw new NotFoundException("no user named '" + name + "'");
        }
        if (body.containsKey("password") && !accounts.changePassword(name, text(body, "password"))) {
            throw new NotFoundException("no user named '" + name + "'");
        }
        Requests.json(
                ctx,
                200,
                user(accounts.users().stream()
                        .filter(account -> account.name().equalsIgnoreCase(name))
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("no user named '" + name + "'"))));
    }

    private void removeUser(Context ctx) {
        String name = ctx.pathParam("name");
        if (Gate.principal(ctx).name().equalsIgnoreCase(name)) {
            throw new BadRequestException("you cannot remove yourself; ask another admin");
        }
        if (!accounts.removeUser(name)) {
            throw new NotFoundException("no user named '" + name + "'");
        }
        ctx.status(204);
    }

    private void addToken(Context ctx) {
        Map<String, Object> body = body(ctx);
        Accounts.IssuedToken issued = accounts.addToken(
                String.valueOf(body.getOrDefault("label", "token")),
                Role.parse(String.valueOf(body.getOrDefault("role", "viewer"))));
        Map<String, Object> json = token(issued.token());
        json.put("token", issued.secret());
        json.put("note", "shown once: store it now; Earshot keeps only its digest");
        Requests.json(ctx, 201, json);
    }

    private void removeToken(Context ctx) {
        if (!accounts.removeToken(Requests.idParam(ctx, "id"))) {
            throw new NotFoundException("no API token " + ctx.pathParam("id"));
        }
        ctx.status(204);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Context ctx) {
        try {
            Object value = Json.mapper().readValue(ctx.body(), Object.class);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // answered below
        }
        throw new BadRequestException("send a JSON object");
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new BadRequestException("'" + field + "' is required");
        }
        return text;
    }

    static Map<String, Object> user(Account account) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", account.name());
        json.put("role", account.role().id());
        json.put("createdAt", account.createdAt().toString());
        return json;
    }

    static Map<String, Object> token(ApiToken token) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", token.id());
        json.put("label", token.label());
        json.put("role", token.role().id());
        json.put("createdAt", token.createdAt().toString());
        return json;
    }
}
