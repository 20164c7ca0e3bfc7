package io.earshot.embedded.archive;

import io.earshot.domain.Mention;
import io.earshot.domain.Post;
import io.earshot.domain.TopicMatch;
import io.earshot.lucene.Links;
import io.earshot.lucene.PostDocuments;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.util.BytesRef;

/**
 * The columns analytics count from: doc values only (nothing indexed, nothing stored), one column per thing
 * counted, so an aggregate reads a few numbers per matching mention and never decodes a post. Their names are
 * new fields, so archives written before them still open; their older mentions lack the columns and count
 * under "none" until they are written again.
 */
final class AnalyticsFields {

    static final String TOPIC = "_a_topic";
    static final String NETWORK = "_a_network";
    static final String LANG = "_a_lang";
    static final String SENTIMENT = "_a_sentiment";
    static final String EMOTION = "_a_emotion";
    static final String AUTHOR = "_a_author";
    static final String FOLLOWERS = "_a_followers";
    static final String HASHTAG = "_a_hashtag";
    static final String LINK = "_a_link";
    static final String DOMAIN = "_a_domain";
    static final String TERM = "_a_term";

    /** Longer values are left out of the columns: doc values terms are limited, and nobody ranks them. */
    private static final int MAX_VALUE_LENGTH = 512;

    private AnalyticsFields() {}

    static void add(Document doc, Mention mention) {
        Post post = mention.post();
        for (TopicMatch match : mention.matches()) {
            doc.add(new SortedNumericDocValuesField(TOPIC, match.topicId()));
        }
        single(doc, NETWORK, post.network().id());
        String lang = mention.enrichment()
                .map(heard -> heard.lang())
                .filter(tag -> !tag.isBlank() && !tag.equalsIgnoreCase("und"))
                .orElse(post.langs().isEmpty() ? "" : post.langs().getFirst());
        if (!lang.isBlank()) {
            single(doc, LANG, primary(lang));
        }
        mention.sentiment().ifPresent(label -> single(doc, SENTIMENT, label.id()));
        mention.enrichment()
                .flatMap(heard -> heard.emotion())
                .ifPresent(emotion -> single(doc, EMOTION, emotion.label().id()));
        single(doc, AUTHOR, post.network().id() + ":" + post.author().id());
        post.author().followers().ifPresent(followers -> doc.add(new NumericDocValuesField(FOLLOWERS, followers)));
        multi(doc, HASHTAG, PostDocuments.hashtags(post));
        Set<String> links = new LinkedHashSet<>();
        Set<String> domains = new LinkedHashSet<>();
        for (String link : post.links()) {
            Links.canonical(link).ifPresent(canonical -> {
                links.add(canonical);
                domains.add(domain(canonical));
            });
        }
        multi(doc, LINK, links);
        multi(doc, DOMAIN, domains);
        multi(doc, TERM, TermExtractor.terms(post.text()));
    }

    /** The host of a canonical link ({@code example.com/path}) without a leading {@code www.}. */
    static String domain(String canonical) {
        int end = canonical.length();
        for (int i = 0; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == ':') {
                end = i;
                break;
            }
        }
        String host = canonical.substring(0, end);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String primary(String tag) {
        String lower = tag.toLowerCase(Locale.ROOT).replace('_', '-');
        int dash = lower.indexOf('-');
        return dash > 0 ? lower.substring(0, dash) : lower;
    }

    private static void single(Document doc, String field, String value) {
        if (value.length() <= MAX_VALUE_LENGTH) {
            doc.add(new SortedDocValuesField(field, new BytesRef(value)));
        }
    }

    private static void multi(Document doc, String field, Set<String> values) {
        for (String value : values) {
            if (!value.isEmpty() && value.length() <= MAX_VALUE_LENGTH) {
                doc.add(new SortedSetDocValuesField(field, new BytesRef(value)));
            }
        }
    }
}
