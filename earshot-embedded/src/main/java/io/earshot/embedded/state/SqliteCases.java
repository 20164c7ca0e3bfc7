package io.earshot.embedded.state;

import io.earshot.domain.PostKey;
import io.earshot.inbox.Case;
import io.earshot.inbox.CaseEvent;
import io.earshot.inbox.CaseMessage;
import io.earshot.inbox.CaseQuery;
import io.earshot.inbox.CaseStatus;
import io.earshot.inbox.CaseStore;
import io.earshot.inbox.Priority;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Cases, their threads and histories (tables {@code inbox_cases}, {@code inbox_messages}, {@code inbox_events}). */
final class SqliteCases implements CaseStore {

    private static final String COLUMNS = "id, root_key, first_mention, author, team, assignee, status, priority, tags,"
            + " opened_at, cycle_started_at, last_message_at, awaiting_since, first_response_at, resolved_at";

    private final SqliteDatabase database;

    SqliteCases(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public Case create(Case draft, CaseMessage first, List<CaseEvent> events) {
        return database.transaction("open a case", connection -> {
            Optional<Long> known = caseOfPost(connection, first.post());
            if (known.isPresent()) {
                return select(connection, known.get()).orElseThrow();
            }
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO inbox_cases (root_key, first_mention, author, team, assignee, status, priority, tags,"
                            + " opened_at, cycle_started_at, last_message_at, awaiting_since, first_response_at,"
                            + " resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, draft.root().id());
                insert.setString(2, draft.firstMention().id());
                insert.setString(3, draft.author());
                bindMutable(insert, 4, draft);
                insert.setLong(9, SqliteDatabase.millis(draft.openedAt()));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            insertMessage(connection, id, first);
            insertEvents(connection, id, events);
            return select(connection, id).orElseThrow();
        });
    }

    @Override
    public void update(Case changed, List<CaseEvent> events) {
        database.transaction("update case " + changed.id(), connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE inbox_cases SET team = ?, assignee = ?, status = ?, priority = ?, tags = ?,"
                            + " cycle_started_at = ?, last_message_at = ?, awaiting_since = ?, first_response_at = ?,"
                            + " resolved_at = ? WHERE id = ?")) {
                bindMutable(update, 1, changed);
                update.setLong(11, changed.id());
                update.executeUpdate();
            }
            insertEvents(connection, changed.id(), events);
            return null;
        });
    }

    @Override
    public void forget(Collection<PostKey> posts) {
        database.transaction("forget deleted posts in cases", connection -> {
            try (PreparedStatement messages =
                            connection.prepareStatement("UPDATE inbox_messages SET text = '' WHERE post_key = ?");
                    PreparedStatement events = connection.prepareStatement(
                            "UPDATE inbox_events SET text = NULL WHERE to_value = ? AND type IN ('created', 'message')")) {
                for (PostKey post : posts) {
                    messages.setString(1, post.id());
                    messages.executeUpdate();
                    events.setString(1, post.id());
                    events.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void log(List<CaseEvent> events) {
        database.transaction("append case history", connection -> {
            for (CaseEvent event : events) {
                insertEvents(connection, event.caseId(), List.of(event));
            }
            return null;
        });
    }

    /** Binds team..resolved_at (10 columns from {@code at}, skipping opened_at when creating is the caller's job). */
    private static void bindMutable(PreparedStatement statement, int at, Case c) throws SQLException {
        Rows.setText(statement, at, c.team());
        Rows.setText(statement, at + 1, c.assignee());
        statement.setString(at + 2, c.status().id());
        statement.setString(at + 3, c.priority().id());
        statement.setString(at + 4, String.join("\n", c.tags()));
        int next = at + 5;
        if (at == 4) {
            next++; // opened_at, bound by create
        }
        statement.setLong(next, SqliteDatabase.millis(c.cycleStartedAt()));
        statement.setLong(next + 1, SqliteDatabase.millis(c.lastMessageAt()));
        Rows.setInstant(statement, next + 2, c.awaitingSince());
        Rows.setInstant(statement, next + 3, c.firstResponseAt());
        Rows.setInstant(statement, next + 4, c.resolvedAt());
    }

    @Override
    public boolean addMessage(CaseMessage message) {
        return database.transaction("add a message to case " + message.caseId(), connection -> {
            if (caseOfPost(connection, message.post()).isPresent()) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE inbox_messages SET text = ?, sentiment = COALESCE(?, sentiment) WHERE post_key = ?")) {
                    update.setString(1, message.text());
                    if (message.sentiment().isPresent()) {
                        update.setInt(2, message.sentiment().get());
                    } else {
                        update.setNull(2, Types.INTEGER);
                    }
                    update.setString(3, message.post().id());
                    update.executeUpdate();
                }
                return false;
            }
            insertMessage(connection, message.caseId(), message);
            return true;
        });
    }

    @Override
    public Optional<Case> get(long id) {
        return database.call("read case " + id, connection -> select(connection, id));
    }

    @Override
    public Optional<Case> caseOfThread(Collection<PostKey> posts) {
        if (posts.isEmpty()) {
            return Optional.empty();
        }
        String marks = posts.stream().map(post -> "?").collect(Collectors.joining(", "));
        return database.call("find the case of a thread", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT MAX(case_id) FROM (SELECT case_id FROM inbox_messages WHERE post_key IN (" + marks + ")"
                            + " UNION ALL SELECT id FROM inbox_cases WHERE root_key IN (" + marks + "))")) {
                int index = 1;
                for (int round = 0; round < 2; round++) {
                    for (PostKey post : posts) {
                        select.setString(index++, post.id());
                    }
                }
                try (ResultSet rows = select.executeQuery()) {
                    long id = rows.next() ? rows.getLong(1) : 0;
                    return id == 0 ? Optional.<Case>empty() : select(connection, id);
                }
            }
        });
    }

    @Override
    public List<CaseMessage> messages(long caseId) {
        return database.call("read the thread of case " + caseId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM inbox_messages WHERE case_id = ? ORDER BY at, outbound, post_key")) {
                select.setLong(1, caseId);
                try (ResultSet rows = select.executeQuery()) {
                    List<CaseMessage> messages = new ArrayList<>();
                    while (rows.next()) {
                        long sentiment = rows.getLong("sentiment");
                        Optional<Integer> heard = rows.wasNull() ? Optional.empty() : Optional.of((int) sentiment);
                        messages.add(new CaseMessage(
                                caseId,
                                PostKey.parse(rows.getString("post_key")),
                                rows.getString("author"),
                                Rows.text(rows, "handle"),
                                rows.getString("uri"),
                                Rows.text(rows, "url"),
                                rows.getString("text"),
                                Rows.instant(rows, "at"),
                                heard,
                                rows.getInt("outbound") == 1));
                    }
                    return messages;
                }
            }
        });
    }

    @Override
    public List<CaseEvent> events(long caseId) {
        return events("SELECT * FROM inbox_events WHERE case_id = ? ORDER BY id", caseId);
    }

    @Override
    public List<CaseEvent> eventsOfType(CaseEvent.Type type, Instant from, Instant to) {
        return database.call("read case history", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM inbox_events WHERE type = ? AND at >= ? AND at < ? ORDER BY at, id")) {
                select.setString(1, type.id());
                select.setLong(2, SqliteDatabase.millis(from));
                select.setLong(3, SqliteDatabase.millis(to));
                return readEvents(select);
            }
        });
    }

    private List<CaseEvent> events(String sql, long caseId) {
        return database.call("read the history of case " + caseId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setLong(1, caseId);
                return readEvents(select);
            }
        });
    }

    private static List<CaseEvent> readEvents(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            List<CaseEvent> events = new ArrayList<>();
            while (rows.next()) {
                events.add(new CaseEvent(
                        rows.getLong("id"),
                        rows.getLong("case_id"),
                        Rows.instant(rows, "at"),
                        rows.getString("actor"),
                        CaseEvent.Type.fromId(rows.getString("type")),
                        Rows.text(rows, "from_value"),
                        Rows.text(rows, "to_value"),
                        Rows.text(rows, "text")));
            }
            return events;
        }
    }

    @Override
    public List<Case> list(CaseQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM inbox_cases WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        query.team().ifPresent(team -> {
            sql.append(" AND team = ?");
            args.add(team);
        });
        query.assignee().ifPresent(assignee -> {
            if (assignee.isEmpty()) {
                sql.append(" AND assignee IS NULL");
            } else {
                sql.append(" AND assignee = ?");
                args.add(assignee);
            }
        });
        if (!query.statuses().isEmpty()) {
            sql.append(" AND status IN (")
                    .append(query.statuses().stream().map(s -> "?").collect(Collectors.joining(", ")))
                    .append(")");
            query.statuses().forEach(status -> args.add(status.id()));
        }
        query.tag().ifPresent(tag -> {
            sql.append(" AND ('\n' || tags || '\n') LIKE ? ESCAPE '\\'");
            args.add("%\n" + tag.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "\n%");
        });
        query.author().ifPresent(author -> {
            sql.append(" AND author = ?");
            args.add(author);
        });
        query.before().ifPresent(before -> {
            sql.append(" AND id < ?");
            args.add(before);
        });
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(query.limit());
        return database.call("list cases", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    select.setObject(i + 1, args.get(i));
                }
                return readCases(select);
            }
        });
    }

    @Override
    public List<Case> openedBetween(Instant from, Instant to) {
        return database.call("list cases by opening time", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM inbox_cases WHERE opened_at >= ? AND opened_at < ? ORDER BY opened_at, id")) {
                select.setLong(1, SqliteDatabase.millis(from));
                select.setLong(2, SqliteDatabase.millis(to));
                return readCases(select);
            }
        });
    }

    @Override
    public Map<String, Integer> activeCounts(Collection<String> users) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        users.forEach(user -> counts.put(user, 0));
        if (users.isEmpty()) {
            return counts;
        }
        String marks = users.stream().map(user -> "?").collect(Collectors.joining(", "));
        return database.call("count active cases per assignee", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT assignee, COUNT(*) FROM inbox_cases WHERE status <> 'resolved' AND assignee IN (" + marks
                            + ") GROUP BY assignee")) {
                int index = 1;
                for (String user : users) {
                    select.setString(index++, user);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getInt(2));
                    }
                }
            }
            return counts;
        });
    }

    private static Optional<Long> caseOfPost(Connection connection, PostKey post) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT case_id FROM inbox_messages WHERE post_key = ?")) {
            select.setString(1, post.id());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    private static void insertMessage(Connection connection, long caseId, CaseMessage message) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO inbox_messages (post_key, case_id, author, handle, uri, url, text, at, sentiment, outbound)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, message.post().id());
            insert.setLong(2, caseId);
            insert.setString(3, message.author());
            Rows.setText(insert, 4, message.handle());
            insert.setString(5, message.uri());
            Rows.setText(insert, 6, message.url());
            insert.setString(7, message.text());
            insert.setLong(8, SqliteDatabase.millis(message.at()));
            if (message.sentiment().isPresent()) {
                insert.setInt(9, message.sentiment().get());
            } else {
                insert.setNull(9, Types.INTEGER);
            }
            insert.setInt(10, message.outbound() ? 1 : 0);
            insert.executeUpdate();
        }
    }

    private static void insertEvents(Connection connection, long caseId, List<CaseEvent> events) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO inbox_events (case_id, at, actor, type, from_value, to_value, text)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (CaseEvent event : events) {
                insert.setLong(1, caseId);
                insert.setLong(2, SqliteDatabase.millis(event.at()));
                insert.setString(3, event.actor());
                insert.setString(4, event.type().id());
                Rows.setText(insert, 5, event.from());
                Rows.setText(insert, 6, event.to());
                Rows.setText(insert, 7, event.text());
                insert.executeUpdate();
            }
        }
    }

    private static Optional<Case> select(Connection connection, long id) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT " + COLUMNS + " FROM inbox_cases WHERE id = ?")) {
            select.setLong(1, id);
            List<Case> found = readCases(select);
            return found.stream().findFirst();
        }
    }

    private static List<Case> readCases(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            List<Case> cases = new ArrayList<>();
            while (rows.next()) {
                String tags = rows.getString("tags");
                cases.add(new Case(
                        rows.getLong("id"),
                        PostKey.parse(rows.getString("root_key")),
                        PostKey.parse(rows.getString("first_mention")),
                        rows.getString("author"),
                        Rows.text(rows, "team"),
                        Rows.text(rows, "assignee"),
                        CaseStatus.fromId(rows.getString("status")),
                        Priority.fromId(rows.getString("priority")),
                        tags.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(tags.split("\n"))),
                        Rows.instant(rows, "opened_at"),
                        Rows.instant(rows, "cycle_started_at"),
                        Rows.instant(rows, "last_message_at"),
                        Rows.optionalInstant(rows, "awaiting_since"),
                        Rows.optionalInstant(rows, "first_response_at"),
                        Rows.optionalInstant(rows, "resolved_at")));
            }
            return cases;
        }
    }
}
