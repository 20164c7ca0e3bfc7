package io.earshot.influence;

import io.earshot.domain.Network;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What influence scoring keeps: the accounts excluded from it (erased at their request, or by the team) and one
 * score a day per scored account, for the history an explanation shows.
 */
public interface InfluenceStore {

    /** Excludes an account from scoring for good and forgets its score history. Idempotent. */
    void exclude(Network network, String accountId, Instant at);

    /** The excluded accounts, as {@code network:accountId} keys. */
    Set<String> excluded();

    /** Stores the day's scores, replacing those stored for that day before. */
    void recordDay(LocalDate day, Collection<AuthorInfluence> scores);

    /** The account's daily scores, oldest first, the last {@code days} days at most. */
    List<DailyScore> history(Network network, String accountId, int days);

    /** One day's score. */
    record DailyScore(LocalDate day, double score) {
        public DailyScore {
            Objects.requireNonNull(day, "day");
        }
    }

    static String key(Network network, String accountId) {
        return network.id() + ":" + accountId;
    }
}
