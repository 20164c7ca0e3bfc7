package io.earshot.inbox;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A page of the inbox, newest first: every filter given must hold.
 *
 * @param assignee a user, or the empty string for unassigned cases
 * @param author {@code network:id}
 * @param before only cases with a smaller id (the next page)
 */
public record CaseQuery(
        Optional<String> team,
        Optional<String> assignee,
        Set<CaseStatus> statuses,
        Optional<String> tag,
        Optional<String> author,
        OptionalLong before,
        int limit) {

    public CaseQuery {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(assignee, "assignee");
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(before, "before");
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a page holds 1 to 1000 cases, got " + limit);
        }
    }

    public static CaseQuery all(int limit) {
        return new CaseQuery(
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                OptionalLong.empty(),
                limit);
    }

    public CaseQuery before(long id) {
        return new CaseQuery(team, assignee, statuses, tag, author, OptionalLong.of(id), limit);
    }

    public CaseQuery withAuthor(String value) {
        return new CaseQuery(team, assignee, statuses, tag, Optional.of(value), before, limit);
    }
}
