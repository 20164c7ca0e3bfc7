package io.earshot.testkit.mastodon;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which statuses a stream or timeline shows: everything ({@code public}, {@code user}), local accounts'
 * ({@code public/local}), or one hashtag's.
 */
record Feed(String name, Predicate<FakeStatus> wants) {

    static Feed everything(String name) {
        return new Feed(name, status -> true);
    }

    static Feed local(String name) {
        return new Feed(name, FakeStatus::local);
    }

    static Feed hashtag(String tag, boolean localOnly) {
        String wanted = tag.toLowerCase(Locale.ROOT);
        return new Feed("hashtag:" + tag, status -> status.tags().contains(wanted) && (!localOnly || status.local()));
    }
}
