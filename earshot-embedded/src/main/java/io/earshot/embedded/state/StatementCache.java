package io.earshot.embedded.state;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state database's connection as the stores see it: {@code prepareStatement(sql)} hands back a statement
 * prepared earlier for the same SQL, and its {@code close()} only makes it ready for the next caller.
 *
 * <p>Why: ingest, the inbox and the alert engine run a few small statements per mention, and preparing one (parsing
 * the SQL, and sqlite-jdbc reading the column names again) cost as much as running it: a tenth of the inbox's time
 * at 2,000 mentions/s (docs/benchmarks.md). The stores keep their plain JDBC code.
 *
 * <p>Safe for nesting: a statement whose SQL is already in use (its caller has not closed it yet) is prepared afresh
 * and really closed after. The least recently used statements beyond {@code capacity} (dynamic SQL, such as {@code
 * IN} lists of varying length) are closed. Not thread-safe: {@link SqliteDatabase} uses the connection under its lock.
 */
final class StatementCache implements InvocationHandler {

    private static final class Cached {
        final PreparedStatement statement;
        boolean inUse;

        Cached(PreparedStatement statement) {
            this.statement = statement;
        }
    }

    private final Connection real;
    private final Map<String, Cached> statements;

    private StatementCache(Connection real, int capacity) {
        this.real = real;
        this.statements = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                if (size() <= capacity || eldest.getValue().inUse) {
                    return false;
                }
                closeQuietly(eldest.getValue().statement);
                return true;
            }
        };
    }

    /** {@code real}, with {@code prepareStatement(String)} served from a cache of {@code capacity} statements. */
    static Connection wrap(Connection real, int capacity) {
        return (Connection) Proxy.newProxyInstance(
                StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new StatementCache(real, capacity));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") && args != null && args.length == 1) {
            return prepare((String) args[0]);
        }
        if (method.getName().equals("close")) {
            statements.values().forEach(entry -> closeQuietly(entry.statement));
            statements.clear();
        }
        return forward(real, method, args);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        Cached entry = statements.get(sql);
        if (entry == null) {
            entry = new Cached(real.prepareStatement(sql));
            statements.put(sql, entry);
        } else if (entry.inUse) {
            return real.prepareStatement(sql);
        }
        entry.inUse = true;
        Cached lent = entry;
        return (PreparedStatement) Proxy.newProxyInstance(
                StatementCache.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "close" -> {
                            if (lent.inUse) {
                                lent.inUse = false;
                                lent.statement.clearParameters();
                                lent.statement.clearBatch();
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return !lent.inUse || lent.statement.isClosed();
                        }
                        default -> {
                            return forward(lent.statement, m, a);
                        }
                    }
                });
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // closing a statement of a connection that goes away anyway: nothing to do about it
        }
    }
}
