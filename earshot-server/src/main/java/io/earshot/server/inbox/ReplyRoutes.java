package io.earshot.server.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.domain.PostKey;
import io.earshot.inbox.CannedReply;
import io.earshot.inbox.Case;
import io.earshot.inbox.CaseService;
import io.earshot.inbox.CaseStatus;
import io.earshot.inbox.contact.ContactService;
import io.earshot.inbox.reply.Reply;
import io.earshot.inbox.reply.ReplyService;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.Json;
import io.earshot.server.http.NotFoundException;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replying from a case: {@code POST /api/v1/cases/{id}/reply} ({@code {"text" | "canned", "account",
 * "in_reply_to", "then"}}, with an {@code Idempotency-Key} header a retried request is answered from the first),
 * the replies of a case, approval, rejection and retry; canned replies rendered for a case.
 */
final class ReplyRoutes implements Routes {

    private static final Set<String> FIELDS =
            Set.of("text", "canned", "account", "in_reply_to", "then", "idempotency_key");

    private final ReplyService replies;
    private final CaseService cases;
    private final InboxSetup setup;
    private final ContactService contacts;

    ReplyRoutes(ReplyService replies, CaseService cases, InboxSetup setup, ContactService contacts) {
        this.replies = replies;
        this.cases = cases;
        this.setup = setup;
        this.contacts = contacts;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/cases/{id}/reply", this::requestReply);
        routes.get(
                "/api/v1/cases/{id}/replies",
                ctx -> Requests.json(
                        ctx,
                        200,
                        Map.of(
                                "items",
                                replies.ofCase(Requests.idParam(ctx, "id")).stream()
                                        .map(CaseJson::reply)
                                        .toList())));
        routes.post(
                "/api/v1/cases/{id}/replies/{reply}/approve",
                ctx -> answer(ctx, replies.approve(existing(ctx).id(), Actors.of(ctx)), 200));
        routes.post("/api/v1/cases/{id}/replies/{reply}/reject", ctx -> {
            Optional<String> reason = ctx.body().isBlank()
                    ? Optional.empty()
                    : Fields.text(Fields.object(Json.read(ctx.body()), "a rejection"), "reason");
            answer(ctx, replies.reject(existing(ctx).id(), Actors.of(ctx), reason), 200);
        });
        routes.post(
                "/api/v1/cases/{id}/replies/{reply}/retry",
                ctx -> answer(ctx, replies.retry(existing(ctx).id(), Actors.of(ctx)), 200));
        routes.get("/api/v1/cases/{id}/canned/{canned}", ctx -> {
            Case c = cases.get(Requests.idParam(ctx, "id"));
            CannedReply canned = canned(Requests.idParam(ctx, "canned"));
            Requests.json(
                    ctx,
                    200,
                    Map.of(
                            "id",
                            canned.id(),
                            "name",
                            canned.name(),
                            "text",
                            canned.render(variables(c, Actors.of(ctx)))));
        });
    }

    private void requestReply(Context ctx) {
        Case c = cases.get(Requests.idParam(ctx, "id"));
        String actor = Actors.of(ctx);
        JsonNode body = Fields.object(Json.read(ctx.body()), "a reply");
        Fields.only(body, "a reply", FIELDS);
        String text = Fields.text(body, "text")
                .filter(t -> !t.isBlank())
                .orElseGet(() -> Fields.number(body, "canned")
                        .map(id -> canned(id).render(variables(c, actor)))
                        .orElseThrow(() -> new BadRequestException(
                                "a reply needs \"text\", or \"canned\" with a canned reply's id")));
        long account = Fields.number(body, "account")
                .orElseThrow(() -> new BadRequestException(
                        "a reply needs \"account\": the id of a connected account (GET /api/v1/accounts)"));
        Optional<String> key = Optional.ofNullable(ctx.header("Idempotency-Key"))
                .or(() -> Fields.text(body, "idempotency_key"))
                .map(String::strip);
        if (key.isPresent() && (key.get().isEmpty() || key.get().length() > 128)) {
            throw new BadRequestException("an Idempotency-Key has 1 to 128 characters");
        }
        Optional<PostKey> inReplyTo = Fields.text(body, "in_reply_to").map(id -> {
            try {
                return PostKey.parse(id);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("\"in_reply_to\": " + e.getMessage());
            }
        });
        CaseStatus then = Fields.text(body, "then").map(CaseStatus::fromId).orElse(CaseStatus.PENDING);
        ReplyService.Requested requested =
                replies.request(new ReplyService.Request(c.id(), account, text, inReplyTo, key, then, actor));
        answer(ctx, requested.reply(), requested.repeated() ? 200 : 201);
    }

    /** A failed reply is 502 with the reply (its error says why); the rest as asked. */
    private static void answer(Context ctx, Reply reply, int status) {
        ctx.header("Location", "/api/v1/cases/" + reply.caseId() + "/replies/" + reply.id());
        Requests.json(ctx, reply.state() == Reply.State.FAILED ? 502 : status, CaseJson.reply(reply));
    }

    private Reply existing(Context ctx) {
        long caseId = Requests.idParam(ctx, "id");
        long id = Requests.idParam(ctx, "reply");
        return replies.get(id)
                .filter(found -> found.caseId() == caseId)
                .orElseThrow(() -> new NotFoundException("case " + caseId + " has no reply " + id));
    }

    private CannedReply canned(long id) {
        return setup.canned(id)
                .orElseThrow(() -> new BadRequestException(
                        "no canned reply " + id + "; GET /api/v1/canned-replies lists" + " them"));
    }

    private Map<String, String> variables(Case c, String actor) {
        Map<String, String> values = new HashMap<>();
        String accountId = c.author().substring(c.author().indexOf(':') + 1);
        values.put("author.handle", accountId);
        contacts.byAccount(c.author()).ifPresent(contact -> {
            values.put("author.name", contact.name());
            contact.accounts().stream()
                    .filter(account -> account.key().equals(c.author()))
                    .flatMap(account -> account.handle().stream())
                    .findFirst()
                    .ifPresent(handle -> values.put("author.handle", handle));
        });
        values.put("agent", actor);
        c.team().flatMap(setup::team).ifPresent(team -> values.put("team", team.name()));
        values.put("case.id", Long.toString(c.id()));
        return values;
    }
}
