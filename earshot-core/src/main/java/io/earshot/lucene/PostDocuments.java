package io.earshot.lucene;

import io.earshot.domain.MentionedAccount;
import io.earshot.domain.Post;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;

/** Turns a {@link Post} into the indexed fields of {@link IndexFields}; used by the matcher and the archive. */
public final class PostDocuments {

    /** Analysed text with positions and offsets, so matches can be highlighted (Lucene Monitor's highlights). */
    public static final FieldType TEXT_TYPE = textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

    /**
     * Analysed text with positions (phrases, proximity) but no offsets, for an index that never highlights from
     * its postings, such as the archive (a mention carries its highlights).
     */
    public static final FieldType TEXT_TYPE_WITHOUT_OFFSETS = textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

    private static FieldType textType(IndexOptions options) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(options);
        type.setStored(false);
        type.freeze();
        return type;
    }

    private static final Pattern HASHTAG_IN_TEXT = Pattern.compile("(?<![\\p{L}\\p{N}_&])#([\\p{L}\\p{N}_]{1,100})");
    private static final Pattern MENTION_IN_TEXT = Pattern.compile("(?<![\\p{L}\\p{N}_])@([\\p{L}\\p{N}_.-]{1,253})");

    private PostDocuments() {}

    /** The indexed fields of a post (nothing stored), the text with offsets. */
    public static Document toDocument(Post post) {
        return toDocument(post, TEXT_TYPE);
    }

    /** The indexed fields of a post (nothing stored), text and title indexed as {@code textType} says. */
    public static Document toDocument(Post post, FieldType textType) {
        Document doc = new Document();
        doc.add(new Field(IndexFields.TEXT, post.text(), textType));
        doc.add(new Field(IndexFields.TEXT_EXACT, post.text(), textType));
        post.title().ifPresent(title -> doc.add(new Field(IndexFields.TITLE, title, textType)));
        keywords(post).forEach((field, values) -> {
            for (String value : values) {
                doc.add(new StringField(field, value, Field.Store.NO));
            }
        });
        return doc;
    }

    /**
     * The values of the keyword fields (everything but the analysed text and title), by field name: what
     * {@link #toDocument} indexes as single terms, and what the live matcher compares field filters with.
     */
    public static Map<String, Set<String>> keywords(Post post) {
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        fields.put(IndexFields.HASHTAG, hashtags(post));
        fields.put(IndexFields.MENTION, mentions(post));
        Set<String> authors = new LinkedHashSet<>();
        authors.add(lower(post.author().id()));
        post.author().handle().ifPresent(handle -> authors.add(lower(stripAt(handle))));
        fields.put(IndexFields.AUTHOR, authors);
        Set<String> langs = new LinkedHashSet<>();
        for (String lang : post.langs()) {
            String tag = lower(lang).replace('_', '-');
            langs.add(tag);
            int dash = tag.indexOf('-');
            if (dash > 0) {
                langs.add(tag.substring(0, dash));
            }
        }
        fields.put(IndexFields.LANG, langs);
        fields.put(IndexFields.NETWORK, Set.of(post.network().id()));
        Set<String> links = new LinkedHashSet<>();
        Set<String> paths = new LinkedHashSet<>();
        Set<String> sites = new LinkedHashSet<>();
        for (String link : post.links()) {
            Links.canonical(link).ifPresent(canonical -> {
                links.add(canonical);
                paths.addAll(Links.pathAndParents(canonical));
                sites.addAll(Links.siteAndParents(canonical));
            });
        }
        fields.put(IndexFields.LINKS, links);
        fields.put(IndexFields.LINKS_UNDER, paths);
        fields.put(IndexFields.SITE, sites);
        return fields;
    }

    /** Hashtags from the network's entities and from the text, lower-cased, without {@code #}. */
    public static Set<String> hashtags(Post post) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : post.hashtags()) {
            tags.add(lower(tag.startsWith("#") ? tag.substring(1) : tag));
        }
        if (post.text().indexOf('#') >= 0) { // most posts have none: skip the regular expression
            Matcher matcher = HASHTAG_IN_TEXT.matcher(post.text());
            while (matcher.find()) {
                tags.add(lower(matcher.group(1)));
            }
        }
        return tags;
    }

    /** Mentioned handles and ids from entities and text, lower-cased, without {@code @}. */
    public static Set<String> mentions(Post post) {
        Set<String> mentions = new LinkedHashSet<>();
        for (MentionedAccount account : post.mentions()) {
            mentions.add(lower(stripAt(account.handle())));
            mentions.add(lower(account.id()));
        }
        if (post.text().indexOf('@') < 0) {
            return mentions;
        }
        Matcher matcher = MENTION_IN_TEXT.matcher(post.text());
        while (matcher.find()) {
            String handle = matcher.group(1);
            while (handle.endsWith(".") || handle.endsWith("-")) {
                handle = handle.substring(0, handle.length() - 1);
            }
            if (!handle.isEmpty()) {
                mentions.add(lower(handle));
            }
        }
        return mentions;
    }

    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static String stripAt(String handle) {
        return handle.startsWith("@") ? handle.substring(1) : handle;
    }
}
