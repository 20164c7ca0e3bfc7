package io.earshot.server.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.inbox.CaseService;
import io.earshot.inbox.contact.Contact;
import io.earshot.inbox.contact.ContactService;
import io.earshot.inbox.contact.ContactStatus;
import io.earshot.server.http.BadRequestException;
import io.earshot.server.http.Json;
import io.earshot.server.http.Requests;
import io.earshot.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code /api/v1/contacts}: people across networks, with their accounts, status, sentiment over time, cases,
 * recent mentions, private notes and merge suggestions; merge, split, rename, VIP.
 */
final class ContactRoutes implements Routes {

    private final ContactService contacts;
    private final CaseService cases;

    ContactRoutes(ContactService contacts, CaseService cases) {
        this.contacts = contacts;
        this.cases = cases;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/contacts", this::list);
        routes.get("/api/v1/contacts/{id}", ctx -> Requests.json(ctx, 200, detail(Requests.idParam(ctx, "id"))));
        routes.patch("/api/v1/contacts/{id}", ctx -> {
            long id = Requests.idParam(ctx, "id");
            JsonNode body = Fields.object(Json.read(ctx.body()), "a contact change");
            Fields.only(body, "a contact change", Set.of("name", "vip"));
            Optional<String> name = Fields.text(body, "name").map(String::strip);
            if (name.filter(String::isEmpty).isPresent()) {
                throw new BadRequestException("\"name\" cannot be empty");
            }
            contacts.update(id, name, Fields.bool(body, "vip"));
            Requests.json(ctx, 200, detail(id));
        });
        routes.post("/api/v1/contacts/{id}/notes", ctx -> {
            long id = Requests.idParam(ctx, "id");
            JsonNode body = Fields.object(Json.read(ctx.body()), "a note");
            Fields.only(body, "a note", Set.of("text"));
            contacts.note(id, Actors.of(ctx), Fields.requiredText(body, "text", "\"Prefers DMs\""));
            Requests.json(ctx, 201, ContactJson.note(contacts.notes(id).getLast()));
        });
        routes.post("/api/v1/contacts/{id}/merge", ctx -> {
            long id = Requests.idParam(ctx, "id");
            JsonNode body = Fields.object(Json.read(ctx.body()), "a merge");
            long other = Fields.number(body, "contact")
                    .orElseThrow(() -> new BadRequestException(
                            "a merge needs \"contact\": the id of the contact to merge into this one"));
            contacts.merge(id, other);
            Requests.json(ctx, 200, detail(id));
        });
        routes.post("/api/v1/contacts/{id}/split", ctx -> {
            long id = Requests.idParam(ctx, "id");
            JsonNode body = Fields.object(Json.read(ctx.body()), "a split");
            Contact split = contacts.split(id, Fields.requiredText(body, "account", "\"bluesky:did:plc:abc\""));
            Requests.json(ctx, 201, detail(split.id()));
        });
        routes.get(
                "/api/v1/contacts/{id}/suggestions",
                ctx -> Requests.json(
                        ctx,
                        200,
                        Map.of(
                                "items",
                                contacts.suggestions(Requests.idParam(ctx, "id")).stream()
                                        .map(ContactJson::brief)
                                        .toList())));
    }

    private void list(Context ctx) {
        int limit = Requests.intParam(ctx, "limit", 50, 1, 200);
        Optional<Boolean> vip = Requests.param(ctx, "vip").map(value -> switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequestException("vip is true or false, got '" + value + "'");
        });
        Optional<ContactStatus> status = Requests.param(ctx, "status").map(ContactStatus::fromId);
        OptionalLong before = Requests.param(ctx, "before")
                .map(value -> {
                    try {
                        return OptionalLong.of(Long.parseLong(value.strip()));
                    } catch (NumberFormatException e) {
                        throw new BadRequestException("before is a contact id (a number), got '" + value + "'");
                    }
                })
                .orElse(OptionalLong.empty());
        List<Contact> page = contacts.list(vip, status, Requests.param(ctx, "q"), before, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.stream().map(ContactJson::brief).toList());
        body.put(
                "next",
                page.size() == limit
                        ? "/api/v1/contacts?before=" + page.getLast().id() + "&limit=" + limit
                                + Requests.param(ctx, "vip")
                                        .map(v -> "&vip=" + v)
                                        .orElse("")
                                + Requests.param(ctx, "status")
                                        .map(s -> "&status=" + s)
                                        .orElse("")
                        : null);
        Requests.json(ctx, 200, body);
    }

    private Map<String, Object> detail(long id) {
        Contact contact = contacts.get(id);
        Map<String, Object> json = ContactJson.brief(contact);
        json.put("sentiment_by_month", contacts.sentimentByMonth(id));
        json.put(
                "mentions",
                contacts.mentions(id, 50).stream().map(ContactJson::mention).toList());
        json.put(
                "cases",
                contacts.cases(id).stream()
                        .map(c -> {
                            Map<String, Object> brief = new LinkedHashMap<>();
                            brief.put("id", c.id());
                            brief.put("status", c.status().id());
                            brief.put("team", c.team().orElse(null));
                            brief.put("opened_at", c.openedAt());
                            brief.put("sla", cases.sla(c).standing().id());
                            return brief;
                        })
                        .toList());
        json.put("notes", contacts.notes(id).stream().map(ContactJson::note).toList());
        json.put(
                "suggestions",
                contacts.suggestions(id).stream()
                        .map(other -> Map.of("id", other.id(), "name", other.name()))
                        .toList());
        return json;
    }
}
