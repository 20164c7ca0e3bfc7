package io.earshot.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.source.Mapping;
import io.earshot.source.SourceEvent;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the stream missed from the stream's REST timeline, oldest first, page by page, and hands each
 * page on as one batch. Mastodon's streaming API replays nothing, so this is how a restart or a dropped
 * connection loses nothing.
 *
 * <p>From a cursor it asks {@code min_id=<cursor>} (moved back by the overlap for snowflake ids), which
 * returns the 40 statuses right after it, and follows the {@code Link} header's {@code rel="prev"} (or asks
 * {@code min_id=<newest>} itself) until a page comes back empty. Without a cursor (the first start ever) it
 * reads the newest page only, so a new stream starts with some context rather than the whole history.
 */
final class Backfill {

    private static final Logger log = LoggerFactory.getLogger(MastodonStreamSource.class);

    /** Where a page of events goes: the connection turns it into a batch for the sink. */
    @FunctionalInterface
    interface PageSink {
        void accept(List<SourceEvent> events, Optional<String> newestId) throws InterruptedException;
    }

    private final MastodonConfig config;
    private final MastodonStatusMapper mapper;
    private final StatusBoard status;
    private final RejectionLog rejections;

    Backfill(MastodonConfig config, MastodonStatusMapper mapper, StatusBoard status, RejectionLog rejections) {
        this.config = config;
        this.mapper = mapper;
        this.status = status;
        this.rejections = rejections;
    }

    /** Reads from {@code cursor} on; returns how many statuses it read. */
    int run(InstanceHttp http, Optional<String> cursor, PageSink sink) throws Problem.Raised, InterruptedException {
        if (config.maxBackfillPages() == 0) {
            return 0;
        }
        Optional<String> minId = cursor.map(
                id -> MastodonIds.rewind(id, config.backfillOverlap()).orElse(id));
        URI next = Endpoints.timeline(config.instance(), config.stream(), minId);
        int statuses = 0;
        for (int pages = 0; pages < config.maxBackfillPages(); pages++) {
            InstanceHttp.Page page = http.get(next);
            List<JsonNode> items;
            try {
                items = mapper.readTimeline(page.body());
            } catch (MalformedStatusException e) {
                throw new Problem.Raised(new Problem.Transient(next + ": " + e.getMessage()));
            }
            Optional<String> newest = deliver(items, sink);
            statuses += items.size();
            if (items.isEmpty() || cursor.isEmpty()) {
                return statuses;
            }
            if (newest.isEmpty() || minId.isPresent() && MastodonIds.compare(newest.get(), minId.get()) <= 0) {
                // a server that ignores min_id would send the same page forever
                log.warn(
                        "{}: {} returned no status newer than {}; back-fill ends here",
                        config.sourceId(),
                        next,
                        minId.orElse("the start"));
                return statuses;
            }
            minId = newest;
            next = Endpoints.previousPage(page.links(), config.instance())
                    .orElse(Endpoints.timeline(config.instance(), config.stream(), newest));
        }
        String gap = config.sourceId() + ": back-fill stopped after " + config.maxBackfillPages()
                + " pages; statuses after " + minId.orElse("?") + " and before the live stream may be missing"
                + " (raise maxBackfillPages to read further)";
        log.warn(gap);
        status.error(gap);
        return statuses;
    }

    /** Maps one page oldest first and hands it on; returns the newest status id it held. */
    private Optional<String> deliver(List<JsonNode> items, PageSink sink) throws InterruptedException {
        List<JsonNode> oldestFirst = new ArrayList<>(items);
        oldestFirst.sort(Comparator.comparing(Backfill::idOf, MastodonIds::compare));
        List<SourceEvent> events = new ArrayList<>();
        Optional<String> newest = Optional.empty();
        for (JsonNode item : oldestFirst) {
            status.received();
            switch (mapper.mapStatus(item)) {
                case Mapping.Events mapped -> {
                    status.mapped();
                    events.addAll(mapped.events());
                }
                case Mapping.Skipped skipped -> status.skipped(skipped.reason());
                case Mapping.Rejected rejected ->
                    rejections.rejected("rejected status in back-fill: " + rejected.error());
            }
            // a status we could not read still moves the cursor on: reading it again would not help
            String id = idOf(item);
            if (MastodonIds.isId(id)) {
                newest = Optional.of(
                        newest.map(seen -> MastodonIds.newer(seen, id)).orElse(id));
            }
        }
        if (!oldestFirst.isEmpty()) {
            sink.accept(events, newest);
        }
        return newest;
    }

    private static String idOf(JsonNode item) {
        return item.isObject() ? Json.optionalId(item, "id").orElse("") : "";
    }
}
