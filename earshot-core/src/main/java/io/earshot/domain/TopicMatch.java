package io.earshot.domain;

import java.util.List;

/** Why a post is a mention of a topic: the topic and the spans of text that matched (possibly none, e.g. for field filters). */
public record TopicMatch(long topicId, List<Span> spans) {
    public TopicMatch {
        spans = List.copyOf(spans);
    }
}
