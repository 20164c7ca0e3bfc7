package io.earshot.match;

import io.earshot.domain.Post;
import io.earshot.domain.Span;
import io.earshot.lucene.IndexFields;
import io.earshot.query.QueryNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.monitor.HighlightsMatch;

/**
 * Why a post matched, as character spans of its text. Words, phrases, wildcards and NEAR come from Lucene's
 * own match positions; hashtags and mentions are indexed as bare values without offsets, so they are found
 * in the text here; field filters ({@code lang:en}) have nothing to highlight.
 */
final class Highlights {

    private Highlights() {}

    static List<Span> spans(Post post, HighlightsMatch match, QueryNode query) {
        List<Span> spans = new ArrayList<>();
        String text = post.text();
        for (String field : List.of(IndexFields.TEXT, IndexFields.TEXT_EXACT)) {
            for (HighlightsMatch.Hit hit : match.getHits(field)) {
                if (hit.startOffset() >= 0 && hit.endOffset() <= text.length() && hit.startOffset() < hit.endOffset()) {
                    spans.add(new Span(hit.startOffset(), hit.endOffset()));
                }
            }
        }
        if (query != null) {
            addTagsAndMentions(query, text, spans);
        }
        return merge(spans);
    }

    private static void addTagsAndMentions(QueryNode node, String text, List<Span> spans) {
        switch (node) {
            case QueryNode.Hashtag tag -> find("#", tag.tag(), text, spans);
            case QueryNode.AccountMention mention -> find("@", mention.handle(), text, spans);
            case QueryNode.And and -> and.clauses().forEach(clause -> addTagsAndMentions(clause, text, spans));
            case QueryNode.Or or -> or.clauses().forEach(clause -> addTagsAndMentions(clause, text, spans));
            default -> {
                // NOT has nothing to show; the other terms are highlighted by Lucene
            }
        }
    }

    static void find(String sigil, String value, String text, List<Span> spans) {
        Pattern pattern = Pattern.compile(
                "(?<![\\p{L}\\p{N}_])" + Pattern.quote(sigil + value) + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            spans.add(new Span(matcher.start(), matcher.end()));
        }
    }

    /** Sorted, with overlapping spans joined, so a UI can mark them without nesting. */
    static List<Span> merge(List<Span> spans) {
        if (spans.size() <= 1) {
            return List.copyOf(spans);
        }
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) ->
                a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(a.end(), b.end()));
        List<Span> merged = new ArrayList<>();
        Span current = sorted.get(0);
        for (Span next : sorted.subList(1, sorted.size())) {
            if (next.start() < current.end()) {
                current = new Span(current.start(), Math.max(current.end(), next.end()));
            } else {
                merged.add(current);
                current = next;
            }
        }
        merged.add(current);
        return List.copyOf(merged);
    }
}
