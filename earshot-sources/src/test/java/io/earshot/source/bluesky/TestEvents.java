package io.earshot.source.bluesky;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** Builds hand-made Jetstream events for tests, with facet offsets computed on UTF-8 bytes. */
final class TestEvents {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ALICE = "did:plc:alice0000000000000000000";
    static final String BOB = "did:plc:bob000000000000000000000";
    static final long TIME_US = 1_783_175_888_090_631L;

    private TestEvents() {}

    static ObjectNode event(String did, long timeUs, String kind) {
        ObjectNode event = JSON.createObjectNode();
        event.put("did", did);
        event.put("time_us", timeUs);
        event.put("kind", kind);
        return event;
    }

    static String commit(String did, String operation, String collection, String rkey, ObjectNode record) {
        ObjectNode event = event(did, TIME_US, "commit");
        ObjectNode commit = event.putObject("commit");
        commit.put("rev", "3mptbypcq372f");
        commit.put("operation", operation);
        commit.put("collection", collection);
        commit.put("rkey", rkey);
        if (record != null) {
            commit.set("record", record);
            commit.put("cid", "bafyreiapzyf65cmq55jklpnrihiygze2jmmdqvvkwqeiomd72pbp2iazuu");
        }
        return event.toString();
    }

    static ObjectNode post(String text) {
        ObjectNode record = JSON.createObjectNode();
        record.put("$type", "app.bsky.feed.post");
        record.put("createdAt", "2026-07-04T14:38:06.240Z");
        record.put("text", text);
        return record;
    }

    /** Adds a facet over the first occurrence of {@code slice} in the post's text, offsets in UTF-8 bytes. */
    static ObjectNode facet(ObjectNode post, String slice, ObjectNode feature) {
        String text = post.get("text").textValue();
        int charStart = text.indexOf(slice);
        if (charStart < 0) {
            throw new IllegalArgumentException(slice + " is not in " + text);
        }
        int byteStart = utf8Length(text.substring(0, charStart));
        return rawFacet(post, byteStart, byteStart + utf8Length(slice), feature);
    }

    static ObjectNode rawFacet(ObjectNode post, int byteStart, int byteEnd, ObjectNode feature) {
        ArrayNode facets = post.has("facets") ? (ArrayNode) post.get("facets") : post.putArray("facets");
        ObjectNode facet = facets.addObject();
        facet.putObject("index").put("byteStart", byteStart).put("byteEnd", byteEnd);
        facet.putArray("features").add(feature);
        return post;
    }

    static ObjectNode tag(String tag) {
        return JSON.createObjectNode().put("$type", RichText.TAG).put("tag", tag);
    }

    static ObjectNode mention(String did) {
        return JSON.createObjectNode().put("$type", RichText.MENTION).put("did", did);
    }

    static ObjectNode link(String uri) {
        return JSON.createObjectNode().put("$type", RichText.LINK).put("uri", uri);
    }

    static ObjectNode strongRef(String uri) {
        return JSON.createObjectNode()
                .put("uri", uri)
                .put("cid", "bafyreicl7rzkxdrm4zz2ehbx52kuk3mvfow6p3gzfys72r5grvskxoswy4");
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
