/**
 * Replying from the inbox, on the network the conversation is on, from an account the team connected.
 *
 * <p>{@link io.earshot.inbox.reply.AccountService} checks {@link io.earshot.inbox.reply.Credentials} with the
 * network when an account is connected and stores them sealed with AES-256-GCM
 * ({@link io.earshot.inbox.reply.CredentialCipher}, key from {@code EARSHOT_SECRET_KEY}); they are never shown
 * again. {@link io.earshot.inbox.reply.ReplyService} records each {@link io.earshot.inbox.reply.Reply} before
 * anything is sent, with the key every attempt will send (Mastodon's {@code Idempotency-Key}; a Bluesky record
 * key), so that no retry, repeated request or restart posts twice; a request repeated with the same
 * {@code Idempotency-Key} gets the first answer. Teams may require a second person's approval.
 *
 * <p>{@link io.earshot.inbox.reply.ReplyNetwork} is the port a network implements ({@code io.earshot.source.reply}
 * has Bluesky and Mastodon); {@link io.earshot.inbox.reply.ReplyStore} keeps accounts and replies.
 */
package io.earshot.inbox.reply;
