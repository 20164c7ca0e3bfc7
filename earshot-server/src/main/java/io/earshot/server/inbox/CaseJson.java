package io.earshot.server.inbox;

import io.earshot.inbox.Case;
import io.earshot.inbox.CaseEvent;
import io.earshot.inbox.CaseMessage;
import io.earshot.inbox.Presence;
import io.earshot.inbox.SlaState;
import io.earshot.inbox.reply.Reply;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Cases, their threads, histories, replies and presence as the API shows them. */
final class CaseJson {

    private CaseJson() {}

    /** A case as a queue lists it: with its SLA standing, first message, thread size and who is on it. */
    static Map<String, Object> summary(
            Case c, SlaState sla, Optional<CaseMessage> mention, int messages, List<Presence.Entry> presence) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("team", c.team().orElse(null));
        json.put("assignee", c.assignee().orElse(null));
        json.put("status", c.status().id());
        json.put("priority", c.priority().id());
        json.put("tags", c.tags().stream().sorted().toList());
        json.put("network", c.network().id());
        json.put("author", c.author());
        json.put("opened_at", c.openedAt());
        json.put("last_message_at", c.lastMessageAt());
        json.put("awaiting_reply_since", c.awaitingSince().orElse(null));
        json.put("first_response_at", c.firstResponseAt().orElse(null));
        json.put("resolved_at", c.resolvedAt().orElse(null));
        json.put("sla", sla(sla));
        json.put("mention", mention.map(CaseJson::message).orElse(null));
        json.put("thread", Map.of("root", c.root().id(), "messages", messages));
        json.put("presence", presence(presence));
        return json;
    }

    static Map<String, Object> sla(SlaState sla) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("standing", sla.standing().id());
        json.put("response", sla.response().map(CaseJson::timer).orElse(null));
        json.put("resolution", sla.resolution().map(CaseJson::timer).orElse(null));
        return json;
    }

    private static Map<String, Object> timer(SlaState.Timer timer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target_minutes", timer.target().toMinutes());
        json.put("started_at", timer.startedAt());
        json.put("due", timer.due().orElse(null));
        json.put("stopped_at", timer.stoppedAt().orElse(null));
        json.put("remaining_minutes", minutes(timer.remaining()));
        json.put("breached", timer.breached());
        json.put("running", timer.running());
        return json;
    }

    private static long minutes(Duration duration) {
        return duration.isNegative() ? -Math.ceilDiv(-duration.toSeconds(), 60) : duration.toSeconds() / 60;
    }

    static Map<String, Object> message(CaseMessage message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", message.post().id());
        json.put("author", message.author());
        json.put("handle", message.handle().orElse(null));
        json.put("uri", message.uri());
        json.put("url", message.url().orElse(null));
        json.put("text", message.text());
        json.put("at", message.at());
        json.put("sentiment", message.sentiment().map(CaseJson::sentiment).orElse(null));
        json.put("direction", message.outbound() ? "outbound" : "inbound");
        return json;
    }

    private static String sentiment(int score) {
        return score > 0 ? "positive" : score < 0 ? "negative" : "neutral";
    }

    static Map<String, Object> event(CaseEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", event.id());
        json.put("at", event.at());
        json.put("actor", event.actor());
        json.put("type", event.type().id());
        json.put("from", event.from().orElse(null));
        json.put("to", event.to().orElse(null));
        json.put("text", event.text().orElse(null));
        return json;
    }

    static Map<String, Object> reply(Reply reply) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", reply.id());
        json.put("case", reply.caseId());
        json.put("account", reply.accountId());
        json.put("state", reply.state().id());
        json.put("text", reply.text());
        json.put("in_reply_to", reply.inReplyTo().id());
        json.put("idempotency_key", reply.requestKey());
        json.put("requested_by", reply.requestedBy());
        json.put("reviewed_by", reply.reviewedBy().orElse(null));
        json.put("uri", reply.uri().orElse(null));
        json.put("url", reply.url().orElse(null));
        json.put("error", reply.error().orElse(null));
        json.put("attempts", reply.attempts());
        json.put("then", reply.then().id());
        json.put("requested_at", reply.requestedAt());
        json.put("sent_at", reply.sentAt().orElse(null));
        return json;
    }

    static List<Map<String, Object>> presence(List<Presence.Entry> entries) {
        return entries.stream()
                .map(entry -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("user", entry.user());
                    json.put("activity", entry.activity().id());
                    json.put("since", entry.since());
                    json.put("expires", entry.expires());
                    return json;
                })
                .toList();
    }
}
