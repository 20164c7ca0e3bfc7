package io.earshot.inbox;

import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A conversation in the inbox: the mention that opened it and every later message of its thread (grouped by
 * the thread's root post), with who owns it and where it stands.
 *
 * @param root the thread's root post: later replies to any post of the thread join this case
 * @param author the account that wrote the first mention, {@code network:id}
 * @param openedAt when the first mention was written
 * @param cycleStartedAt when the current round began (opened, or reopened by a new message): SLAs count from here
 * @param awaitingSince the oldest inbound message not answered yet, when there is one
 * @param firstResponseAt the first reply the team sent
 * @param resolvedAt when the case was last resolved
 */
public record Case(
        long id,
        PostKey root,
        PostKey firstMention,
        String author,
        Optional<String> team,
        Optional<String> assignee,
        CaseStatus status,
        Priority priority,
        Set<String> tags,
        Instant openedAt,
        Instant cycleStartedAt,
        Instant lastMessageAt,
        Optional<Instant> awaitingSince,
        Optional<Instant> firstResponseAt,
        Optional<Instant> resolvedAt) {

    public Case {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(firstMention, "firstMention");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        tags = Set.copyOf(new TreeSet<>(tags));
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(cycleStartedAt, "cycleStartedAt");
        Objects.requireNonNull(lastMessageAt, "lastMessageAt");
        Objects.requireNonNull(awaitingSince, "awaitingSince");
        Objects.requireNonNull(firstResponseAt, "firstResponseAt");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }

    public Network network() {
        return root.network();
    }

    public Case withTeam(Optional<String> value) {
        return new Case(
                id,
                root,
                firstMention,
                author,
                value,
                assignee,
                status,
                priority,
                tags,
                openedAt,
                cycleStartedAt,
                lastMessageAt,
                awaitingSince,
                firstResponseAt,
                resolvedAt);
    }

    public Case withAssignee(Optional<String> value) {
        return new Case(
                id,
                root,
                firstMention,
                author,
                team,
                value,
                status,
                priority,
                tags,
                openedAt,
                cycleStartedAt,
                lastMessageAt,
                awaitingSince,
                firstResponseAt,
                resolvedAt);
    }

    /** A copy in another status; resolving stamps {@code resolvedAt}. */
    public Case withStatus(CaseStatus value, Instant at) {
        Optional<Instant> resolved = value == CaseStatus.RESOLVED ? Optional.of(at) : resolvedAt;
        return new Case(
                id,
                root,
                firstMention,
                author,
                team,
                assignee,
                value,
                priority,
                tags,
                openedAt,
                cycleStartedAt,
                lastMessageAt,
                awaitingSince,
                firstResponseAt,
                resolved);
    }

    public Case withPriority(Priority value) {
        return new Case(
                id,
                root,
                firstMention,
                author,
                team,
                assignee,
                status,
                value,
                tags,
                openedAt,
                cycleStartedAt,
                lastMessageAt,
                awaitingSince,
                firstResponseAt,
                resolvedAt);
    }

    public Case withTags(Set<String> value) {
        return new Case(
                id,
                root,
                firstMention,
                author,
                team,
                assignee,
                status,
                priority,
                value,
                openedAt,
                cycleStartedAt,
                lastMessageAt,
                awaitingSince,
                firstResponseAt,
                resolvedAt);
    }

    /** A new message from the author's side: it waits for an answer, and a resolved or pending case reopens. */
    public Case withInbound(Instant at) {
        boolean reopen = status == CaseStatus.RESOLVED || status == CaseStatus.PENDING;
        return new Case(
                id,
                root,
                firstMention,
                author,
                team,
                assignee,
                reopen ? CaseStatus.OPEN : status,
                priority,
                tags,
                openedAt,
                status == CaseStatus.RESOLVED ? at : cycleStartedAt,
                at.isAfter(lastMessageAt) ? at : lastMessageAt,
                awaitingSince.or(() -> Optional.of(at)),
                firstResponseAt,
                resolvedAt);
    }

    /** The team answered: nothing waits any more, and the first response is stamped once. */
    public Case withResponse(Instant at) {
        return new Case(
                id,
                root,
                firstMention,
                author,
                team,
                assignee,
                status,
                priority,
                tags,
                openedAt,
                cycleStartedAt,
                at.isAfter(lastMessageAt) ? at : lastMessageAt,
                Optional.empty(),
                firstResponseAt.or(() -> Optional.of(at)),
                resolvedAt);
    }
}
