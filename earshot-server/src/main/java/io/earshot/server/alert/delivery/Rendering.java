package io.earshot.server.alert.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.alert.ChannelSpec;
import io.earshot.alert.FiredAlert;
import io.earshot.domain.Mention;
import io.earshot.server.alert.AlertService;
import io.earshot.server.http.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each channel receives, rendered once when the alert fires (every retry sends the same bytes), and a
 * channel's definition kept beside it in the outbox.
 */
final class Rendering {

    private static final int MAX_TEXT = 500;

    private Rendering() {}

    /** The webhook body: the alert as the API shows it. */
    static String webhook(FiredAlert alert) {
        return Json.write(AlertService.notification(alert));
    }

    /**
     * A Slack-compatible message ({@code text} plus one attachment per mention), accepted by Slack, Mattermost
     * and Discord's {@code /slack} endpoint; post text escaped as Slack asks ({@code & < >}).
     */
    static String slack(FiredAlert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", "*" + slackEscape(alert.ruleName()) + "*: " + slackEscape(alert.reason()));
        List<Map<String, Object>> attachments = new ArrayList<>();
        for (Mention mention : alert.mentions().stream().limit(20).toList()) {
            Map<String, Object> attachment = new LinkedHashMap<>();
            attachment.put("fallback", slackEscape(truncate(mention.post().text())));
            attachment.put("color", color(mention));
            attachment.put("author_name", slackEscape(mention.post().author().displayHandle()));
            link(mention).ifPresent(url -> attachment.put("title_link", url));
            attachment.put("title", mention.post().key().network().id());
            attachment.put("text", slackEscape(truncate(mention.post().text())));
            attachment.put("ts", mention.post().createdAt().getEpochSecond());
            attachments.add(attachment);
        }
        if (!attachments.isEmpty()) {
            body.put("attachments", attachments);
        }
        return Json.write(body);
    }

    /** An email: subject, a plain-text part and an HTML part with every piece of post text escaped. */
    static String email(FiredAlert alert, List<String> to) {
        String subject = truncate("[Earshot] " + alert.ruleName() + ": " + alert.reason())
                .replaceAll("[\\r\\n]+", " ");
        StringBuilder text = new StringBuilder(alert.reason()).append("\n\n");
        StringBuilder html = new StringBuilder("<!doctype html><html><body><p><strong>")
                .append(html(alert.ruleName()))
                .append("</strong>: ")
                .append(html(alert.reason()))
                .append("</p><ul>");
        for (Mention mention : alert.mentions()) {
            String author = mention.post().author().displayHandle();
            Optional<String> link = link(mention);
            text.append("- ")
                    .append(author)
                    .append(": ")
                    .append(truncate(mention.post().text()))
                    .append(link.map(url -> "\n  " + url).orElse(""))
                    .append('\n');
            html.append("<li><strong>")
                    .append(html(author))
                    .append("</strong>: ")
                    .append(html(truncate(mention.post().text())));
            link.ifPresent(url -> html.append(" <a href=\"").append(html(url)).append("\">open</a>"));
            html.append("</li>");
        }
        html.append("</ul></body></html>");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("subject", subject);
        body.put("text", text.toString());
        body.put("html", html.toString());
        return Json.write(body);
    }

    /** A channel's definition for the outbox (secrets included: the outbox needs them to sign). */
    static String channel(ChannelSpec channel) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", channel.type());
        switch (channel) {
            case ChannelSpec.Webhook webhook -> {
                json.put("url", webhook.url().toString());
                webhook.secret().ifPresent(secret -> json.put("secret", secret));
            }
            case ChannelSpec.Slack slack -> json.put("url", slack.url().toString());
            case ChannelSpec.Email email -> json.put("to", email.to());
        }
        return Json.write(json);
    }

    static ChannelSpec channel(String json) {
        JsonNode node = Json.read(json);
        return switch (node.path("type").asText()) {
            case "webhook" ->
                new ChannelSpec.Webhook(
                        URI.create(node.path("url").asText()),
                        node.has("secret") ? Optional.of(node.get("secret").asText()) : Optional.empty());
            case "slack" -> new ChannelSpec.Slack(URI.create(node.path("url").asText()));
            case "email" -> {
                List<String> to = new ArrayList<>();
                node.path("to").forEach(address -> to.add(address.asText()));
                yield new ChannelSpec.Email(to);
            }
            default -> throw new IllegalArgumentException("unknown channel in the outbox: " + json);
        };
    }

    /** Where a channel sends, without secrets: what the dead letters show. */
    static String target(ChannelSpec channel) {
        return switch (channel) {
            case ChannelSpec.Webhook webhook -> withoutQuery(webhook.url());
            case ChannelSpec.Slack slack -> withoutQuery(slack.url());
            case ChannelSpec.Email email -> String.join(", ", email.to());
        };
    }

    /** Slack and Discord webhook URLs carry their secret in the path: show only the host and the start. */
    private static String withoutQuery(URI url) {
        String path = Optional.ofNullable(url.getPath()).orElse("");
        return url.getScheme() + "://" + url.getAuthority() + (path.length() > 12 ? path.substring(0, 12) + "…" : path);
    }

    private static Optional<String> link(Mention mention) {
        return mention.post().url().filter(url -> url.startsWith("https://") || url.startsWith("http://"));
    }

    private static String color(Mention mention) {
        return mention.sentiment()
                .map(label -> switch (label) {
                    case NEGATIVE -> "#d93f0b";
                    case POSITIVE -> "#2da44e";
                    case NEUTRAL -> "#8c959f";
                })
                .orElse("#8c959f");
    }

    private static String truncate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
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
