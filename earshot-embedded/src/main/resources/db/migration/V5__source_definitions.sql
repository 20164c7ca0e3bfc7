-- Sources added through the API (the config file's sources are not stored): they run again after a restart.
CREATE TABLE source_definitions (
    id         TEXT    NOT NULL PRIMARY KEY,
    definition TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
