/**
 * Posting replies: {@link io.earshot.source.reply.BlueskyReplies} (an account's PDS: {@code createSession},
 * {@code refreshSession}, strong references from {@code app.bsky.feed.getPosts}, {@code createRecord} with
 * {@code reply.root}/{@code reply.parent} under the reply's own record key) and
 * {@link io.earshot.source.reply.MastodonReplies} ({@code POST /api/v1/statuses} with {@code in_reply_to_id} and
 * {@code Idempotency-Key}; statuses of other instances looked up with {@code /api/v2/search?resolve=true}).
 *
 * <p>Both retry 5xx, lost connections and 429 (after {@code Retry-After}, {@code ratelimit-reset} or
 * {@code X-RateLimit-Reset}) as their {@link io.earshot.source.reply.RetryPolicy} says, and never post twice: the
 * idempotency key is the same for every attempt, and on Bluesky each attempt first asks whether an earlier one
 * got through. Base URLs are the accounts' own (tests use the fakes in {@code io.earshot.testkit.reply}).
 */
package io.earshot.source.reply;
