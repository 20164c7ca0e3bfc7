package io.earshot.testkit.mastodon;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The statuses the fake server holds, newest first, and Mastodon's way of paging them: {@code max_id} and
 * {@code since_id} cut the newest-first list, {@code min_id} takes the statuses right after it (paging
 * forward in time) and still returns them newest first.
 */
final class Timeline {

    /** One page and the ids its {@code Link} header pages on from. */
    record Page(List<FakeStatus> statuses) {
        Optional<String> oldest() {
            return statuses.isEmpty()
                    ? Optional.empty()
                    : Optional.of(statuses.getLast().id());
        }

        Optional<String> newest() {
            return statuses.isEmpty()
                    ? Optional.empty()
                    : Optional.of(statuses.getFirst().id());
        }
    }

    private final ConcurrentSkipListMap<String, FakeStatus> statuses =
            new ConcurrentSkipListMap<>(FakeStatus.ID_ORDER.reversed());

    void put(FakeStatus status) {
        statuses.put(status.id(), status);
    }

    void remove(String id) {
        statuses.remove(id);
    }

    Page page(Feed feed, int limit, Optional<String> maxId, Optional<String> sinceId, Optional<String> minId) {
        List<FakeStatus> newestFirst = statuses.values().stream()
                .filter(feed.wants())
                .filter(status -> maxId.isEmpty() || FakeStatus.ID_ORDER.compare(status.id(), maxId.get()) < 0)
                .filter(status -> sinceId.isEmpty() || FakeStatus.ID_ORDER.compare(status.id(), sinceId.get()) > 0)
                .filter(status -> minId.isEmpty() || FakeStatus.ID_ORDER.compare(status.id(), minId.get()) > 0)
                .toList();
        if (minId.isPresent()) {
            return new Page(newestFirst.subList(Math.max(0, newestFirst.size() - limit), newestFirst.size()));
        }
        return new Page(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
    }
}
