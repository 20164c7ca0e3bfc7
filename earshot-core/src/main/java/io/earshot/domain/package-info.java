/**
 * The vocabulary of Earshot as plain records: {@link io.earshot.domain.Post posts} and their
 * {@link io.earshot.domain.Author authors}, {@link io.earshot.domain.Interaction interactions} between
 * accounts, and {@link io.earshot.domain.Mention mentions} (a post as stored, with the
 * {@link io.earshot.domain.TopicMatch topics it matched} and its {@link io.earshot.domain.Engagement engagement}).
 *
 * <p>Every post is identified by a {@link io.earshot.domain.PostKey} ({@code network:native-id}); all writes
 * are idempotent on it. Records validate themselves and never hold {@code null}: optional parts are
 * {@link java.util.Optional}.
 */
package io.earshot.domain;
