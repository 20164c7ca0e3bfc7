package io.earshot.embedded.state;

import io.earshot.project.Project;
import io.earshot.project.ProjectStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Projects in the state database (table {@code projects}). */
final class SqliteProjects implements ProjectStore {

    private static final String COLUMNS = "id, name, brand, competitors, others, created_at, updated_at";

    private final SqliteDatabase database;
    private final Clock clock;

    SqliteProjects(SqliteDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Project create(Project.Definition definition) {
        Instant now = clock.instant();
        check(definition, now);
        return database.transaction("store project " + definition.name(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO projects (name, brand, competitors, others, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                bind(insert, definition);
                insert.setLong(5, SqliteDatabase.millis(now));
                insert.setLong(6, SqliteDatabase.millis(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return select(connection, keys.getLong(1)).orElseThrow();
                }
            }
        });
    }

    @Override
    public Optional<Project> update(long id, Project.Definition definition) {
        Instant now = clock.instant();
        check(definition, now);
        return database.transaction("update project " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE projects SET name = ?, brand = ?, competitors = ?, others = ?, updated_at = ? WHERE id = ?")) {
                bind(update, definition);
                update.setLong(5, SqliteDatabase.millis(now));
                update.setLong(6, id);
                return update.executeUpdate() == 1 ? select(connection, id) : Optional.empty();
            }
        });
    }

    @Override
    public boolean delete(long id) {
        return database.transaction("delete project " + id, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM projects WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<Project> list() {
        return database.call("read the projects", connection -> {
            try (PreparedStatement select =
                            connection.prepareStatement("SELECT " + COLUMNS + " FROM projects ORDER BY id");
                    ResultSet rows = select.executeQuery()) {
                List<Project> projects = new ArrayList<>();
                while (rows.next()) {
                    projects.add(project(rows));
                }
                return projects;
            }
        });
    }

    @Override
    public Optional<Project> get(long id) {
        return database.call("read project " + id, connection -> select(connection, id));
    }

    /** The record's rules (a name, a brand topic, no topic twice), before anything is written. */
    private static void check(Project.Definition definition, Instant now) {
        new Project(0, definition.name(), definition.brand(), definition.competitors(), definition.others(), now, now);
    }

    private static void bind(PreparedStatement statement, Project.Definition definition) throws SQLException {
        statement.setString(1, definition.name());
        statement.setString(2, ids(definition.brand()));
        statement.setString(3, ids(definition.competitors()));
        statement.setString(4, ids(definition.others()));
    }

    private static Optional<Project> select(Connection connection, long id) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT " + COLUMNS + " FROM projects WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(project(rows)) : Optional.empty();
            }
        }
    }

    private static Project project(ResultSet rows) throws SQLException {
        return new Project(
                rows.getLong(1),
                rows.getString(2),
                ids(rows.getString(3)),
                ids(rows.getString(4)),
                ids(rows.getString(5)),
                Instant.ofEpochMilli(rows.getLong(6)),
                Instant.ofEpochMilli(rows.getLong(7)));
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Long> ids(String text) {
        return text.isEmpty()
                ? List.of()
                : Arrays.stream(text.split(",")).map(Long::parseLong).toList();
    }
}
