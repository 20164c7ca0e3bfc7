package io.earshot.embedded.state;

import io.earshot.domain.Interaction;
import io.earshot.domain.InteractionKey;
import io.earshot.domain.InteractionKind;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import io.earshot.graph.Edge;
import io.earshot.graph.EdgePage;
import io.earshot.graph.InteractionGraph;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The interaction graph in the {@code graph_*} tables of the state database (see {@code V4__graph.sql} for the
 * layout). Each {@link #add} and {@link #remove} is one transaction; bulk removals (an account, retention) go
 * in transactions of {@value #CHUNK} edges, so that ingestion is never held up for long.
 */
final class SqliteInteractionGraph implements InteractionGraph {

    /** Edges (or accounts) per transaction in bulk removals. */
    static final int CHUNK = 5_000;

    static final String SELECT_EDGES =
            "SELECT e.id, e.kind, e.at, e.post_tail, e.post, f.network, f.account, t.account FROM graph_edges e "
                    + "JOIN graph_accounts f ON f.id = e.from_id JOIN graph_accounts t ON t.id = e.to_id ";

    private final SqliteDatabase database;
    private final GraphAccounts accounts = new GraphAccounts();

    SqliteInteractionGraph(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public int add(Collection<Interaction> interactions) {
        GraphCodes.Fingerprints fingerprints = new GraphCodes.Fingerprints();
        List<Row> rows = new ArrayList<>(interactions.size());
        for (Interaction interaction : interactions) {
            Edge.of(interaction)
                    .ifPresent(edge -> rows.add(new Row(
                            fingerprints.of(interaction.key()), fingerprints.ofRecord(interaction.key()), edge)));
        }
        if (rows.isEmpty()) {
            return 0;
        }
        return database.transaction("add " + rows.size() + " edges to the interaction graph", connection -> {
            try {
                return insert(connection, rows);
            } catch (SQLException | RuntimeException e) {
                // the transaction is rolled back: accounts numbered in it were never stored
                accounts.forget();
                throw e;
            }
        });
    }

    private int insert(Connection connection, List<Row> rows) throws SQLException {
        Counts added = new Counts();
        try (GraphAccounts.Numbering numbers = accounts.numbering(connection);
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT OR IGNORE INTO graph_edges "
                                + "(id, from_id, to_id, kind, at, record_id, post_tail, post) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Row row : rows) {
                Edge edge = row.edge();
                insert.setLong(1, row.id());
                insert.setLong(2, numbers.idOf(edge.network(), edge.from()));
                insert.setLong(3, numbers.idOf(edge.network(), edge.to()));
                insert.setInt(4, GraphCodes.kind(edge.kind()));
                insert.setLong(5, edge.at().getEpochSecond());
                if (row.record().isPresent()) {
                    insert.setLong(6, row.record().get());
                } else {
                    insert.setNull(6, Types.INTEGER);
                }
                Optional<String> tail = edge.subjectPost().flatMap(post -> tail(edge, post));
                insert.setString(7, tail.orElse(null));
                insert.setString(
                        8,
                        tail.isPresent()
                                ? null
                                : edge.subjectPost().map(PostKey::id).orElse(null));
                if (insert.executeUpdate() == 1) {
                    added.add(edge.kind(), 1);
                }
            }
        }
        added.apply(connection, 1);
        return (int) added.total();
    }

    /** On Bluesky a post's native id is {@code <author did>:<rkey>}: most of it is the edge's to-account. */
    private static Optional<String> tail(Edge edge, PostKey post) {
        String id = post.nativeId();
        return post.network() == edge.network() && id.length() > edge.to().length() && id.startsWith(edge.to())
                ? Optional.of(id.substring(edge.to().length()))
                : Optional.empty();
    }

    @Override
    public int remove(Collection<InteractionKey> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        GraphCodes.Fingerprints fingerprints = new GraphCodes.Fingerprints();
        return database.transaction("remove " + keys.size() + " interactions from the graph", connection -> {
            Counts removed = new Counts();
            try (PreparedStatement byId =
                            connection.prepareStatement("DELETE FROM graph_edges WHERE id = ? RETURNING kind");
                    PreparedStatement parts =
                            connection.prepareStatement("DELETE FROM graph_edges WHERE record_id = ? RETURNING kind")) {
                for (InteractionKey key : keys) {
                    long id = fingerprints.of(key);
                    removed.collect(byId, id);
                    if (fingerprints.ofRecord(key).isEmpty()) {
                        removed.collect(parts, id);
                    }
                }
            }
            removed.apply(connection, -1);
            return (int) removed.total();
        });
    }

    @Override
    public long removeAccount(Network network, String accountId) {
        String what = "forget the graph edges of " + network.id() + ":" + accountId;
        Optional<Long> account = database.call(what, connection -> accounts.find(connection, network, accountId));
        if (account.isEmpty()) {
            return 0;
        }
        long removed = 0;
        for (String side : List.of("from_id", "to_id")) {
            removed += removeInChunks(what, side + " = ?", account.get());
        }
        // the last step in one transaction, so an edge added meanwhile cannot be left pointing at no account
        return removed
                + database.transaction(what, connection -> {
                    Counts rest = new Counts();
                    try (PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM graph_edges WHERE from_id = ?1 OR to_id = ?1 RETURNING kind")) {
                        rest.collect(delete, account.get());
                    }
                    rest.apply(connection, -1);
                    accounts.delete(connection, account.get());
                    return rest.total();
                });
    }

    @Override
    public long removeBefore(Instant cutoff) {
        long removed = removeInChunks("remove graph edges before " + cutoff, "at < ?", cutoff.getEpochSecond());
        accounts.sweep(database);
        return removed;
    }

    private long removeInChunks(String operation, String where, long value) {
        long removed = 0;
        long chunk;
        do {
            chunk = database.transaction(operation, connection -> {
                Counts counts = new Counts();
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM graph_edges WHERE id IN (SELECT id FROM graph_edges WHERE " + where + " LIMIT "
                                + CHUNK + ") RETURNING kind")) {
                    counts.collect(delete, value);
                }
                counts.apply(connection, -1);
                return counts.total();
            });
            removed += chunk;
        } while (chunk == CHUNK);
        return removed;
    }

    @Override
    public EdgePage edgesSince(Instant since, Optional<String> cursor, int limit) {
        requireLimit(limit);
        Optional<GraphCodes.Position> after = cursor.map(GraphCodes.Position::parse);
        List<Edge> edges = new ArrayList<>();
        GraphCodes.Position last = database.call("read graph edges since " + since, connection -> {
            String where = after.isPresent() ? "WHERE e.at >= ? AND (e.at, e.id) > (?, ?) " : "WHERE e.at >= ? ";
            try (PreparedStatement select =
                    connection.prepareStatement(SELECT_EDGES + where + "ORDER BY e.at, e.id LIMIT ?")) {
                int i = 1;
                select.setLong(i++, since.getEpochSecond());
                if (after.isPresent()) {
                    select.setLong(i++, after.get().at());
                    select.setLong(i++, after.get().id());
                }
                select.setInt(i, limit);
                return read(select, edges);
            }
        });
        return new EdgePage(edges, edges.size() == limit ? Optional.of(last.cursor()) : Optional.empty());
    }

    @Override
    public List<Edge> edgesOf(Network network, String accountId, Direction direction, int limit) {
        requireLimit(limit);
        String side = direction == Direction.OUT ? "e.from_id" : "e.to_id";
        List<Edge> edges = new ArrayList<>();
        database.call("read the graph edges of " + network.id() + ":" + accountId, connection -> {
            Optional<Long> account = accounts.find(connection, network, accountId);
            if (account.isEmpty()) {
                return null;
            }
            try (PreparedStatement select = connection.prepareStatement(
                    SELECT_EDGES + "WHERE " + side + " = ? ORDER BY e.at DESC, e.id DESC LIMIT ?")) {
                select.setLong(1, account.get());
                select.setInt(2, limit);
                return read(select, edges);
            }
        });
        return edges;
    }

    @Override
    public long count() {
        return countsByKind().values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public Map<InteractionKind, Long> countsByKind() {
        return database.call("count graph edges", connection -> {
            Map<InteractionKind, Long> counts = new EnumMap<>(InteractionKind.class);
            try (PreparedStatement select = connection.prepareStatement("SELECT kind, edges FROM graph_counts");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(GraphCodes.kind(rows.getInt(1)), rows.getLong(2));
                }
            }
            return counts;
        });
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE + ", got " + limit);
        }
    }

    /** Reads edges into {@code edges}; returns the position of the last one (null when none). */
    private static GraphCodes.Position read(PreparedStatement select, List<Edge> edges) throws SQLException {
        GraphCodes.Position last = null;
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                long at = rows.getLong(3);
                Network network = GraphCodes.network(rows.getInt(6));
                String to = rows.getString(8);
                String tail = rows.getString(4);
                String post = rows.getString(5);
                Optional<PostKey> subject = tail != null
                        ? Optional.of(new PostKey(network, to + tail))
                        : Optional.ofNullable(post).map(PostKey::parse);
                edges.add(new Edge(
                        network,
                        rows.getString(7),
                        to,
                        GraphCodes.kind(rows.getInt(2)),
                        Instant.ofEpochSecond(at),
                        subject));
                last = new GraphCodes.Position(at, id);
            }
        }
        return last;
    }

    private record Row(long id, Optional<Long> record, Edge edge) {}

    /** Edges added or removed per kind in one transaction, applied to {@code graph_counts} in the same one. */
    private static final class Counts {
        private final long[] byCode = new long[7];

        void add(InteractionKind kind, long n) {
            byCode[GraphCodes.kind(kind)] += n;
        }

        /** Runs a {@code DELETE … RETURNING kind} bound to {@code value} and counts what it removed. */
        void collect(PreparedStatement delete, long value) throws SQLException {
            delete.setLong(1, value);
            try (ResultSet kinds = delete.executeQuery()) {
                while (kinds.next()) {
                    byCode[kinds.getInt(1)]++;
                }
            }
        }

        long total() {
            long total = 0;
            for (long n : byCode) {
                total += n;
            }
            return total;
        }

        void apply(Connection connection, int sign) throws SQLException {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE graph_counts SET edges = edges + ? WHERE kind = ?")) {
                for (int code = 1; code < byCode.length; code++) {
                    if (byCode[code] != 0) {
                        update.setLong(1, sign * byCode[code]);
                        update.setInt(2, code);
                        update.addBatch();
                    }
                }
                update.executeBatch();
            }
        }
    }
}
