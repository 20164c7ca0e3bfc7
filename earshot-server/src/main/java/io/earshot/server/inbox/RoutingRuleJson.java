package io.earshot.server.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.inbox.CannedReply;
import io.earshot.inbox.RoutingAction;
import io.earshot.inbox.RoutingRule;
import io.earshot.server.http.BadRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Routing rules and canned replies as JSON. A rule: {@code {"name": "Complaints to support", "when":
 * "is:complaint OR sentiment:negative", "topics": [1], "then": {"team": "support", "priority": "high", "assign":
 * "round_robin", "tags": ["complaint"], "close": false}}}.
 */
final class RoutingRuleJson {

    private static final Set<String> FIELDS = Set.of("id", "name", "when", "topics", "then", "position");
    private static final Set<String> THEN = Set.of("team", "priority", "assign", "tags", "close");

    private RoutingRuleJson() {}

    /** Parses a rule; the id and position are the store's, not the body's. */
    static RoutingRule parse(JsonNode body, long id, int position) {
        Fields.object(body, "a routing rule");
        Fields.only(body, "a routing rule", FIELDS);
        JsonNode then = body.get("then");
        if (then == null) {
            throw new BadRequestException("a routing rule needs \"then\", e.g. {\"team\": \"support\"}");
        }
        Fields.object(then, "\"then\"");
        Fields.only(then, "\"then\"", THEN);
        try {
            RoutingAction action = RoutingAction.parse(
                    Fields.text(then, "team"),
                    Fields.text(then, "priority"),
                    Fields.text(then, "assign"),
                    Fields.texts(then, "tags"),
                    Fields.bool(then, "close").orElse(false));
            return new RoutingRule(
                    id,
                    position,
                    Fields.requiredText(body, "name", "\"Complaints to support\""),
                    Fields.text(body, "when").orElse(""),
                    Fields.numbers(body, "topics"),
                    action);
        } catch (io.earshot.query.QuerySyntaxException e) {
            throw new BadRequestException("\"when\": " + e.getMessage(), java.util.OptionalInt.of(e.column()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    static Map<String, Object> render(RoutingRule rule) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", rule.id());
        json.put("position", rule.position());
        json.put("name", rule.name());
        json.put("when", rule.when());
        json.put("topics", rule.topics());
        Map<String, Object> then = new LinkedHashMap<>();
        rule.then().team().ifPresent(team -> then.put("team", team));
        rule.then().priority().ifPresent(priority -> then.put("priority", priority.id()));
        rule.then().assign().ifPresent(assign -> then.put("assign", assign.id()));
        then.put("tags", rule.then().tags().stream().sorted().toList());
        then.put("close", rule.then().close());
        json.put("then", then);
        return json;
    }

    static CannedReply parseCanned(JsonNode body, long id) {
        Fields.object(body, "a canned reply");
        Fields.only(body, "a canned reply", Set.of("id", "name", "text", "teams"));
        try {
            return new CannedReply(
                    id,
                    Fields.requiredText(body, "name", "\"Refund\""),
                    Fields.requiredText(body, "text", "\"Hi {{author.name|there}}, …\""),
                    Fields.texts(body, "teams"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    static Map<String, Object> renderCanned(CannedReply canned) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", canned.id());
        json.put("name", canned.name());
        json.put("text", canned.text());
        json.put("teams", canned.teams());
        return json;
    }
}
