/**
 * Contract suites: the behaviour every implementation of a storage port must have, as abstract JUnit
 * Jupiter classes. An implementation's test extends the suite and says how to open the store; it then runs
 * every test of the suite.
 *
 * <pre>{@code
 * class SqliteTopicStoreTest extends TopicStoreContract {
 *     @Override
 *     protected TopicStore open(Path dir) {
 *         return SqliteStateStore.open(dir);
 *     }
 * }
 * }</pre>
 *
 * <p>The suites:
 *
 * <ul>
 *   <li>{@link io.earshot.testkit.contract.MentionArchiveContract}: the mention archive, including its
 *       search half {@link io.earshot.testkit.contract.MentionSearchContract} (filters, order, totals, cursor
 *       pages);
 *   <li>{@link io.earshot.testkit.contract.TopicStoreContract}, {@link
 *       io.earshot.testkit.contract.CursorStoreContract}, {@link
 *       io.earshot.testkit.contract.TombstoneStoreContract}, {@link
 *       io.earshot.testkit.contract.InteractionLedgerContract}, {@link
 *       io.earshot.testkit.contract.AuthorDirectoryContract}: the state ports.
 * </ul>
 *
 * <p>Each test gets a fresh temporary folder ({@link io.earshot.testkit.contract.StoreContract#open} receives
 * it); {@code reopen()} closes the store and opens the same folder again, which is how the suites check that
 * data survives a restart. A store that is {@link java.lang.AutoCloseable} is closed after each test;
 * override {@code close} for anything else. A store backed by a server ignores the folder and must see the
 * same data when reopened.
 *
 * <p>{@link io.earshot.testkit.contract.ContractPosts} builds the posts the archive suites store, including
 * one with every optional field present and one with none.
 */
package io.earshot.testkit.contract;
