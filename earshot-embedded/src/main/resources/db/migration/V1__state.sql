-- Earshot state, embedded home (SQLite). Times are epoch milliseconds (UTC).

-- AUTOINCREMENT: a deleted topic's id is never given to a new topic, because archived mentions refer to it.
CREATE TABLE topics (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL,
    query      TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE cursors (
    source_id  TEXT    PRIMARY KEY,
    cursor     TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE tombstones (
    post_key   TEXT    PRIMARY KEY,
    deleted_at INTEGER NOT NULL
) WITHOUT ROWID;

-- key: InteractionKey.id() (network:native-id); subject_post_key: PostKey.id(), NULL for follows and blocks.
CREATE TABLE interactions (
    key                TEXT    PRIMARY KEY,
    kind               TEXT    NOT NULL,
    actor_id           TEXT    NOT NULL,
    subject_account_id TEXT    NOT NULL,
    subject_post_key   TEXT,
    at                 INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX interactions_by_subject_post ON interactions (subject_post_key);

CREATE TABLE authors (
    network    TEXT NOT NULL,
    account_id TEXT NOT NULL,
    handle     TEXT NOT NULL,
    PRIMARY KEY (network, account_id)
) WITHOUT ROWID;
