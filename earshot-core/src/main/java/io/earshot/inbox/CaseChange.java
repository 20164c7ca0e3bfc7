package io.earshot.inbox;

import java.util.Objects;
import java.util.Optional;

/** One change a person makes to a case; each becomes a line of its history. */
public sealed interface CaseChange {

    record MoveToTeam(Optional<String> team) implements CaseChange {
        public MoveToTeam {
            Objects.requireNonNull(team, "team");
        }
    }

    record Assign(Optional<String> assignee) implements CaseChange {
        public Assign {
            Objects.requireNonNull(assignee, "assignee");
        }
    }

    record SetStatus(CaseStatus status) implements CaseChange {
        public SetStatus {
            Objects.requireNonNull(status, "status");
        }
    }

    record SetPriority(Priority priority) implements CaseChange {
        public SetPriority {
            Objects.requireNonNull(priority, "priority");
        }
    }

    record AddTag(String tag) implements CaseChange {
        public AddTag {
            tag = Objects.requireNonNull(tag, "tag").strip();
            if (tag.isEmpty() || tag.length() > 64) {
                throw new IllegalArgumentException("a tag has 1 to 64 characters");
            }
        }
    }

    record RemoveTag(String tag) implements CaseChange {
        public RemoveTag {
            tag = Objects.requireNonNull(tag, "tag").strip();
        }
    }

    /** An internal note: seen by the team, never sent. */
    record Note(String text) implements CaseChange {
        public Note {
            Objects.requireNonNull(text, "text");
            if (text.isBlank()) {
                throw new IllegalArgumentException("a note needs some \"text\"");
            }
        }
    }
}
