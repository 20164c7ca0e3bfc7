package io.earshot.server.mention;

import io.earshot.domain.Mention;
import io.earshot.domain.MentionedAccount;
import io.earshot.domain.Post;
import io.earshot.domain.Span;
import io.earshot.domain.TopicMatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's shape of a mention (see docs/api.md). */
public final class MentionJson {

    private MentionJson() {}

    public static Map<String, Object> of(Mention mention) {
        Post post = mention.post();
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("id", post.author().id());
        author.put("handle", post.author().displayHandle());
        post.author().displayName().ifPresent(name -> author.put("displayName", name));
        post.author().followers().ifPresent(followers -> author.put("followers", followers));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", post.key().id());
        json.put("network", post.network().id());
        json.put("uri", post.uri());
        json.put("url", post.url().orElse(null));
        json.put("author", author);
        json.put("text", post.text());
        post.title().ifPresent(title -> json.put("title", title));
        json.put("createdAt", post.createdAt().toString());
        json.put("lang", post.langs().isEmpty() ? null : post.langs().get(0));
        json.put("langs", post.langs());
        json.put("topics", mention.topicIds());
        json.put("matches", mention.matches().stream().map(MentionJson::match).toList());
        json.put("hashtags", post.hashtags());
        json.put(
                "mentions",
                post.mentions().stream().map(MentionedAccount::handle).toList());
        json.put("links", post.links());
        post.replyParent().ifPresent(parent -> json.put("replyTo", parent.id()));
        post.replyRoot().ifPresent(root -> json.put("thread", root.id()));
        post.quoted().ifPresent(quoted -> json.put("quotes", quoted.id()));
        json.put("sentiment", sentiment(mention));
        json.put(
                "emotion",
                mention.enrichment()
                        .flatMap(heard -> heard.emotion())
                        .map(emotion -> Map.of("label", emotion.label().id(), "score", round(emotion.score())))
                        .orElse(null));
        mention.enrichment().ifPresent(heard -> {
            json.put("cashtags", heard.entities().cashtags());
            json.put("emoji", heard.entities().emoji());
            json.put("canonicalLinks", heard.entities().urls());
        });
        json.put("likes", mention.engagement().likes());
        json.put("reposts", mention.engagement().reposts());
        json.put("replies", mention.engagement().replies());
        json.put("quotes", mention.engagement().quotes());
        return json;
    }

    /** The label to use (a person's correction wins), the model's confidence, and whether it was corrected. */
    private static Map<String, Object> sentiment(Mention mention) {
        if (mention.sentiment().isEmpty()) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("label", mention.sentiment().get().id());
        if (mention.sentimentCorrection().isPresent()) {
            json.put("score", 1.0);
            json.put("corrected", true);
            mention.enrichment()
                    .ifPresent(heard -> json.put(
                            "model",
                            Map.of(
                                    "label",
                                    heard.sentiment().label().id(),
                                    "score",
                                    round(heard.sentiment().score()))));
        } else {
            json.put(
                    "score",
                    mention.enrichment()
                            .map(heard -> round(heard.sentiment().score()))
                            .orElse(null));
            json.put("corrected", false);
        }
        return json;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static Map<String, Object> match(TopicMatch match) {
        List<int[]> spans = match.spans().stream().map(MentionJson::span).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("topic", match.topicId());
        json.put("spans", spans);
        return json;
    }

    private static int[] span(Span span) {
        return new int[] {span.start(), span.end()};
    }
}
