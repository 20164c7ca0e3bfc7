package io.earshot.alert;

import java.util.Locale;

/** How far from normal a spike or shift is, from the size of its deviation (see {@code docs/alerts.md}). */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
