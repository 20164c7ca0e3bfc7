package io.earshot.alert;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a rule's notifications go. Checked when the rule is saved ({@link AlertChannels#check}) and again at
 * each delivery, because a host name may resolve to another address later.
 */
public sealed interface ChannelSpec {

    /** The channel's {@code "type"} in the API: {@code webhook}, {@code slack} or {@code email}. */
    String type();

    /**
     * A signed JSON {@code POST} to any HTTP(S) endpoint: headers {@code X-Earshot-Timestamp},
     * {@code X-Earshot-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>} (when a secret is
     * set) and {@code X-Earshot-Delivery}.
     */
    record Webhook(URI url, Optional<String> secret) implements ChannelSpec {
        public Webhook {
            requireHttp(url);
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String type() {
            return "webhook";
        }
    }

    /** A Slack-compatible incoming webhook (Slack, Mattermost, Discord's {@code /slack} path). */
    record Slack(URI url) implements ChannelSpec {
        public Slack {
            requireHttp(url);
        }

        @Override
        public String type() {
            return "slack";
        }
    }

    /** An email over the SMTP server the operator configured, with HTML and plain-text parts. */
    record Email(List<String> to) implements ChannelSpec {
        public Email {
            to = List.copyOf(to);
            if (to.isEmpty()) {
                throw new IllegalArgumentException("an email channel needs at least one address in \"to\"");
            }
            for (String address : to) {
                int at = address.indexOf('@');
                if (at <= 0 || at == address.length() - 1 || address.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("'" + address + "' is not an email address");
                }
            }
        }

        @Override
        public String type() {
            return "email";
        }
    }

    private static void requireHttp(URI url) {
        Objects.requireNonNull(url, "url");
        String scheme = Optional.ofNullable(url.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
            throw new IllegalArgumentException("a channel URL must be http(s)://host/..., got '" + url + "'");
        }
    }
}
