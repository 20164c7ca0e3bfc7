package io.earshot.server.alert.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.alert.ChannelSpec;
import io.earshot.alert.Delivery;
import io.earshot.server.http.Json;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sends one delivery: a signed webhook, a Slack-compatible message or an email. */
final class Senders {

    static final String USER_AGENT = "Earshot/0.1 (+https://github.com/earshot)";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int ERROR_EXCERPT = 200;

    private final DeliverySettings settings;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    Senders(DeliverySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    Attempt send(Delivery delivery) {
        ChannelSpec channel = Rendering.channel(delivery.channel());
        try {
            return switch (channel) {
                case ChannelSpec.Webhook webhook -> post(webhook.url(), delivery, webhook.secret());
                case ChannelSpec.Slack slack -> post(slack.url(), delivery, Optional.empty());
                case ChannelSpec.Email email -> mail(delivery);
            };
        } catch (IllegalArgumentException e) {
            return new Attempt.Refused(e.getMessage());
        }
    }

    /**
     * {@code X-Earshot-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))}: the receiver checks
     * it, and that the timestamp is recent, to know the request is from this install and not replayed.
     */
    static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", e);
        }
    }

    private Attempt post(URI url, Delivery delivery, Optional<String> secret) {
        PrivateTargets.check(url, settings.allowPrivateTargets());
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8));
        if (delivery.channelType().equals("webhook")) {
            request.header("X-Earshot-Delivery", delivery.id()).header("X-Earshot-Timestamp", Long.toString(timestamp));
            secret.ifPresent(key -> request.header("X-Earshot-Signature", signature(key, timestamp, delivery.body())));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Attempt.Delivered();
            }
            String error = "HTTP " + status + excerpt(response.body());
            if (status == 408 || status == 429 || status >= 500) {
                return new Attempt.TryAgain(error, retryAfter(response));
            }
            return new Attempt.Refused(error + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""));
        } catch (IOException e) {
            return new Attempt.TryAgain(e.getClass().getSimpleName() + ": " + e.getMessage(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt.TryAgain("interrupted while sending", Optional.empty());
        }
    }

    private Attempt mail(Delivery delivery) {
        DeliverySettings.Smtp smtp = settings.smtp()
                .orElseThrow(
                        () -> new IllegalArgumentException(
                                "no SMTP server is configured: set EARSHOT_SMTP_HOST (and _PORT, _USERNAME, _PASSWORD, _FROM)"));
        JsonNode body = Json.read(delivery.body());
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", Integer.toString(smtp.port()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        properties.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls() != DeliverySettings.StartTls.OFF));
        properties.put(
                "mail.smtp.starttls.required", Boolean.toString(smtp.startTls() == DeliverySettings.StartTls.REQUIRED));
        properties.put("mail.smtp.auth", Boolean.toString(smtp.username().isPresent()));
        Session session = Session.getInstance(properties);
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(smtp.from()));
            for (JsonNode to : body.path("to")) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(to.asText()));
            }
            message.setSubject(body.path("subject").asText(), "UTF-8");
            message.setHeader("X-Earshot-Delivery", delivery.id());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body.path("text").asText(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(body.path("html").asText(), "text/html; charset=UTF-8");
            MimeMultipart alternative = new MimeMultipart("alternative", text, html);
            message.setContent(alternative);
            if (smtp.username().isPresent()) {
                Transport.send(message, smtp.username().get(), smtp.password().orElse(""));
            } else {
                Transport.send(message);
            }
            return new Attempt.Delivered();
        } catch (jakarta.mail.internet.AddressException e) {
            return new Attempt.Refused("bad address: " + e.getMessage());
        } catch (MessagingException e) {
            return new Attempt.TryAgain("SMTP: " + e.getMessage(), Optional.empty());
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: fall back to our own backoff
            }
        });
    }

    private static String excerpt(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return "";
        }
        return ": " + (flat.length() > ERROR_EXCERPT ? flat.substring(0, ERROR_EXCERPT) + "…" : flat);
    }
}
