/**
 * Fake networks to reply to, on 127.0.0.1: {@link io.earshot.testkit.reply.FakeBlueskyPds} and
 * {@link io.earshot.testkit.reply.FakeMastodonInstance}. They check each request the way the real services do
 * (authentication, required fields, strong references, idempotency keys) and can be told to fail (429 with the
 * networks' rate-limit headers, 5xx, an answer lost after the work was done), so tests show that a reply is
 * posted once, whatever happens.
 */
package io.earshot.testkit.reply;
