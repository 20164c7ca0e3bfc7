-- Influence scoring: accounts excluded from it (erased at their request), and one score a day per scored account.
CREATE TABLE influence_exclusions (
    network     TEXT    NOT NULL,
    account_id  TEXT    NOT NULL,
    excluded_at INTEGER NOT NULL,
    PRIMARY KEY (network, account_id)
);

CREATE TABLE influence_history (
    network    TEXT    NOT NULL,
    account_id TEXT    NOT NULL,
    day        TEXT    NOT NULL,
    score      REAL    NOT NULL,
    PRIMARY KEY (network, account_id, day)
) WITHOUT ROWID;

CREATE INDEX influence_history_day ON influence_history (day);
