-- Alert rules as their JSON definitions, and what each rule fired (why, and with which mentions).
CREATE TABLE alert_rules (
    id         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    definition TEXT    NOT NULL,
    paused     INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE alert_history (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    rule_id      INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    fired_at     INTEGER NOT NULL,
    notification TEXT    NOT NULL
);
CREATE INDEX alert_history_by_rule ON alert_history (rule_id, id);
CREATE INDEX alert_history_by_time ON alert_history (fired_at);

-- Posts each rule has notified: a mention is delivered once per rule, even when replayed or edited.
CREATE TABLE alert_notices (
    rule_id     INTEGER NOT NULL,
    post_key    TEXT    NOT NULL,
    notified_at INTEGER NOT NULL,
    PRIMARY KEY (rule_id, post_key)
) WITHOUT ROWID;
CREATE INDEX alert_notices_by_time ON alert_notices (notified_at);

-- Mentions per minute of spike and shift rules: their baselines survive restarts.
CREATE TABLE alert_minutes (
    rule_id  INTEGER NOT NULL,
    minute   INTEGER NOT NULL,
    total    INTEGER NOT NULL,
    negative INTEGER NOT NULL,
    positive INTEGER NOT NULL,
    PRIMARY KEY (rule_id, minute)
) WITHOUT ROWID;

-- Small per-rule values: when the last digest went, an ongoing spike.
CREATE TABLE alert_values (
    rule_id INTEGER NOT NULL,
    name    TEXT    NOT NULL,
    value   TEXT    NOT NULL,
    PRIMARY KEY (rule_id, name)
) WITHOUT ROWID;
