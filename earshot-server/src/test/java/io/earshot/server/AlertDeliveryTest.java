package io.earshot.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.earshot.server.alert.delivery.DeliverySettings;
import io.earshot.server.http.Json;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts leaving Earshot: signed webhooks to a receiver on 127.0.0.1 that checks the signature, retries,
 * dead letters and their retry, restarts with deliveries pending, Slack bodies, email through an in-process
 * SMTP server, and the private-address guard.
 */
class AlertDeliveryTest {

    private static final DeliverySettings.Retry FAST =
            new DeliverySettings.Retry(3, Duration.ofMillis(100), Duration.ofMillis(400));

    @TempDir
    Path data;

    private EarshotApp start(DeliverySettings delivery) {
        return EarshotApp.start(EarshotConfig.fromEnvironment(Map.of("EARSHOT_API_TOKEN", ApiClient.TOKEN))
                .withDataDir(data)
                .withListen("127.0.0.1", 0)
                .withSource(EarshotConfig.SourceChoice.NONE)
                .withDelivery(delivery));
    }

    private static DeliverySettings local() {
        return DeliverySettings.DEFAULT.withAllowPrivateTargets(true).withRetry(FAST);
    }

    private static long rule(ApiClient api, String channels) {
        long topic = api.post("/api/v1/topics", "{\"name\":\"Acme\",\"query\":\"acme\"}")
                .json()
                .get("id")
                .asLong();
        ApiClient.Response created = api.post(
                "/api/v1/alerts",
                "{\"name\": \"Acme <b>\", \"topics\": [" + topic + "], \"condition\": {\"type\": \"every_match\"},"
                        + " \"channels\": [" + channels + "], \"fatigue\": {\"group_window\": \"0s\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static void post(ApiClient api, String rkey, String text) {
        ApiClient.Response response = api.post(
                "/api/v1/ingest?format=jetstream&wait=true",
                JetstreamLines.post("did:plc:alice", rkey, System.nanoTime() / 1000, text));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    @Test
    void aSignedWebhookIsRetriedUntilItArrivesUnderOneDeliveryId() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("s3cret");
                EarshotApp app = start(local())) {
            ApiClient api = new ApiClient(app.port());
            long rule = rule(
                    api, "{\"type\": \"webhook\", \"url\": \"" + receiver.url("/hook") + "\", \"secret\": \"s3cret\"}");
            receiver.fail(2, 503);
            post(api, "3d1", "acme is down");
            receiver.awaitRequests(3);
            assertThat(receiver.received).hasSize(3).allSatisfy(request -> {
                assertThat(request.signatureValid()).as("signature").isTrue();
                assertThat(request.header("Content-Type")).isEqualTo("application/json");
                assertThat(request.header("User-Agent")).startsWith("Earshot/");
            });
            assertThat(receiver.received)
                    .extracting(request -> request.header("X-Earshot-Delivery"))
                    .containsOnly(receiver.received.getFirst().header("X-Earshot-Delivery"));
            JsonNode body = Json.read(receiver.received.getLast().body());
            assertThat(body.at("/rule/id").asLong()).isEqualTo(rule);
            assertThat(body.at("/rule/name").asText()).isEqualTo("Acme <b>");
            assertThat(body.get("type").asText()).isEqualTo("every_match");
            assertThat(body.get("firedAt").asText()).endsWith("Z");
            assertThat(body.at("/mentions/0/text").asText()).isEqualTo("acme is down");
            assertThat(body.at("/summary/mentions_total").asLong()).isEqualTo(1);
            Thread.sleep(300);
            assertThat(receiver.received).as("nothing after success").hasSize(3);
            assertThat(api.get("/metrics").body())
                    .contains("earshot_alert_deliveries_total{outcome=\"retried\"} 2")
                    .contains("earshot_alert_deliveries_total{outcome=\"delivered\"} 1");
        }
    }

    @Test
    void aRefusedDeliveryGoesToTheDeadLettersAndCanBeRetriedFromThere() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("k");
                EarshotApp app = start(local())) {
            ApiClient api = new ApiClient(app.port());
            rule(api, "{\"type\": \"webhook\", \"url\": \"" + receiver.url("/gone") + "\", \"secret\": \"k\"}");
            receiver.fail(1, 404);
            post(api, "3d2", "acme outage");
            receiver.awaitRequests(1);
            JsonNode dead = awaitDeadLetter(api);
            assertThat(dead.get("error").asText()).startsWith("HTTP 404");
            assertThat(dead.get("attempts").asInt()).isEqualTo(1);
            assertThat(dead.at("/channel/type").asText()).isEqualTo("webhook");
            assertThat(dead.toString()).doesNotContain("\"k\"");
            ApiClient.Response retried =
                    api.post("/api/v1/alerts/dead-letters/" + dead.get("id").asText() + "/retry", "");
            assertThat(retried.status()).isEqualTo(202);
            receiver.awaitRequests(2);
            assertThat(receiver.received).hasSize(2);
            assertThat(receiver.received.get(1).header("X-Earshot-Delivery"))
                    .isEqualTo(dead.get("id").asText());
            Thread.sleep(200);
            assertThat(api.get("/api/v1/alerts/dead-letters").json().get("items"))
                    .isEmpty();
            assertThat(api.post("/api/v1/alerts/dead-letters/nope/retry", "").status())
                    .isEqualTo(404);
        }
    }

    @Test
    void aReceiverThatKeepsFailingEndsInTheDeadLettersAfterTheLastTry() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("k");
                EarshotApp app = start(local())) {
            ApiClient api = new ApiClient(app.port());
            rule(api, "{\"type\": \"webhook\", \"url\": \"" + receiver.url("/flaky") + "\"}");
            receiver.fail(100, 500);
            post(api, "3d3", "acme again");
            JsonNode dead = awaitDeadLetter(api);
            assertThat(dead.get("attempts").asInt()).isEqualTo(3);
            assertThat(dead.get("error").asText()).contains("HTTP 500").contains("after 3 tries");
            assertThat(receiver.received).hasSize(3);
        }
    }

    @Test
    void deliveriesPendingAtAStopAreSentOnceAfterTheRestart() throws Exception {
        DeliverySettings slowRetries =
                local().withRetry(new DeliverySettings.Retry(5, Duration.ofSeconds(2), Duration.ofSeconds(2)));
        try (WebhookReceiver receiver = new WebhookReceiver("k")) {
            try (EarshotApp app = start(slowRetries)) {
                ApiClient api = new ApiClient(app.port());
                rule(api, "{\"type\": \"webhook\", \"url\": \"" + receiver.url("/later") + "\"}");
                receiver.fail(1, 503);
                post(api, "3d4", "acme restart");
                receiver.awaitRequests(1);
            }
            try (EarshotApp app = start(slowRetries)) {
                receiver.awaitRequests(2);
                Thread.sleep(500);
                assertThat(receiver.received).hasSize(2);
                assertThat(receiver.received.get(1).header("X-Earshot-Delivery"))
                        .isEqualTo(receiver.received.get(0).header("X-Earshot-Delivery"));
            }
        }
    }

    @Test
    void aReceiverThatHangsHoldsUpNeitherTheEngineNorIngestion() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("k");
                EarshotApp app = start(local())) {
            ApiClient api = new ApiClient(app.port());
            long rule = rule(api, "{\"type\": \"webhook\", \"url\": \"" + receiver.url("/slow") + "\"}");
            receiver.delay(120_000); // longer than the whole test: every request hangs
            for (int i = 0; i < 20; i++) {
                post(api, "3s" + i, "acme slow " + i);
            }
            // every post is stored and its alert fired into the history while the receiver still sleeps
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (api.get("/api/v1/alerts/" + rule + "/history?limit=100")
                                    .json()
                                    .get("items")
                                    .size()
                            < 20
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(api.get("/api/v1/alerts/" + rule + "/history?limit=100")
                            .json()
                            .get("items"))
                    .hasSize(20);
            // the senders hang on the receiver (10 s timeout, then a retry); nothing else does
            assertThat(api.get("/metrics").body()).contains("earshot_alert_deliveries_total{outcome=\"delivered\"} 0");
            receiver.delay(0);
        }
    }

    @Test
    void slackGetsTextAndOneEscapedAttachmentPerMention() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("unused");
                EarshotApp app = start(local())) {
            ApiClient api = new ApiClient(app.port());
            rule(api, "{\"type\": \"slack\", \"url\": \"" + receiver.url("/services/T000/B000/XXXX") + "\"}");
            post(api, "3d5", "acme <script>alert(1)</script> & co");
            receiver.awaitRequests(1);
            JsonNode body = Json.read(receiver.received.getFirst().body());
            assertThat(body.get("text").asText()).isEqualTo("*Acme &lt;b&gt;*: 1 new mention");
            assertThat(body.at("/attachments/0/text").asText())
                    .isEqualTo("acme &lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
            assertThat(receiver.received.getFirst().header("X-Earshot-Signature"))
                    .isEmpty();
        }
    }

    @Test
    void emailGoesThroughSmtpWithATextAndAnEscapedHtmlPart() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.setUser("earshot", "earshot", "pw");
        mail.start();
        try {
            DeliverySettings smtp = local().withSmtp(new DeliverySettings.Smtp(
                    "127.0.0.1",
                    mail.getSmtp().getPort(),
                    Optional.of("earshot"),
                    Optional.of("pw"),
                    "alerts@earshot.test",
                    DeliverySettings.StartTls.OFF));
            try (EarshotApp app = start(smtp)) {
                ApiClient api = new ApiClient(app.port());
                rule(api, "{\"type\": \"email\", \"to\": [\"pr@example.com\"]}");
                post(api, "3d6", "acme <img src=x onerror=alert(1)>");
                assertThat(mail.waitForIncomingEmail(15_000, 1)).isTrue();
                MimeMessage message = mail.getReceivedMessages()[0];
                assertThat(message.getSubject()).isEqualTo("[Earshot] Acme <b>: 1 new mention");
                assertThat(message.getFrom()[0].toString()).isEqualTo("alerts@earshot.test");
                MimeMultipart parts = (MimeMultipart) message.getContent();
                assertThat(parts.getContentType()).startsWith("multipart/alternative");
                assertThat(parts.getBodyPart(0).getContent().toString()).contains("acme <img src=x onerror=alert(1)>");
                assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
                assertThat(parts.getBodyPart(1).getContent().toString())
                        .contains("acme &lt;img src=x onerror=alert(1)&gt;")
                        .doesNotContain("<img");
            }
        } finally {
            mail.stop();
        }
    }

    @Test
    void webhooksToPrivateAddressesAreRefusedUnlessAllowed() throws Exception {
        try (EarshotApp app = start(DeliverySettings.DEFAULT)) {
            ApiClient api = new ApiClient(app.port());
            long topic = api.post("/api/v1/topics", "{\"name\":\"Acme\",\"query\":\"acme\"}")
                    .json()
                    .get("id")
                    .asLong();
            for (String url : new String[] {
                "http://127.0.0.1:9/x", "http://localhost/x", "http://[::1]/x",
                        "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.7/x", "http://192.168.1.1/x", "http://[::ffff:127.0.0.1]/x", "http://0.0.0.0/x",
                "http://100.64.0.1/x", "http://[fd00::1]/x", "http://2130706433/x"
            }) {
                ApiClient.Response refused = api.post(
                        "/api/v1/alerts",
                        "{\"name\": \"x\", \"topics\": [" + topic + "], \"condition\": {\"type\": \"every_match\"},"
                                + " \"channels\": [{\"type\": \"slack\", \"url\": \"" + url + "\"}]}");
                assertThat(refused.status()).as(url + ": " + refused.body()).isEqualTo(400);
                assertThat(refused.json().get("error").asText()).contains("EARSHOT_ALLOW_PRIVATE_TARGETS=true");
            }
            ApiClient.Response noSmtp = api.post(
                    "/api/v1/alerts",
                    "{\"name\": \"x\", \"topics\": [" + topic + "], \"condition\": {\"type\": \"every_match\"},"
                            + " \"channels\": [{\"type\": \"email\", \"to\": [\"a@example.com\"]}]}");
            assertThat(noSmtp.json().get("error").asText()).contains("EARSHOT_SMTP_HOST");
        }
    }

    private static JsonNode awaitDeadLetter(ApiClient api) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        JsonNode items = api.get("/api/v1/alerts/dead-letters").json().get("items");
        while (items.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            items = api.get("/api/v1/alerts/dead-letters").json().get("items");
        }
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
