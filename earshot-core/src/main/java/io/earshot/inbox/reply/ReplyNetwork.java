package io.earshot.inbox.reply;

/**
 * Posting to one network. Implementations retry what is worth retrying (5xx, 429 after the time the network
 * asks for, lost connections) with the same {@code idempotencyKey}, so that a retry never makes a second post.
 */
public interface ReplyNetwork {

    /**
     * Checks credentials with the network.
     *
     * @throws NetworkRefusedException when the network refuses them
     * @throws NetworkUnavailableException when it cannot be reached
     */
    Identity verify(Credentials credentials);

    /**
     * Posts {@code text} as a reply to {@code target}.
     *
     * @param idempotencyKey the same for every attempt of one reply (Mastodon's {@code Idempotency-Key}; Bluesky's
     *     record key): the network makes one post however often it is sent
     * @throws NetworkRefusedException when the network refuses the reply (not worth retrying as is)
     * @throws NetworkUnavailableException when the retries ran out (worth retrying later, same key)
     */
    Posted reply(Credentials credentials, ReplyTarget target, String text, String idempotencyKey);
}
