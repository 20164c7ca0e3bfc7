package io.earshot.server;

/** Hand-made Jetstream v1 events in the real wire shape, for tests that need a story the fixtures lack. */
final class JetstreamLines {

    private JetstreamLines() {}

    static String post(String did, String rkey, long timeUs, String text) {
        return "{\"did\":\"" + did + "\",\"time_us\":" + timeUs + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"r"
                + timeUs
                + "\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"" + rkey
                + "\",\"record\":{\"$type\":\"app.bsky.feed.post\",\"createdAt\":\"2026-07-04T12:00:00.000Z\",\"langs\":[\"en\"],\"text\":\""
                + text + "\"},\"cid\":\"bafy" + rkey + "\"}}";
    }

    static String edit(String did, String rkey, long timeUs, String text) {
        return post(did, rkey, timeUs, text).replace("\"operation\":\"create\"", "\"operation\":\"update\"");
    }

    static String deletePost(String did, String rkey, long timeUs) {
        return "{\"did\":\"" + did + "\",\"time_us\":" + timeUs + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"r"
                + timeUs + "\",\"operation\":\"delete\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"" + rkey
                + "\"}}";
    }

    static String subjectRecord(
            String collection, String actor, String rkey, long timeUs, String subjectDid, String subjectRkey) {
        return "{\"did\":\"" + actor + "\",\"time_us\":" + timeUs + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"r"
                + timeUs
                + "\",\"operation\":\"create\",\"collection\":\"" + collection + "\",\"rkey\":\"" + rkey
                + "\",\"record\":{\"$type\":\""
                + collection
                + "\",\"createdAt\":\"2026-07-04T12:00:01.000Z\",\"subject\":{\"cid\":\"bafyx\",\"uri\":\"at://"
                + subjectDid
                + "/app.bsky.feed.post/" + subjectRkey + "\"}},\"cid\":\"bafy" + rkey + "\"}}";
    }

    static String like(String actor, String rkey, long timeUs, String subjectDid, String subjectRkey) {
        return subjectRecord("app.bsky.feed.like", actor, rkey, timeUs, subjectDid, subjectRkey);
    }

    static String repost(String actor, String rkey, long timeUs, String subjectDid, String subjectRkey) {
        return subjectRecord("app.bsky.feed.repost", actor, rkey, timeUs, subjectDid, subjectRkey);
    }

    static String unlike(String actor, String rkey, long timeUs) {
        return "{\"did\":\"" + actor + "\",\"time_us\":" + timeUs + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"r"
                + timeUs + "\",\"operation\":\"delete\",\"collection\":\"app.bsky.feed.like\",\"rkey\":\"" + rkey
                + "\"}}";
    }

    static String identity(String did, String handle, long timeUs) {
        return "{\"did\":\"" + did + "\",\"time_us\":" + timeUs + ",\"kind\":\"identity\",\"identity\":{\"did\":\""
                + did + "\",\"handle\":\"" + handle + "\",\"seq\":1,\"time\":\"2026-07-04T12:00:00.000Z\"}}";
    }
}
