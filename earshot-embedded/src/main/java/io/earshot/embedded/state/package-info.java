/**
 * The state of the embedded home in one SQLite file, {@code <dataDir>/state.db}: topics, source cursors,
 * tombstones of deleted posts, the interaction ledger, the author directory and the interaction graph.
 *
 * <h2>Opening it</h2>
 *
 * <pre>{@code
 * try (SqliteStateStore state = SqliteStateStore.open(dataDir)) {
 *     Topic topic = state.create("Acme", "acme OR \"acme corp\"");      // TopicStore
 *     state.commit("bluesky-jetstream", cursor);                       // CursorStore
 *     state.bury(List.of(key), Instant.now());                         // TombstoneStore
 *     boolean counted = state.record(like);                           // InteractionLedger
 *     state.rememberHandle(Network.BLUESKY, did, "alice.bsky.social"); // AuthorDirectory
 *     state.graph().add(interactions);                                 // InteractionGraph
 * }
 * }</pre>
 *
 * <p>{@link io.earshot.embedded.state.SqliteStateStore} implements all five ports; pass the same instance
 * wherever one is needed; {@code graph()} is the {@link io.earshot.graph.InteractionGraph} in the same file
 * ({@code V4__graph.sql} describes its compact layout). Opening creates the folder and the file when missing
 * and applies the Flyway migrations in {@code db/migration} ({@code V1__state.sql}, …); a newer Earshot
 * migrates an older file on open. Any failure is a {@link io.earshot.embedded.state.StateStoreException} that
 * names the operation and the database file.
 *
 * <h2>Durability and threads</h2>
 *
 * <p>Each call is its own transaction, committed when it returns, except the graph's bulk removals (an
 * account, a retention run), which commit every few thousand edges so that ingestion is not held up. The
 * journal is a write-ahead log with {@code synchronous=NORMAL}: a crash of the process loses nothing that
 * returned; a power cut may lose the last transactions, in order, and since source cursors live in the same
 * file they go back with the writes they covered. The store is safe to share between threads: one
 * connection, one statement at a time. Statements are prepared once per SQL text and reused ({@code
 * StatementCache}): most calls run a statement or two, and preparing cost as much as running.
 *
 * <h2>Times</h2>
 *
 * <p>Times are stored as epoch milliseconds: an instant read back is the instant written, truncated to the
 * millisecond; graph edges keep whole seconds. Topic and cursor times come from the clock given to
 * {@code open} (UTC system clock by default). A deleted topic's id is never given to another topic, because
 * archived mentions refer to topics by id.
 */
package io.earshot.embedded.state;
