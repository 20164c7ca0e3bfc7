package io.earshot.inbox;

import java.util.Objects;

/** How a routing rule picks an assignee among the team's members. */
public sealed interface Assignment {

    /** Members in turn, remembered across restarts. */
    record RoundRobin() implements Assignment {}

    /** The member with the fewest active cases (ties: the one who got a case longest ago, then by name). */
    record LeastBusy() implements Assignment {}

    /** Always this user. */
    record User(String name) implements Assignment {
        public User {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("assign needs round_robin, least_busy or a user's name");
            }
        }
    }

    /** {@code round_robin}, {@code least_busy}, or a user's name. */
    static Assignment parse(String value) {
        return switch (value.strip()) {
            case "round_robin" -> new RoundRobin();
            case "least_busy" -> new LeastBusy();
            default -> new User(value.strip());
        };
    }

    default String id() {
        return switch (this) {
            case RoundRobin r -> "round_robin";
            case LeastBusy l -> "least_busy";
            case User user -> user.name();
        };
    }
}
