-- Projects: a brand's topics, its competitors' topics and other followed topics (ids, comma-separated).
CREATE TABLE projects (
    id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL,
    brand       TEXT    NOT NULL,
    competitors TEXT    NOT NULL,
    others      TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
