package io.earshot.server.alert.delivery;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How alerts leave Earshot: whether private addresses may be reached, the SMTP server, and the retry policy.
 *
 * @param allowPrivateTargets {@code EARSHOT_ALLOW_PRIVATE_TARGETS=true}: webhooks may reach loopback and
 *     private addresses (tests, or receivers on the operator's own network, deliberately)
 * @param smtp the SMTP server for email channels; none means email channels are refused
 * @param retry how often and how long a failing delivery is tried again
 */
public record DeliverySettings(boolean allowPrivateTargets, Optional<Smtp> smtp, Retry retry) {

    public DeliverySettings {
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(retry, "retry");
    }

    /** Private targets refused, no SMTP, 6 tries over about half a minute. */
    public static final DeliverySettings DEFAULT = new DeliverySettings(false, Optional.empty(), Retry.DEFAULT);

    /**
     * Reads {@code EARSHOT_ALLOW_PRIVATE_TARGETS} and {@code EARSHOT_SMTP_HOST}, {@code _PORT} (587),
     * {@code _USERNAME}, {@code _PASSWORD}, {@code _FROM}, {@code _STARTTLS} ({@code required} (default),
     * {@code optional}, {@code off}).
     */
    public static DeliverySettings fromEnvironment(Map<String, String> env) {
        boolean allowPrivate = "true"
                .equalsIgnoreCase(
                        env.getOrDefault("EARSHOT_ALLOW_PRIVATE_TARGETS", "").strip());
        Optional<Smtp> smtp = Optional.ofNullable(env.get("EARSHOT_SMTP_HOST"))
                .map(String::strip)
                .filter(host -> !host.isEmpty())
                .map(host -> new Smtp(
                        host,
                        port(env.getOrDefault("EARSHOT_SMTP_PORT", "587")),
                        Optional.ofNullable(env.get("EARSHOT_SMTP_USERNAME")).filter(v -> !v.isBlank()),
                        Optional.ofNullable(env.get("EARSHOT_SMTP_PASSWORD")).filter(v -> !v.isBlank()),
                        env.getOrDefault("EARSHOT_SMTP_FROM", "earshot@" + host),
                        StartTls.of(env.getOrDefault("EARSHOT_SMTP_STARTTLS", "required"))));
        return new DeliverySettings(allowPrivate, smtp, Retry.DEFAULT);
    }

    public DeliverySettings withAllowPrivateTargets(boolean value) {
        return new DeliverySettings(value, smtp, retry);
    }

    public DeliverySettings withSmtp(Smtp value) {
        return new DeliverySettings(allowPrivateTargets, Optional.of(value), retry);
    }

    public DeliverySettings withRetry(Retry value) {
        return new DeliverySettings(allowPrivateTargets, smtp, value);
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("EARSHOT_SMTP_PORT must be a number, got '" + value + "'");
        }
    }

    /** An SMTP server. */
    public record Smtp(
            String host,
            int port,
            Optional<String> username,
            Optional<String> password,
            String from,
            StartTls startTls) {
        public Smtp {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(startTls, "startTls");
        }
    }

    /** Whether the SMTP connection is upgraded to TLS. */
    public enum StartTls {
        REQUIRED,
        OPTIONAL,
        OFF;

        static StartTls of(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "EARSHOT_SMTP_STARTTLS must be required, optional or off, got '" + value + "'");
            }
        }
    }

    /**
     * Tries and delays: the n-th retry waits {@code first × 2^(n−1)} (at most {@code longest}), give or take a
     * fifth, so that receivers coming back are not hit by every sender at once.
     */
    public record Retry(int attempts, Duration first, Duration longest) {
        /** 6 tries: after 1 s, 2 s, 4 s, 8 s and 16 s. */
        public static final Retry DEFAULT = new Retry(6, Duration.ofSeconds(1), Duration.ofMinutes(5));

        public Retry {
            if (attempts < 1) {
                throw new IllegalArgumentException("a delivery is tried at least once");
            }
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(longest, "longest");
        }

        Duration delayAfter(int attempt, double jitter) {
            long millis = Math.min(longest.toMillis(), first.toMillis() << Math.min(attempt - 1, 30));
            return Duration.ofMillis(Math.round(millis * (0.8 + 0.4 * jitter)));
        }
    }
}
