package io.earshot.inbox;

import io.earshot.domain.Mention;
import io.earshot.enrich.Enrichment;
import io.earshot.enrich.emotion.EmotionLabel;
import io.earshot.enrich.sentiment.SentimentLabel;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compiled routing condition: the parts of a rule's {@code when} that are not plain text are checked here,
 * on the mention; text parts are matched in one batch by the router's matcher and looked up by id.
 */
sealed interface Condition {

    /** Whether the mention passes; {@code textHits} holds the ids of the text parts it matched. */
    boolean test(Mention mention, Set<Long> textHits);

    /** A part in the topic language, matched by the router's {@link io.earshot.match.TopicMatcher}. */
    record Text(long id) implements Condition {
        @Override
        public boolean test(Mention mention, Set<Long> textHits) {
            return textHits.contains(id);
        }
    }

    record All(List<Condition> clauses) implements Condition {
        @Override
        public boolean test(Mention mention, Set<Long> textHits) {
            return clauses.stream().allMatch(clause -> clause.test(mention, textHits));
        }
    }

    record Any(List<Condition> clauses) implements Condition {
        @Override
        public boolean test(Mention mention, Set<Long> textHits) {
            return clauses.stream().anyMatch(clause -> clause.test(mention, textHits));
        }
    }

    record Not(Condition clause) implements Condition {
        @Override
        public boolean test(Mention mention, Set<Long> textHits) {
            return !clause.test(mention, textHits);
        }
    }

    record Always() implements Condition {
        @Override
        public boolean test(Mention mention, Set<Long> textHits) {
            return true;
        }
    }

    /** {@code sentiment:negative}: a person's correction wins over the model. */
    record SentimentIs(SentimentLabel label) implements Condition {
        @Override
        public boolean test(Mention mention, Set<Long> textHits) {
            return mention.sentiment().filter(label::equals).isPresent();
        }
    }

    /** {@code emotion:anger}: a post with no clear emotion has none. */
    record EmotionIs(EmotionLabel label) implements Condition {
        @Override
        public boolean test(Mention mention, Set<Long> textHits) {
            return mention.enrichment()
                    .flatMap(Enrichment::emotion)
                    .filter(emotion -> emotion.label() == label)
                    .isPresent();
        }
    }

    /** {@code followers:>N} (also {@code >=}, {@code <}, {@code <=}; a bare number is {@code >=}). Unknown audiences never pass. */
    record Followers(String operator, long value) implements Condition {
        @Override
        public boolean test(Mention mention, Set<Long> textHits) {
            OptionalLong followers = mention.post().author().followers();
            if (followers.isEmpty()) {
                return false;
            }
            long count = followers.getAsLong();
            return switch (operator) {
                case ">" -> count > value;
                case "<" -> count < value;
                case "<=" -> count <= value;
                default -> count >= value;
            };
        }
    }

    /** {@code is:question}: a question mark, or the words people use to ask for help. */
    record IsQuestion() implements Condition {
        private static final Pattern ASKING = Pattern.compile(
                "\\?|\\b(how (do|can|should) (i|we|you)|how to|can (any|some)one|does any(one|body)|is there a way"
                        + "|anyone know|help|need help|what happened)\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

        @Override
        public boolean test(Mention mention, Set<Long> textHits) {
            return ASKING.matcher(mention.post().text()).find();
        }
    }

    /** {@code is:complaint}: negative sentiment or anger, or the words of a complaint. */
    record IsComplaint() implements Condition {
        private static final Pattern COMPLAINING = Pattern.compile(
                "\\b(broken|refund|worst|terrible|awful|disappointed|disappointing|unacceptable|not working"
                        + "|doesn'?t work|does not work|still waiting|never again|scam|cancel(l?ing)? my)\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

        @Override
        public boolean test(Mention mention, Set<Long> textHits) {
            return new SentimentIs(SentimentLabel.NEGATIVE).test(mention, textHits)
                    || new EmotionIs(EmotionLabel.ANGER).test(mention, textHits)
                    || COMPLAINING
                            .matcher(mention.post().text().toLowerCase(Locale.ROOT))
                            .find();
        }
    }
}
