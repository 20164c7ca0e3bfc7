package io.earshot.source.feed;

import java.net.http.HttpHeaders;
import java.util.Objects;
import java.util.Optional;

/**
 * What a server said identifies the version of a feed it sent ({@code ETag}, {@code Last-Modified}), sent back
 * as {@code If-None-Match} and {@code If-Modified-Since} so that an unchanged feed costs a {@code 304} and no
 * body. Values are kept exactly as received (servers compare them as strings); absurdly long ones are dropped.
 */
record Validators(Optional<String> etag, Optional<String> lastModified) {

    static final Validators NONE = new Validators(Optional.empty(), Optional.empty());

    static final int MAX_CHARS = 512;

    Validators {
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        etag = etag.filter(Validators::usable);
        lastModified = lastModified.filter(Validators::usable);
    }

    static Validators of(HttpHeaders headers) {
        return new Validators(headers.firstValue("ETag"), headers.firstValue("Last-Modified"));
    }

    boolean isEmpty() {
        return etag.isEmpty() && lastModified.isEmpty();
    }

    /** Header values we can send back as they are: short, printable, not blank. */
    private static boolean usable(String value) {
        return !value.isBlank() && value.length() <= MAX_CHARS && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
