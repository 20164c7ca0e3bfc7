package io.earshot.server.inbox;

import io.earshot.inbox.CaseService;
import io.earshot.inbox.contact.ContactService;
import io.earshot.inbox.reply.CredentialCipher;
import io.earshot.inbox.reply.NetworkRefusedException;
import io.earshot.inbox.reply.NetworkUnavailableException;
import io.earshot.inbox.reply.ReplyService;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** The inbox's exceptions as HTTP errors, in the API's error format ({@code {"error": "..."}}). */
final class InboxErrors implements Routes {

    @Override
    public void register(RoutesConfig routes) {
        routes.exception(CaseService.NoSuchCaseException.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
        routes.exception(ContactService.NoSuchContactException.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
        routes.exception(ReplyService.ReplyStateException.class, (e, ctx) -> error(ctx, 409, e.getMessage()));
        routes.exception(CredentialCipher.MissingKeyException.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
        routes.exception(CredentialCipher.UnreadableSecretException.class, (e, ctx) -> error(ctx, 409, e.getMessage()));
        routes.exception(NetworkRefusedException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        routes.exception(NetworkUnavailableException.class, (e, ctx) -> error(ctx, 502, e.getMessage()));
    }

    private static void error(io.javalin.http.Context ctx, int status, String message) {
        Requests.json(ctx, status, Map.of("error", message));
    }
}
