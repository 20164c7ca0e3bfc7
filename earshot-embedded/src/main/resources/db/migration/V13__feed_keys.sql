-- The secret of each topic's Atom feed URL.
CREATE TABLE feed_keys (
    topic_id   INTEGER NOT NULL PRIMARY KEY,
    feed_key   TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
