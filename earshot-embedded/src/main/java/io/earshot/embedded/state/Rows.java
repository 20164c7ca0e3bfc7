package io.earshot.embedded.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** Optional values in and out of JDBC rows (SQL NULL is {@code Optional.empty()}). */
final class Rows {

    private Rows() {}

    static void setText(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    static void setInstant(PreparedStatement statement, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, SqliteDatabase.millis(value.get()));
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }

    static Optional<String> text(ResultSet rows, String column) throws SQLException {
        return Optional.ofNullable(rows.getString(column));
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        return Instant.ofEpochMilli(rows.getLong(column));
    }

    static Optional<Instant> optionalInstant(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
    }

    static OptionalLong optionalLong(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
