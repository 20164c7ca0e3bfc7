package io.earshot.server.web;

import io.earshot.archive.MentionArchive;
import io.earshot.archive.MentionSearch;
import io.earshot.domain.Mention;
import io.earshot.server.http.Routes;
import io.earshot.topic.Topic;
import io.earshot.topic.TopicService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code GET /}: a plain page with the topics and the most recent mentions. Every piece of user text is escaped. */
public final class HomePage implements Routes {

    private final MentionArchive archive;
    private final TopicService topics;

    public HomePage(MentionArchive archive, TopicService topics) {
        this.archive = archive;
        this.topics = topics;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/", this::render);
    }

    private void render(Context ctx) {
        Map<Long, Topic> byId = topics.list().stream().collect(Collectors.toMap(Topic::id, Function.identity()));
        MentionArchive.MentionPage page = archive.search(MentionSearch.mentions(50));
        StringBuilder html = new StringBuilder(8192);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"refresh\" content=\"15\"><title>Earshot</title>")
                .append(
                        "<style>body{font:15px/1.45 system-ui,sans-serif;max-width:52rem;margin:1.5rem auto;padding:0 1rem;color:#1d2330}")
                .append("li{margin:.6rem 0;list-style:none;border-bottom:1px solid #e3e6ea;padding-bottom:.6rem}")
                .append(
                        ".meta{color:#5b6575;font-size:.85rem}.topic{background:#eef3ff;border-radius:3px;padding:0 .3rem;margin-right:.3rem}</style>")
                .append("</head><body><header><h1>Earshot</h1></header><main>");
        html.append("<section aria-labelledby=\"topics\"><h2 id=\"topics\">Topics</h2>");
        if (byId.isEmpty()) {
            html.append(
                    "<p>No topics yet. Add one: <code>curl -X POST localhost:8080/api/v1/topics -d '{\"name\":\"Acme\",\"query\":\"acme OR #acme\"}'</code></p>");
        } else {
            html.append("<ul>");
            byId.values()
                    .forEach(topic -> html.append("<li><span class=\"topic\">")
                            .append(escape(topic.name()))
                            .append("</span> <code>")
                            .append(escape(topic.query()))
                            .append("</code></li>"));
            html.append("</ul>");
        }
        html.append("</section><section aria-labelledby=\"recent\"><h2 id=\"recent\">Recent mentions (")
                .append(page.total())
                .append(")</h2><ul>");
        for (Mention mention : page.items()) {
            html.append("<li><div class=\"meta\">");
            for (long topicId : mention.topicIds()) {
                Topic topic = byId.get(topicId);
                html.append("<span class=\"topic\">")
                        .append(escape(topic == null ? "#" + topicId : topic.name()))
                        .append("</span>");
            }
            html.append(escape(mention.post().author().displayHandle()))
                    .append(" · ")
                    .append(escape(mention.post().network().id()))
                    .append(" · <time>")
                    .append(escape(mention.post().createdAt().toString()))
                    .append("</time>");
            mention.post()
                    .url()
                    .filter(url -> url.startsWith("https://") || url.startsWith("http://"))
                    .ifPresent(url -> html.append(" · <a rel=\"noopener noreferrer nofollow\" href=\"")
                            .append(escape(url))
                            .append("\">open</a>"));
            html.append("</div><div>").append(escape(mention.post().text())).append("</div></li>");
        }
        html.append("</ul></section></main></body></html>");
        ctx.html(html.toString());
    }

    /** HTML-escapes text for element content and quoted attributes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
