package io.earshot.embedded.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The state database file: one SQLite connection for writes and reads, migrated by Flyway on open, shared by the
 * stores of this package under a fair lock, and a read-only second one for the lookups ingest makes per batch.
 *
 * <p>One writing connection is enough: every statement here is a point lookup or a small write taking
 * microseconds, and SQLite serialises writers anyway. The lock keeps a multi-statement operation (read then
 * delete) atomic with respect to the other threads of this process. The inbox holds it for a group of mentions at
 * a time; ingest's lookups go to the read connection instead ({@link #read}), which WAL lets read beside a writer.
 *
 * <p>Durability: WAL journal with {@code synchronous=NORMAL}. A committed transaction survives a crash of the
 * process; a power cut may lose the last transactions, never a transaction in the middle and never out of
 * order. Because source cursors live in the same file, a lost suffix takes the cursor back with the writes it
 * covered, and at-least-once replay restores them.
 */
final class SqliteDatabase implements AutoCloseable {

    static final String FILE_NAME = "state.db";

    private static final int BUSY_TIMEOUT_MS = 10_000;

    /** Page cache of the connection, in KiB. */
    private static final int CACHE_KIB = 32 * 1024;

    /** Prepared statements kept for reuse ({@link StatementCache}). */
    private static final int STATEMENTS = 256;

    /** WAL pages (4 KiB) after which a transaction's commit copies the log back into the database file. */
    private static final int CHECKPOINT_PAGES = 10_000;

    private final Path file;
    private final Connection connection;
    private final Connection readConnection;
    private final ReentrantLock readLock = new ReentrantLock();
    /**
     * Fair: the inbox takes mentions in by groups, one transaction each, back to back; an unfair lock let it take
     * the connection again at once, and ingest and the alert engine, waiting for their few statements, waited
     * for seconds (alert latency p50 10 s at 3,000 mentions/s). In arrival order, they wait one group at most.
     */
    private final ReentrantLock lock = new ReentrantLock(true);
    /** Whether the thread holding {@link #lock} is inside {@link #transaction} (read and written under the lock). */
    private boolean inTransaction;

    private SqliteDatabase(Path file, Connection connection, Connection readConnection) {
        this.file = file;
        this.connection = connection;
        this.readConnection = readConnection;
    }

    /** Opens (creating when needed) {@code <dataDir>/state.db} and brings its schema up to date. */
    static SqliteDatabase open(Path dataDir) {
        Path directory = dataDir.toAbsolutePath();
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
        } catch (IOException | RuntimeException e) {
            throw new StateStoreException("create the data folder " + directory, file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // the interaction graph writes to random pages of large indexes: fewer, larger checkpoints (a page
        // written back once for many transactions) made adding edges ~13% cheaper, and a bigger page cache made
        // reading them ~25% cheaper (GraphReplayBench, docs/benchmarks.md)
        config.setCacheSize(-CACHE_KIB);
        config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, Integer.toString(CHECKPOINT_PAGES));
        config.enforceForeignKeys(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new StateStoreException("open", file, e);
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            closeQuietly(connection);
            throw new StateStoreException("migrate the schema", file, e);
        }
        Connection readConnection;
        try {
            SQLiteConfig readConfig = new SQLiteConfig();
            readConfig.setReadOnly(true);
            readConfig.setBusyTimeout(BUSY_TIMEOUT_MS);
            readConfig.setCacheSize(-CACHE_KIB);
            SQLiteDataSource readSource = new SQLiteDataSource(readConfig);
            readSource.setUrl("jdbc:sqlite:" + file);
            readConnection = readSource.getConnection();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StateStoreException("open a connection for reading", file, e);
        }
        return new SqliteDatabase(
                file, StatementCache.wrap(connection, STATEMENTS), StatementCache.wrap(readConnection, STATEMENTS));
    }

    Path file() {
        return file;
    }

    /** Runs {@code work} alone on the connection; SQL errors become {@link StateStoreException}. */
    <T> T call(String operation, Work<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StateStoreException(operation, file, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs a read on a second, read-only connection, which sees every committed transaction (WAL: readers and the
     * writer do not wait for each other) but nothing of a transaction still open on the main one. For the
     * lookups ingest makes for every batch, which waited behind the inbox's transactions on the main connection.
     */
    <T> T read(String operation, Work<T> work) {
        readLock.lock();
        try {
            return work.run(readConnection);
        } catch (SQLException e) {
            throw new StateStoreException(operation, file, e);
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Like {@link #call}, in one transaction: all of it is stored, or none. Called inside another transaction
     * of the same thread, it joins that one (it commits, or rolls back, with the outer one).
     */
    <T> T transaction(String operation, Work<T> work) {
        return call(operation, connection -> {
            if (inTransaction) {
                return work.run(connection);
            }
            connection.setAutoCommit(false);
            inTransaction = true;
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                inTransaction = false;
                connection.setAutoCommit(true);
            }
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!connection.isClosed()) {
                connection.close();
            }
            if (!readConnection.isClosed()) {
                readConnection.close();
            }
        } catch (SQLException e) {
            throw new StateStoreException("close", file, e);
        } finally {
            lock.unlock();
        }
    }

    /** Times are stored as epoch milliseconds: what is read back is the instant truncated to the millisecond. */
    static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the migration error is the one to report
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
