package io.earshot.embedded.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statements are reused after close, never shared while in use, and let go beyond the capacity and on close. */
class StatementCacheTest {

    private static final String BY_ID = "SELECT name FROM t WHERE id = ?";

    private Connection real;
    private Connection cached;

    @BeforeEach
    void open() throws SQLException {
        real = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement create = real.createStatement()) {
            create.executeUpdate("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
            create.executeUpdate("INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three')");
        }
        cached = StatementCache.wrap(real, 2);
    }

    @AfterEach
    void close() throws SQLException {
        cached.close();
    }

    @Test
    void aClosedStatementIsReusedWithItsParametersCleared() throws SQLException {
        PreparedStatement first;
        try (PreparedStatement select = cached.prepareStatement(BY_ID)) {
            first = select.unwrap(PreparedStatement.class);
            select.setLong(1, 1);
            assertThat(names(select)).containsExactly("one");
        }
        try (PreparedStatement select = cached.prepareStatement(BY_ID)) {
            assertThat(select.unwrap(PreparedStatement.class)).isSameAs(first);
            assertThat(select.isClosed()).isFalse();
            select.setLong(1, 2);
            assertThat(names(select)).containsExactly("two");
        }
        assertThat(first.isClosed()).as("kept open for the next caller").isFalse();
    }

    @Test
    void theSameSqlNestedGetsAStatementOfItsOwn() throws SQLException {
        List<String> pairs = new ArrayList<>();
        try (PreparedStatement all = cached.prepareStatement("SELECT id FROM t ORDER BY id");
                ResultSet ids = all.executeQuery()) {
            while (ids.next()) {
                try (PreparedStatement outer = cached.prepareStatement(BY_ID)) {
                    outer.setLong(1, ids.getLong(1));
                    try (ResultSet row = outer.executeQuery();
                            PreparedStatement inner = cached.prepareStatement(BY_ID)) {
                        inner.setLong(1, 4 - ids.getLong(1));
                        row.next();
                        pairs.add(row.getString(1) + "/" + names(inner).get(0));
                    }
                }
            }
        }
        assertThat(pairs).containsExactly("one/three", "two/two", "three/one");
    }

    @Test
    void beyondTheCapacityTheLeastRecentlyUsedIsClosedAndCloseLetsGoOfAll() throws SQLException {
        PreparedStatement a = use("SELECT 1");
        PreparedStatement b = use("SELECT 2");
        use("SELECT 1"); // a is now the most recently used
        PreparedStatement c = use("SELECT 3");
        assertThat(b.isClosed()).as("least recently used, evicted").isTrue();
        assertThat(a.isClosed()).isFalse();
        cached.close();
        assertThat(a.isClosed()).isTrue();
        assertThat(c.isClosed()).isTrue();
        assertThat(real.isClosed()).isTrue();
    }

    private PreparedStatement use(String sql) throws SQLException {
        try (PreparedStatement statement = cached.prepareStatement(sql)) {
            names(statement);
            return statement.unwrap(PreparedStatement.class);
        }
    }

    private static List<String> names(PreparedStatement select) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
