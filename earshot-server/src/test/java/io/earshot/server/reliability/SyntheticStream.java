package io.earshot.server.reliability;

import java.util.ArrayList;
import java.util.List;

/** A long Jetstream-shaped stream: each post followed by a like of it, 10 ms apart in {@code time_us}. */
final class SyntheticStream {

    static final String AUTHOR = "did:plc:authoraaaaaaaaaaaaaaaaaa";
    static final String FAN = "did:plc:fanfffffffffffffffffffff";

    private SyntheticStream() {}

    static List<String> postsWithOneLikeEach(int posts) {
        List<String> lines = new ArrayList<>(posts * 2);
        long time = 1_783_000_000_000_000L;
        for (int i = 0; i < posts; i++) {
            String rkey = String.format("3p%011d", i);
            lines.add("{\"did\":\"" + AUTHOR + "\",\"time_us\":" + (time += 10_000)
                    + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"r" + i
                    + "\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\""
                    + rkey
                    + "\",\"record\":{\"$type\":\"app.bsky.feed.post\",\"createdAt\":\"2026-07-04T12:00:00.000Z\",\"langs\":[\"en\"],"
                    + "\"text\":\"acme post number " + i + "\"},\"cid\":\"bafy" + i + "\"}}");
            lines.add("{\"did\":\"" + FAN + "\",\"time_us\":" + (time += 10_000)
                    + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"l" + i
                    + "\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.like\",\"rkey\":\""
                    + String.format("3l%011d", i)
                    + "\",\"record\":{\"$type\":\"app.bsky.feed.like\",\"createdAt\":\"2026-07-04T12:00:01.000Z\","
                    + "\"subject\":{\"cid\":\"bafy" + i + "\",\"uri\":\"at://" + AUTHOR + "/app.bsky.feed.post/" + rkey
                    + "\"}},\"cid\":\"bafyl" + i
                    + "\"}}");
        }
        return lines;
    }
}
