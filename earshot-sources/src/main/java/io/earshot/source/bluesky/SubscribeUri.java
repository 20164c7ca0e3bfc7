package io.earshot.source.bluesky;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

/** Builds a Jetstream {@code /subscribe} URL with its filter and cursor parameters. */
final class SubscribeUri {

    private SubscribeUri() {}

    /**
     * {@code endpoint?wantedCollections=…&wantedDids=…&cursor=…}: the lists as repeated parameters (as
     * Jetstream reads them), the cursor in unix microseconds, left out when there is none (start live).
     */
    static URI build(URI endpoint, List<String> collections, List<String> dids, OptionalLong cursor) {
        StringBuilder query = new StringBuilder();
        collections.forEach(collection -> append(query, "wantedCollections", collection));
        dids.forEach(did -> append(query, "wantedDids", did));
        cursor.ifPresent(micros -> append(query, "cursor", Long.toString(micros)));
        return query.isEmpty() ? endpoint : URI.create(endpoint + "?" + query);
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
