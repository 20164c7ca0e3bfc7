package io.earshot.domain;

/** How far a post travelled, as counted by Earshot from the interactions it saw. */
public record Engagement(long likes, long reposts, long replies, long quotes) {

    public static final Engagement NONE = new Engagement(0, 0, 0, 0);

    public Engagement {
        if (likes < 0 || reposts < 0 || replies < 0 || quotes < 0) {
            throw new IllegalArgumentException("engagement counts cannot be negative");
        }
    }

    /** These counts with one interaction of the given kind added ({@code delta} = 1) or taken away (-1). */
    public Engagement plus(InteractionKind kind, int delta) {
        return switch (kind) {
            case LIKE -> new Engagement(Math.max(0, likes + delta), reposts, replies, quotes);
            case REPOST -> new Engagement(likes, Math.max(0, reposts + delta), replies, quotes);
            case REPLY -> new Engagement(likes, reposts, Math.max(0, replies + delta), quotes);
            case QUOTE -> new Engagement(likes, reposts, replies, Math.max(0, quotes + delta));
            case FOLLOW, MENTION, BLOCK -> this;
        };
    }
}
