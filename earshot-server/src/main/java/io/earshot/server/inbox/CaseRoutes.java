package io.earshot.server.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.inbox.Case;
import io.earshot.inbox.CaseChange;
import io.earshot.inbox.CaseMessage;
import io.earshot.inbox.CaseQuery;
import io.earshot.inbox.CaseService;
import io.earshot.inbox.CaseStatus;
import io.earshot.inbox.Presence;
import io.earshot.inbox.Priority;
import io.earshot.inbox.SlaState;
import io.earshot.inbox.contact.ContactService;
import io.earshot.inbox.reply.ReplyService;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.Json;
import io.earshot.server.http.NotFoundException;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code /api/v1/cases}: queues ({@code ?team=&assignee=&status=&sla=&tag=}), a case with its thread, history,
 * replies, contact and who is on it; changes (team, assignee, status, priority, tags), internal notes, presence.
 */
final class CaseRoutes implements Routes {

    private static final Set<String> PATCH =
            Set.of("team", "assignee", "status", "priority", "add_tags", "remove_tags");

    private final CaseService cases;
    private final ReplyService replies;
    private final ContactService contacts;
    private final Presence presence;

    CaseRoutes(CaseService cases, ReplyService replies, ContactService contacts, Presence presence) {
        this.cases = cases;
        this.replies = replies;
        this.contacts = contacts;
        this.presence = presence;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/cases", this::list);
        routes.get("/api/v1/cases/{id}", ctx -> Requests.json(ctx, 200, detail(find(ctx))));
        routes.patch("/api/v1/cases/{id}", this::change);
        routes.post("/api/v1/cases/{id}/notes", this::note);
        routes.get(
                "/api/v1/cases/{id}/history",
                ctx -> Requests.json(
                        ctx,
                        200,
                        Map.of(
                                "items",
                                cases.history(find(ctx).id()).stream()
                                        .map(CaseJson::event)
                                        .toList())));
        routes.post("/api/v1/cases/{id}/presence", this::beat);
        routes.get(
                "/api/v1/cases/{id}/presence",
                ctx -> Requests.json(
                        ctx,
                        200,
                        Map.of(
                                "presence",
                                CaseJson.presence(presence.on(find(ctx).id())))));
        routes.delete("/api/v1/cases/{id}/presence", ctx -> {
            presence.leave(find(ctx).id(), Actors.of(ctx));
            ctx.status(204);
        });
    }

    private void list(Context ctx) {
        int limit = Requests.intParam(ctx, "limit", 50, 1, 200);
        Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        Requests.param(ctx, "status").ifPresent(value -> {
            for (String status : value.split(",")) {
                statuses.add(CaseStatus.fromId(status));
            }
        });
        Optional<String> assignee = Requests.param(ctx, "assignee").map(value -> switch (value.strip()) {
            case "none", "unassigned" -> "";
            case "me" -> Actors.of(ctx);
            default -> value.strip();
        });
        OptionalLong before = Requests.param(ctx, "before")
                .map(value -> {
                    try {
                        return OptionalLong.of(Long.parseLong(value.strip()));
                    } catch (NumberFormatException e) {
                        throw new BadRequestException("before is a case id (a number), got '" + value + "'");
                    }
                })
                .orElse(OptionalLong.empty());
        CaseQuery query = new CaseQuery(
                Requests.param(ctx, "team").map(t -> t.strip().toLowerCase(Locale.ROOT)),
                assignee,
                statuses,
                Requests.param(ctx, "tag"),
                Requests.param(ctx, "author"),
                before,
                limit);
        Optional<SlaState.Standing> sla = Requests.param(ctx, "sla").map(SlaState.Standing::fromId);
        Map<String, Object> body = new LinkedHashMap<>();
        String sort = Requests.param(ctx, "sort").orElse("newest");
        switch (sort) {
            case "newest" -> {
                CaseService.Page page = cases.list(query, sla);
                body.put("items", page.items().stream().map(this::summary).toList());
                body.put(
                        "next",
                        page.nextBefore().map(id -> next(ctx, "before", id)).orElse(null));
            }
            case "due" -> {
                int offset = Requests.intParam(ctx, "offset", 0, 0, 1_000_000);
                List<CaseService.Listed> page = cases.mostUrgent(query, sla, offset);
                body.put("items", page.stream().map(this::summary).toList());
                body.put("next", page.size() == limit ? next(ctx, "offset", offset + limit) : null);
            }
            default -> throw new BadRequestException("sort is newest or due, got '" + sort + "'");
        }
        Requests.json(ctx, 200, body);
    }

    /** The same query with {@code before} (or {@code offset}) moved on. */
    private static String next(Context ctx, String cursor, long position) {
        StringBuilder url = new StringBuilder("/api/v1/cases?");
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals(cursor)) {
                values.forEach(value -> url.append(name)
                        .append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8))
                        .append('&'));
            }
        });
        return url.append(cursor).append("=").append(position).toString();
    }

    private Map<String, Object> summary(CaseService.Listed listed) {
        Case c = listed.value();
        List<CaseMessage> thread = cases.thread(c.id());
        Optional<CaseMessage> first =
                thread.stream().filter(m -> m.post().equals(c.firstMention())).findFirst();
        return CaseJson.summary(c, listed.sla(), first, thread.size(), presence.on(c.id()));
    }

    private Map<String, Object> detail(Case c) {
        Map<String, Object> json = summary(new CaseService.Listed(c, cases.sla(c)));
        json.put(
                "thread",
                Map.of(
                        "root",
                        c.root().id(),
                        "messages",
                        cases.thread(c.id()).stream().map(CaseJson::message).toList()));
        json.put("history", cases.history(c.id()).stream().map(CaseJson::event).toList());
        json.put("replies", replies.ofCase(c.id()).stream().map(CaseJson::reply).toList());
        json.put(
                "contact",
                contacts.byAccount(c.author()).map(ContactJson::brief).orElse(null));
        return json;
    }

    private void change(Context ctx) {
        Case c = find(ctx);
        JsonNode body = Fields.object(Json.read(ctx.body()), "a case change");
        Fields.only(body, "a case change", PATCH);
        List<CaseChange> changes = new ArrayList<>();
        if (body.has("team")) {
            changes.add(new CaseChange.MoveToTeam(
                    Fields.text(body, "team").map(t -> t.strip().toLowerCase(Locale.ROOT))));
        }
        if (body.has("assignee")) {
            changes.add(new CaseChange.Assign(
                    Fields.text(body, "assignee").map(String::strip).filter(name -> !name.isEmpty())));
        }
        Fields.text(body, "priority")
                .map(Priority::fromId)
                .map(CaseChange.SetPriority::new)
                .ifPresent(changes::add);
        Fields.texts(body, "add_tags").forEach(tag -> changes.add(new CaseChange.AddTag(tag)));
        Fields.texts(body, "remove_tags").forEach(tag -> changes.add(new CaseChange.RemoveTag(tag)));
        Fields.text(body, "status")
                .map(CaseStatus::fromId)
                .map(CaseChange.SetStatus::new)
                .ifPresent(changes::add);
        if (changes.isEmpty()) {
            throw new BadRequestException(
                    "say what to change: " + PATCH.stream().sorted().toList());
        }
        Case changed = cases.change(c.id(), Actors.of(ctx), changes);
        Requests.json(ctx, 200, detail(changed));
    }

    private void note(Context ctx) {
        Case c = find(ctx);
        JsonNode body = Fields.object(Json.read(ctx.body()), "a note");
        Fields.only(body, "a note", Set.of("text"));
        cases.change(
                c.id(),
                Actors.of(ctx),
                List.of(new CaseChange.Note(Fields.requiredText(body, "text", "\"Called her back\""))));
        List<Map<String, Object>> history =
                cases.history(c.id()).stream().map(CaseJson::event).toList();
        Requests.json(ctx, 201, history.getLast());
    }

    private void beat(Context ctx) {
        Case c = find(ctx);
        String body = ctx.body();
        Presence.Activity activity = body.isBlank()
                ? Presence.Activity.VIEWING
                : Fields.text(Fields.object(Json.read(body), "presence"), "activity")
                        .map(Presence.Activity::fromId)
                        .orElse(Presence.Activity.VIEWING);
        List<Presence.Entry> here = presence.beat(c.id(), Actors.of(ctx), activity);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("presence", CaseJson.presence(here));
        json.put("renew_within_seconds", presence.expiry().toSeconds());
        Requests.json(ctx, 200, json);
    }

    private Case find(Context ctx) {
        long id = Requests.idParam(ctx, "id");
        try {
            return cases.get(id);
        } catch (CaseService.NoSuchCaseException e) {
            throw new NotFoundException(e.getMessage());
        }
    }
}
