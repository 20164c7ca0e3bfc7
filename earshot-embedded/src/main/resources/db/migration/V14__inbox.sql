-- The inbox: cases (conversations), their threads and histories; routing rules, teams and canned replies as the
-- JSON people wrote; connected accounts (credentials sealed with EARSHOT_SECRET_KEY) and replies; contacts.
CREATE TABLE inbox_cases (
    id                INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    root_key          TEXT    NOT NULL,
    first_mention     TEXT    NOT NULL,
    author            TEXT    NOT NULL,
    team              TEXT,
    assignee          TEXT,
    status            TEXT    NOT NULL,
    priority          TEXT    NOT NULL,
    tags              TEXT    NOT NULL,
    opened_at         INTEGER NOT NULL,
    cycle_started_at  INTEGER NOT NULL,
    last_message_at   INTEGER NOT NULL,
    awaiting_since    INTEGER,
    first_response_at INTEGER,
    resolved_at       INTEGER
);
CREATE INDEX inbox_cases_by_root ON inbox_cases (root_key);
CREATE INDEX inbox_cases_by_author ON inbox_cases (author, id);
CREATE INDEX inbox_cases_by_assignee ON inbox_cases (assignee, status);
CREATE INDEX inbox_cases_by_opened ON inbox_cases (opened_at);

-- Every post of a case's thread; a post belongs to one case.
CREATE TABLE inbox_messages (
    post_key  TEXT    NOT NULL PRIMARY KEY,
    case_id   INTEGER NOT NULL,
    author    TEXT    NOT NULL,
    handle    TEXT,
    uri       TEXT    NOT NULL,
    url       TEXT,
    text      TEXT    NOT NULL,
    at        INTEGER NOT NULL,
    sentiment INTEGER,
    outbound  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX inbox_messages_by_case ON inbox_messages (case_id, at);

CREATE TABLE inbox_events (
    id        INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    case_id   INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    actor     TEXT    NOT NULL,
    type      TEXT    NOT NULL,
    from_value TEXT,
    to_value  TEXT,
    text      TEXT
);
CREATE INDEX inbox_events_by_case ON inbox_events (case_id, id);
CREATE INDEX inbox_events_by_type ON inbox_events (type, at);

CREATE TABLE inbox_definitions (
    kind       TEXT    NOT NULL,
    id         TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    definition TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

CREATE TABLE inbox_sequences (
    kind TEXT    NOT NULL PRIMARY KEY,
    last INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE inbox_accounts (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    network      TEXT    NOT NULL,
    account_id   TEXT    NOT NULL,
    handle       TEXT    NOT NULL,
    server       TEXT    NOT NULL,
    connected_by TEXT    NOT NULL,
    connected_at INTEGER NOT NULL,
    credentials  TEXT    NOT NULL,
    UNIQUE (network, account_id)
);

-- A reply is recorded before it is sent; (case_id, request_key) makes a request idempotent.
CREATE TABLE inbox_replies (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    case_id      INTEGER NOT NULL,
    account_id   INTEGER NOT NULL,
    text         TEXT    NOT NULL,
    in_reply_to  TEXT    NOT NULL,
    request_key  TEXT    NOT NULL,
    network_key  TEXT    NOT NULL,
    state        TEXT    NOT NULL,
    requested_by TEXT    NOT NULL,
    reviewed_by  TEXT,
    uri          TEXT,
    url          TEXT,
    error        TEXT,
    attempts     INTEGER NOT NULL,
    then_status  TEXT    NOT NULL,
    requested_at INTEGER NOT NULL,
    sent_at      INTEGER,
    UNIQUE (case_id, request_key)
);
CREATE INDEX inbox_replies_by_sent ON inbox_replies (sent_at);

CREATE TABLE contacts (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    name         TEXT    NOT NULL,
    vip          INTEGER NOT NULL DEFAULT 0,
    status       TEXT    NOT NULL,
    status_since INTEGER NOT NULL,
    first_seen   INTEGER NOT NULL,
    last_seen    INTEGER NOT NULL,
    won_back_at  INTEGER
);
CREATE INDEX contacts_by_last_seen ON contacts (last_seen);

CREATE TABLE contact_accounts (
    account_key  TEXT    NOT NULL PRIMARY KEY,
    contact_id   INTEGER NOT NULL,
    network      TEXT    NOT NULL,
    account_id   TEXT    NOT NULL,
    handle       TEXT,
    display_name TEXT,
    followers    INTEGER
) WITHOUT ROWID;
CREATE INDEX contact_accounts_by_contact ON contact_accounts (contact_id);
CREATE INDEX contact_accounts_by_handle ON contact_accounts (handle COLLATE NOCASE);
CREATE INDEX contact_accounts_by_name ON contact_accounts (display_name COLLATE NOCASE);

CREATE TABLE contact_mentions (
    post_key   TEXT    NOT NULL PRIMARY KEY,
    contact_id INTEGER NOT NULL,
    at         INTEGER NOT NULL,
    sentiment  INTEGER NOT NULL,
    text       TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX contact_mentions_by_contact ON contact_mentions (contact_id, at);

CREATE TABLE contact_statuses (
    contact_id INTEGER NOT NULL,
    at         INTEGER NOT NULL,
    status     TEXT    NOT NULL
);
CREATE INDEX contact_statuses_by_contact ON contact_statuses (contact_id, at);

CREATE TABLE contact_notes (
    id         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    contact_id INTEGER NOT NULL,
    author     TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX contact_notes_by_contact ON contact_notes (contact_id, id);

CREATE TABLE contact_won_back (
    contact_id INTEGER NOT NULL,
    case_id    INTEGER NOT NULL,
    post_key   TEXT    NOT NULL,
    at         INTEGER NOT NULL,
    PRIMARY KEY (contact_id, post_key)
) WITHOUT ROWID;
CREATE INDEX contact_won_back_by_time ON contact_won_back (at);
