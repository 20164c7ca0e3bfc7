package io.earshot.influence;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The anti-gaming rules, each a documented discount on the weight of an interaction. An explanation lists the
 * rules that touched each interaction it shows.
 */
public enum Rule {
    /** An account interacting with itself counts for nothing (a reply in one's own thread, a self-repost). */
    SELF,
    /**
     * A repost or quote between two accounts that also repost or quote each other weighs
     * {@link InfluenceSettings#reciprocalDiscount()}: the smallest ring, "you amplify me, I amplify you".
     */
    RECIPROCAL,
    /** One account adds at most {@link InfluenceSettings#perSourceCap()} reposts' worth to another. */
    SOURCE_CAP,
    /**
     * Beyond {@link InfluenceSettings#burstPerHour()} amplifications of one account in one hour, more count
     * logarithmically: a pile-on or a bought burst does not buy a lasting score.
     */
    BURST,
    /**
     * An account interacting more than {@link InfluenceSettings#highFrequencyPerDay()} times a day is likely
     * automated: each of its interactions weighs the limit divided by its rate.
     */
    HIGH_FREQUENCY;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    int bit() {
        return 1 << ordinal();
    }

    static Set<Rule> of(int bits) {
        EnumSet<Rule> rules = EnumSet.noneOf(Rule.class);
        for (Rule rule : values()) {
            if ((bits & rule.bit()) != 0) {
                rules.add(rule);
            }
        }
        return rules;
    }
}
