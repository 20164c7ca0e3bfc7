-- The outbox of alert deliveries: stored before sending, so nothing pending is lost on a restart.
CREATE TABLE alert_deliveries (
    id              TEXT    NOT NULL PRIMARY KEY,
    rule_id         INTEGER NOT NULL,
    alert_id        INTEGER NOT NULL,
    channel_type    TEXT    NOT NULL,
    target          TEXT    NOT NULL,
    channel         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    status          TEXT    NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX alert_deliveries_due ON alert_deliveries (status, next_attempt_at);
