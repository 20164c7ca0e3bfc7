package io.earshot.lucene;

/**
 * How a post looks to Lucene. The live matcher and the archive index posts with the same fields and the
 * same analysis ({@link PostAnalyzer}), which is what makes a topic mean the same thing in both.
 */
public final class IndexFields {

    /** The post's text (and a feed item's title): words lower-cased, accents folded, possessive 's removed. */
    public static final String TEXT = "text";
    /** The post's text, case kept, for {@code exact:}. */
    public static final String TEXT_EXACT = "text_exact";
    /** Hashtags, lower-cased, without {@code #}. */
    public static final String HASHTAG = "hashtag";
    /** Mentioned accounts: handles and ids, lower-cased, without {@code @}. */
    public static final String MENTION = "mention";
    /** The author's handle and id, lower-cased. */
    public static final String AUTHOR = "author";
    /** Language tags, lower-cased, full ({@code en-us}) and primary ({@code en}). */
    public static final String LANG = "lang";
    /** {@code bluesky}, {@code mastodon}, {@code feed}, {@code webhook}. */
    public static final String NETWORK = "network";
    /** Hosts of linked pages and their parent domains ({@code news.example.com}, {@code example.com}). */
    public static final String SITE = "site";
    /** Canonical linked URLs without scheme ({@code example.com/path?id=1}). */
    public static final String LINKS = "links";
    /**
     * Each canonical link without its query string, and every parent path of it down to the host
     * ({@code example.com/blog/post}, {@code example.com/blog}, {@code example.com}), so that
     * {@code links:example.com/blog} finds every page under that path with one term lookup.
     */
    public static final String LINKS_UNDER = "links_under";
    /** A feed item's title, analysed like {@link #TEXT}. */
    public static final String TITLE = "title";

    /** The sentiment label to search by (a person's correction wins); archive documents only. */
    public static final String SENTIMENT = "sentiment";
    /** The emotion label, when confident; archive documents only. */
    public static final String EMOTION = "emotion";

    private IndexFields() {}
}
