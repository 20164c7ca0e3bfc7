package io.earshot.embedded.archive;

import io.earshot.domain.Author;
import io.earshot.domain.MentionedAccount;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.domain.Span;
import io.earshot.domain.TopicMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.DataOutput;

/**
 * The stored form of a post and its topic matches: a compact, versioned binary record (Lucene's variable
 * length integers and UTF-8 strings). Engagement is not part of it: it lives in doc values so that it can be
 * updated in place.
 *
 * <p>Why not JSON: the payload is written for every archived post and read for every search hit, and a
 * hand-written format round-trips {@code Optional}, {@code OptionalLong} and nanosecond instants exactly with
 * no mapper configuration to get wrong. The leading version byte lets a later format read older segments.
 */
final class MentionCodec {

    static final byte VERSION = 1;

    private MentionCodec() {}

    record Stored(Post post, List<TopicMatch> matches) {}

    /** A stored payload that does not decode (damaged, or written by a newer format). */
    static final class DamagedPayloadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DamagedPayloadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static byte[] encode(Post post, List<TopicMatch> matches) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeByte(VERSION);
            writeKey(out, post.key());
            out.writeString(post.uri());
            writeOptional(out, post.url());
            Author author = post.author();
            out.writeString(author.id());
            writeOptional(out, author.handle());
            writeOptional(out, author.displayName());
            out.writeByte((byte) (author.followers().isPresent() ? 1 : 0));
            if (author.followers().isPresent()) {
                out.writeZLong(author.followers().getAsLong());
            }
            out.writeString(post.text());
            out.writeZLong(post.createdAt().getEpochSecond());
            out.writeVInt(post.createdAt().getNano());
            writeStrings(out, post.langs());
            writeOptionalKey(out, post.replyParent());
            writeOptionalKey(out, post.replyRoot());
            writeOptionalKey(out, post.quoted());
            writeStrings(out, post.hashtags());
            out.writeVInt(post.mentions().size());
            for (MentionedAccount account : post.mentions()) {
                out.writeString(account.id());
                out.writeString(account.handle());
            }
            writeStrings(out, post.links());
            writeOptional(out, post.title());
            out.writeVInt(matches.size());
            for (TopicMatch match : matches) {
                out.writeZLong(match.topicId());
                out.writeVInt(match.spans().size());
                for (Span span : match.spans()) {
                    out.writeVInt(span.start());
                    out.writeVInt(span.end() - span.start());
                }
            }
        } catch (IOException e) {
            // ByteBuffersDataOutput writes to memory and never throws
            throw new UncheckedIOException(e);
        }
        return out.toArrayCopy();
    }

    /** Decodes a payload; any damage surfaces as a {@link DamagedPayloadException} naming the version. */
    static Stored decode(byte[] bytes) {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes);
        byte version = bytes.length == 0 ? 0 : in.readByte();
        if (version != VERSION) {
            throw new DamagedPayloadException(
                    "stored post has format version " + version + "; this Earshot reads " + VERSION
                            + " (was the archive written by a newer version?)",
                    null);
        }
        try {
            PostKey key = readKey(in);
            String uri = in.readString();
            Optional<String> url = readOptional(in);
            String authorId = in.readString();
            Optional<String> handle = readOptional(in);
            Optional<String> displayName = readOptional(in);
            OptionalLong followers = in.readByte() == 1 ? OptionalLong.of(in.readZLong()) : OptionalLong.empty();
            Author author = new Author(key.network(), authorId, handle, displayName, followers);
            String text = in.readString();
            Instant createdAt = Instant.ofEpochSecond(in.readZLong(), in.readVInt());
            List<String> langs = readStrings(in);
            Optional<PostKey> replyParent = readOptionalKey(in);
            Optional<PostKey> replyRoot = readOptionalKey(in);
            Optional<PostKey> quoted = readOptionalKey(in);
            List<String> hashtags = readStrings(in);
            int mentionCount = in.readVInt();
            List<MentionedAccount> mentions = new ArrayList<>(mentionCount);
            for (int i = 0; i < mentionCount; i++) {
                mentions.add(new MentionedAccount(in.readString(), in.readString()));
            }
            List<String> links = readStrings(in);
            Optional<String> title = readOptional(in);
            int matchCount = in.readVInt();
            List<TopicMatch> matches = new ArrayList<>(matchCount);
            for (int i = 0; i < matchCount; i++) {
                long topicId = in.readZLong();
                int spanCount = in.readVInt();
                List<Span> spans = new ArrayList<>(spanCount);
                for (int s = 0; s < spanCount; s++) {
                    int start = in.readVInt();
                    spans.add(new Span(start, start + in.readVInt()));
                }
                matches.add(new TopicMatch(topicId, spans));
            }
            if (!in.eof()) {
                throw new IllegalArgumentException("trailing bytes");
            }
            Post post = new Post(
                    key,
                    uri,
                    url,
                    author,
                    text,
                    createdAt,
                    langs,
                    replyParent,
                    replyRoot,
                    quoted,
                    hashtags,
                    mentions,
                    links,
                    title);
            return new Stored(post, matches);
        } catch (IOException | RuntimeException e) {
            throw new DamagedPayloadException("stored post (format version " + VERSION + ") is damaged: " + e, e);
        }
    }

    private static void writeKey(DataOutput out, PostKey key) throws IOException {
        out.writeString(key.network().id());
        out.writeString(key.nativeId());
    }

    private static PostKey readKey(ByteArrayDataInput in) throws IOException {
        return new PostKey(Network.fromId(in.readString()), in.readString());
    }

    private static void writeOptionalKey(DataOutput out, Optional<PostKey> key) throws IOException {
        out.writeByte((byte) (key.isPresent() ? 1 : 0));
        if (key.isPresent()) {
            writeKey(out, key.get());
        }
    }

    private static Optional<PostKey> readOptionalKey(ByteArrayDataInput in) throws IOException {
        return in.readByte() == 1 ? Optional.of(readKey(in)) : Optional.empty();
    }

    private static void writeOptional(DataOutput out, Optional<String> value) throws IOException {
        out.writeByte((byte) (value.isPresent() ? 1 : 0));
        if (value.isPresent()) {
            out.writeString(value.get());
        }
    }

    private static Optional<String> readOptional(ByteArrayDataInput in) throws IOException {
        return in.readByte() == 1 ? Optional.of(in.readString()) : Optional.empty();
    }

    private static void writeStrings(DataOutput out, List<String> values) throws IOException {
        out.writeVInt(values.size());
        for (String value : values) {
            out.writeString(value);
        }
    }

    private static List<String> readStrings(ByteArrayDataInput in) throws IOException {
        int count = in.readVInt();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(in.readString());
        }
        return values;
    }
}
