package io.earshot.source;

import java.util.Locale;

/** Where a source stands. */
public enum SourceState {
    STARTING,
    CONNECTED,
    RETRYING,
    FAILED,
    STOPPED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
