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
        json.put("likes", mention.engagement().likes());
        json.put("reposts", mention.engagement().reposts());
        json.put("replies", mention.engagement().replies());
        json.put("quotes", mention.engagement().quotes());
        return json;
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
