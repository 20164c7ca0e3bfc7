package io.earshot.graph;

import io.earshot.domain.Interaction;
import io.earshot.domain.InteractionKind;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One edge of the interaction graph: the account {@code from} did {@code kind} to the account {@code to} at
 * {@code at} (a repost, reply or quote also names the post it was about).
 *
 * @param network the network both accounts belong to
 * @param from the acting account (a DID on Bluesky)
 * @param to the account acted upon: the author of the reposted, replied-to or quoted post, the mentioned or
 *     followed account
 * @param kind never {@link InteractionKind#LIKE}: likes count towards a post's engagement, not the graph
 * @param at when it happened; stores keep it to the second
 * @param subjectPost the post reposted, replied to or quoted; empty for mentions, follows and blocks
 */
public record Edge(
        Network network, String from, String to, InteractionKind kind, Instant at, Optional<PostKey> subjectPost) {

    public Edge {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(subjectPost, "subjectPost");
        if (kind == InteractionKind.LIKE) {
            throw new IllegalArgumentException("likes are not edges of the interaction graph");
        }
        if (from.isEmpty() || to.isEmpty()) {
            throw new IllegalArgumentException("an edge needs both accounts, got '" + from + "' -> '" + to + "'");
        }
    }

    /**
     * The edge an interaction makes, or empty when it makes none: a like (engagement, not a relation between
     * accounts), an interaction of an account with itself (a reply in one's own thread says nothing about who
     * listens to whom), or one with an unknown account.
     */
    public static Optional<Edge> of(Interaction interaction) {
        String from = interaction.actorId();
        String to = interaction.subjectAccountId();
        if (interaction.kind() == InteractionKind.LIKE || from.isEmpty() || to.isEmpty() || from.equals(to)) {
            return Optional.empty();
        }
        return Optional.of(new Edge(
                interaction.network(), from, to, interaction.kind(), interaction.at(), interaction.subjectPost()));
    }
}
