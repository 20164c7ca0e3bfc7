package io.earshot.server.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.domain.Network;
import io.earshot.inbox.reply.AccountService;
import io.earshot.inbox.reply.ConnectedAccount;
import io.earshot.inbox.reply.Credentials;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.ConflictException;
import io.earshot.server.http.Json;
import io.earshot.server.http.NotFoundException;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.javalin.config.RoutesConfig;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/accounts}: connected accounts the team replies from. Credentials are checked with the network on
 * connect, stored encrypted and never shown again.
 */
final class AccountRoutes implements Routes {

    private final AccountService accounts;

    AccountRoutes(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/accounts", ctx -> {
            Credentials credentials = credentials(Json.read(ctx.body()));
            ConnectedAccount account;
            try {
                account = accounts.connect(credentials, Actors.of(ctx));
            } catch (IllegalStateException e) {
                throw new ConflictException(e.getMessage());
            }
            ctx.header("Location", "/api/v1/accounts/" + account.id());
            Requests.json(ctx, 201, render(account));
        });
        routes.get(
                "/api/v1/accounts",
                ctx -> Requests.json(
                        ctx,
                        200,
                        Map.of(
                                "items",
                                accounts.list().stream()
                                        .map(AccountRoutes::render)
                                        .toList())));
        routes.get("/api/v1/accounts/{id}", ctx -> {
            long id = Requests.idParam(ctx, "id");
            Requests.json(
                    ctx,
                    200,
                    render(accounts.get(id).orElseThrow(() -> new NotFoundException("no connected account " + id))));
        });
        routes.delete("/api/v1/accounts/{id}", ctx -> {
            long id = Requests.idParam(ctx, "id");
            if (!accounts.remove(id)) {
                throw new NotFoundException("no connected account " + id);
            }
            ctx.status(204);
        });
    }

    static Credentials credentials(JsonNode body) {
        Fields.object(body, "an account");
        Network network;
        try {
            network = Network.fromId(Fields.requiredText(body, "network", "\"bluesky\" or \"mastodon\""));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        try {
            return switch (network) {
                case MASTODON -> {
                    Fields.only(body, "a Mastodon account", Set.of("network", "instance", "token"));
                    yield new Credentials.Mastodon(
                            server(Fields.requiredText(body, "instance", "\"https://mastodon.social\"")),
                            Fields.requiredText(body, "token", "an access token"));
                }
                case BLUESKY -> {
                    Fields.only(body, "a Bluesky account", Set.of("network", "pds", "handle", "appPassword"));
                    yield new Credentials.Bluesky(
                            server(Fields.text(body, "pds").orElse("https://bsky.social")),
                            Fields.requiredText(body, "handle", "\"acme.bsky.social\"")
                                    .strip(),
                            Fields.requiredText(body, "appPassword", "an app password (xxxx-xxxx-xxxx-xxxx)"));
                }
                default ->
                    throw new BadRequestException(
                            "Earshot replies on bluesky and mastodon; " + network.id() + " has no replies");
            };
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static URI server(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(
                    "a server is an http(s) URL such as https://mastodon.social, got '" + url + "'");
        }
    }

    static Map<String, Object> render(ConnectedAccount account) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", account.id());
        json.put("network", account.network().id());
        json.put("account", account.accountId());
        json.put("handle", account.handle());
        json.put(
                account.network() == Network.BLUESKY ? "pds" : "instance",
                account.server().toString());
        json.put("connected_by", account.connectedBy());
        json.put("connected_at", account.connectedAt());
        return json;
    }
}
