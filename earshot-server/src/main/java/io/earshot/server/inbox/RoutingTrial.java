package io.earshot.server.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.domain.Author;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.domain.Span;
import io.earshot.domain.TopicMatch;
import io.earshot.enrich.Enrichment;
import io.earshot.enrich.emotion.Emotion;
import io.earshot.enrich.emotion.EmotionLabel;
import io.earshot.enrich.entity.Entities;
import io.earshot.enrich.sentiment.Sentiment;
import io.earshot.enrich.sentiment.SentimentLabel;
import io.earshot.inbox.Router;
import io.earshot.inbox.RoutingRule;
import io.earshot.server.http.BadRequestException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code POST /api/v1/routing-rules/test}: which rules a mention would match, and what they would do, without
 * opening a case: {@code {"text": "how do I get a refund?", "sentiment": "negative", "emotion": "anger",
 * "followers": 12000, "network": "bluesky", "lang": "en", "topics": [1]}}.
 */
final class RoutingTrial {

    private static final Set<String> FIELDS =
            Set.of("text", "sentiment", "emotion", "followers", "network", "lang", "topics", "author");

    private RoutingTrial() {}

    static Map<String, Object> run(JsonNode body, InboxSetup setup) {
        Fields.object(body, "a trial mention");
        Fields.only(body, "a trial mention", FIELDS);
        Mention mention;
        try {
            mention = mention(body);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        try (Router router = new Router()) {
            router.replace(setup.rules(), setup.mode());
            Router.Decision decision = router.decide(List.of(mention)).getFirst();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("mode", setup.mode().id());
            json.put("matched", decision.rules().stream().map(RoutingRule::name).toList());
            Map<String, Object> then = new LinkedHashMap<>();
            decision.action().team().ifPresent(team -> then.put("team", team));
            decision.action().priority().ifPresent(priority -> then.put("priority", priority.id()));
            decision.action().assign().ifPresent(assign -> then.put("assign", assign.id()));
            then.put("tags", decision.action().tags().stream().sorted().toList());
            then.put("close", decision.action().close());
            json.put("then", then);
            return json;
        }
    }

    private static Mention mention(JsonNode body) {
        Network network = Network.fromId(Fields.text(body, "network").orElse("bluesky"));
        String text = Fields.requiredText(body, "text", "\"how do I get a refund?\"");
        Author author = new Author(
                network,
                Fields.text(body, "author").orElse("trial"),
                Optional.empty(),
                Optional.empty(),
                Fields.number(body, "followers").map(OptionalLong::of).orElse(OptionalLong.empty()));
        String lang = Fields.text(body, "lang").orElse("en");
        Post post = Post.builder(new PostKey(network, "trial"), author, Instant.now())
                .text(text)
                .lang(lang)
                .build();
        SentimentLabel sentiment =
                Fields.text(body, "sentiment").map(SentimentLabel::fromId).orElse(SentimentLabel.NEUTRAL);
        Optional<Emotion> emotion =
                Fields.text(body, "emotion").map(EmotionLabel::fromId).map(label -> new Emotion(label, 1));
        Enrichment heard = new Enrichment(new Sentiment(sentiment, 1), emotion, lang, Entities.NONE);
        List<TopicMatch> topics = Fields.numbers(body, "topics").stream()
                .map(id -> new TopicMatch(id, List.<Span>of()))
                .toList();
        return new Mention(post, topics, Engagement.NONE, Optional.of(heard), Optional.empty());
    }
}
