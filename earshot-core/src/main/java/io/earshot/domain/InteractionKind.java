package io.earshot.domain;

import java.util.Locale;

/** Engagement and graph events. Likes, reposts, replies and quotes count towards a post's engagement. */
public enum InteractionKind {
    LIKE,
    REPOST,
    REPLY,
    QUOTE,
    MENTION,
    FOLLOW,
    BLOCK;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
