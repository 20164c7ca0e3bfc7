/**
 * Who may use Earshot: people ({@link io.earshot.account.Account}, each with a {@link io.earshot.account.Role}),
 * their browser sessions, and API tokens for machines.
 *
 * <p>The roles form a ladder: {@code viewer} reads everything, {@code responder} also works the stream (sentiment
 * corrections, later the inbox), {@code analyst} also shapes what is listened to (topics, alerts, projects,
 * analytics), and {@code admin} also runs the installation (sources, users, tokens). {@link
 * io.earshot.account.Role#allows(Role)} answers "may this role do what needs that one".
 *
 * <p>{@link io.earshot.account.AccountStore} is the storage port. It never sees a secret: passwords arrive as
 * Argon2id hashes, session ids and API tokens as SHA-256 digests, so a stolen database opens nothing. Every
 * implementation runs {@code AccountStoreContract} from the testkit.
 */
package io.earshot.account;
