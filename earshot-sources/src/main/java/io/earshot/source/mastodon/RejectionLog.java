package io.earshot.source.mastodon;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts rejected events in the status and warns about them at most every 10 s: a stream of garbage must
 * be visible in the log without flooding it. Used by the run thread only.
 */
final class RejectionLog {

    private static final Logger log = LoggerFactory.getLogger(MastodonStreamSource.class);
    private static final long WARN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String sourceId;
    private final StatusBoard status;
    private boolean warnedBefore;
    private long lastWarnNanos;
    private long sinceLastWarn;

    RejectionLog(String sourceId, StatusBoard status) {
        this.sourceId = sourceId;
        this.status = status;
    }

    void rejected(String message) {
        status.error(message);
        sinceLastWarn++;
        long now = System.nanoTime();
        if (!warnedBefore || now - lastWarnNanos >= WARN_INTERVAL_NANOS) {
            log.warn("{}: {} ({} event(s) rejected since the last warning)", sourceId, message, sinceLastWarn);
            warnedBefore = true;
            lastWarnNanos = now;
            sinceLastWarn = 0;
        }
    }
}
