package io.earshot.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.domain.MentionedAccount;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The hashtags, mentions and links a Bluesky post's facets annotate.
 *
 * <p>Facets index the text by <b>UTF-8 byte</b> offsets, not Java {@code char}s, so the text is sliced as
 * UTF-8 bytes: an emoji before a facet moves it by four bytes but two chars. A facet whose range is out of
 * bounds, empty, splits a character or overlaps an earlier facet is skipped (and counted); the others are kept.
 */
record RichText(List<String> hashtags, List<MentionedAccount> mentions, List<String> links, int skippedFacets) {

    static final String TAG = "app.bsky.richtext.facet#tag";
    static final String MENTION = "app.bsky.richtext.facet#mention";
    static final String LINK = "app.bsky.richtext.facet#link";

    static final RichText EMPTY = new RichText(List.of(), List.of(), List.of(), 0);

    RichText {
        hashtags = List.copyOf(hashtags);
        mentions = List.copyOf(mentions);
        links = List.copyOf(links);
    }

    /** Reads {@code facets} (a JSON array, or anything else, which has no facets) over {@code text}. */
    static RichText of(String text, JsonNode facets) {
        if (facets == null || !facets.isArray() || facets.isEmpty()) {
            return EMPTY;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        List<Facet> ordered = new ArrayList<>();
        int skipped = 0;
        for (JsonNode node : facets) {
            Optional<Facet> facet = Facet.read(node, utf8.length);
            if (facet.isPresent()) {
                ordered.add(facet.get());
            } else {
                skipped++;
            }
        }
        ordered.sort(Comparator.comparingInt(Facet::start));

        Set<String> hashtags = new LinkedHashSet<>();
        Set<MentionedAccount> mentions = new LinkedHashSet<>();
        Set<String> links = new LinkedHashSet<>();
        int coveredUpTo = 0;
        for (Facet facet : ordered) {
            if (facet.start() < coveredUpTo
                    || splitsCharacter(utf8, facet.start())
                    || splitsCharacter(utf8, facet.end())) {
                skipped++;
                continue;
            }
            coveredUpTo = facet.end();
            String slice = new String(utf8, facet.start(), facet.end() - facet.start(), StandardCharsets.UTF_8);
            for (JsonNode feature : facet.features()) {
                String type = JsonFields.optionalText(feature, "$type").orElse("");
                switch (type) {
                    case TAG ->
                        JsonFields.optionalText(feature, "tag")
                                .map(RichText::withoutHash)
                                .filter(tag -> !tag.isBlank())
                                .ifPresent(hashtags::add);
                    case MENTION ->
                        JsonFields.optionalText(feature, "did")
                                .filter(did -> !did.isBlank())
                                .ifPresent(did -> mentions.add(new MentionedAccount(did, handleOr(slice, did))));
                    case LINK ->
                        JsonFields.optionalText(feature, "uri")
                                .filter(uri -> !uri.isBlank())
                                .ifPresent(links::add);
                    default -> {
                        // other features (formatting, future kinds) say nothing we index
                    }
                }
            }
        }
        return new RichText(List.copyOf(hashtags), List.copyOf(mentions), List.copyOf(links), skipped);
    }

    /** True when {@code offset} falls inside a multi-byte character (on a UTF-8 continuation byte). */
    private static boolean splitsCharacter(byte[] utf8, int offset) {
        return offset < utf8.length && (utf8[offset] & 0xC0) == 0x80;
    }

    private static String withoutHash(String tag) {
        String trimmed = tag.strip();
        return trimmed.startsWith("#") || trimmed.startsWith("＃") ? trimmed.substring(1) : trimmed;
    }

    /** The handle as written, without its {@code @}; the DID when the slice holds nothing else. */
    private static String handleOr(String slice, String did) {
        String trimmed = slice.strip();
        String handle = trimmed.startsWith("@") ? trimmed.substring(1) : trimmed;
        return handle.isBlank() ? did : handle;
    }

    /** One facet whose byte range lies inside the text and is not empty. */
    private record Facet(int start, int end, JsonNode features) {

        static Optional<Facet> read(JsonNode node, int textBytes) {
            if (!node.isObject()) {
                return Optional.empty();
            }
            Optional<JsonNode> index = JsonFields.optionalObject(node, "index");
            JsonNode features = node.get("features");
            if (index.isEmpty() || features == null || !features.isArray()) {
                return Optional.empty();
            }
            Optional<Integer> start = JsonFields.optionalInt(index.get(), "byteStart");
            Optional<Integer> end = JsonFields.optionalInt(index.get(), "byteEnd");
            if (start.isEmpty() || end.isEmpty()) {
                return Optional.empty();
            }
            int from = start.get();
            int to = end.get();
            if (from < 0 || to <= from || to > textBytes) {
                return Optional.empty();
            }
            return Optional.of(new Facet(from, to, features));
        }
    }
}
