-- The interaction graph (io.earshot.graph): who reposted, replied to, quoted, mentioned, followed or blocked
-- whom. There may be hundreds of millions of edges, so rows are small: accounts are numbered once, times are
-- epoch seconds, an edge is identified by a 64-bit fingerprint of its interaction key, and there is one index
-- per query (by time; by account and time, each way). Codes are fixed in GraphCodes.
-- (Version 4, not 2: V3 reached data folders first, and Flyway refuses to apply an older version late.)

-- network: 1 bluesky, 2 mastodon, 3 feed, 4 webhook. Rows no edge refers to are swept by the retention run.
CREATE TABLE graph_accounts (
    id      INTEGER PRIMARY KEY,
    network INTEGER NOT NULL,
    account TEXT    NOT NULL,
    UNIQUE (network, account)
);

-- id:        first 8 bytes of SHA-256(InteractionKey.id()), so a replay hits the primary key and is ignored.
-- kind:      1 repost, 2 reply, 3 quote, 4 mention, 5 follow, 6 block.
-- record_id: for a part key 'R#part', the fingerprint of 'R' (removing R removes its parts); else NULL.
-- post_tail: the subject post's native id after the to-account's id (on Bluesky ':rkey'), its network the
--            edge's; post: the subject post's full PostKey.id() when it does not start that way.
CREATE TABLE graph_edges (
    id        INTEGER PRIMARY KEY,
    from_id   INTEGER NOT NULL,
    to_id     INTEGER NOT NULL,
    kind      INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    record_id INTEGER,
    post_tail TEXT,
    post      TEXT
);

CREATE INDEX graph_edges_by_time ON graph_edges (at);
CREATE INDEX graph_edges_by_from ON graph_edges (from_id, at);
CREATE INDEX graph_edges_by_to ON graph_edges (to_id, at);
CREATE INDEX graph_edges_by_record ON graph_edges (record_id) WHERE record_id IS NOT NULL;

-- Edges per kind, kept in the same transactions as the edges: counting a huge table would scan it.
CREATE TABLE graph_counts (
    kind  INTEGER PRIMARY KEY,
    edges INTEGER NOT NULL
);
INSERT INTO graph_counts (kind, edges) VALUES (1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 0);
