package io.earshot.enrich.text;

import java.util.Map;
import java.util.Set;

/**
 * The small closed word lists that change what the words around them mean: negators, intensifiers
 * (boosters and dampeners) and contrast. From VADER's rules, plus the spellings without apostrophes
 * that tweets use.
 */
final class Cues {

    private Cues() {}

    static final Set<String> NEGATORS = Set.of(
            "not",
            "no",
            "never",
            "none",
            "nobody",
            "nothing",
            "nowhere",
            "neither",
            "nor",
            "nope",
            "without",
            "cannot",
            "cant",
            "can't",
            "dont",
            "don't",
            "doesnt",
            "doesn't",
            "didnt",
            "didn't",
            "isnt",
            "isn't",
            "arent",
            "aren't",
            "wasnt",
            "wasn't",
            "werent",
            "weren't",
            "wont",
            "won't",
            "wouldnt",
            "wouldn't",
            "shouldnt",
            "shouldn't",
            "couldnt",
            "couldn't",
            "aint",
            "ain't",
            "hasnt",
            "hasn't",
            "havent",
            "haven't",
            "hadnt",
            "hadn't",
            "mustnt",
            "mustn't",
            "neednt",
            "needn't",
            "mightnt",
            "mightn't",
            "shant",
            "shan't",
            "oughtnt",
            "rarely",
            "seldom",
            "hardly",
            "barely",
            "uhuh");

    /** Booster words and how much they add to (or, negative, take from) the next sentiment word. */
    static final Map<String, Float> BOOSTERS = Map.ofEntries(
            Map.entry("absolutely", 0.293f),
            Map.entry("amazingly", 0.293f),
            Map.entry("awfully", 0.293f),
            Map.entry("completely", 0.293f),
            Map.entry("considerably", 0.293f),
            Map.entry("deeply", 0.293f),
            Map.entry("enormously", 0.293f),
            Map.entry("entirely", 0.293f),
            Map.entry("especially", 0.293f),
            Map.entry("exceptionally", 0.293f),
            Map.entry("extremely", 0.293f),
            Map.entry("fabulously", 0.293f),
            Map.entry("fucking", 0.293f),
            Map.entry("freaking", 0.293f),
            Map.entry("frickin", 0.293f),
            Map.entry("fully", 0.293f),
            Map.entry("greatly", 0.293f),
            Map.entry("hella", 0.293f),
            Map.entry("highly", 0.293f),
            Map.entry("hugely", 0.293f),
            Map.entry("incredibly", 0.293f),
            Map.entry("intensely", 0.293f),
            Map.entry("majorly", 0.293f),
            Map.entry("more", 0.293f),
            Map.entry("most", 0.293f),
            Map.entry("particularly", 0.293f),
            Map.entry("purely", 0.293f),
            Map.entry("quite", 0.293f),
            Map.entry("really", 0.293f),
            Map.entry("remarkably", 0.293f),
            Map.entry("so", 0.293f),
            Map.entry("soo", 0.293f),
            Map.entry("substantially", 0.293f),
            Map.entry("super", 0.293f),
            Map.entry("thoroughly", 0.293f),
            Map.entry("totally", 0.293f),
            Map.entry("tremendously", 0.293f),
            Map.entry("truly", 0.293f),
            Map.entry("uber", 0.293f),
            Map.entry("unbelievably", 0.293f),
            Map.entry("unusually", 0.293f),
            Map.entry("utterly", 0.293f),
            Map.entry("very", 0.293f),
            Map.entry("way", 0.293f),
            Map.entry("almost", -0.293f),
            Map.entry("kinda", -0.293f),
            Map.entry("less", -0.293f),
            Map.entry("little", -0.293f),
            Map.entry("marginally", -0.293f),
            Map.entry("occasionally", -0.293f),
            Map.entry("partly", -0.293f),
            Map.entry("scarcely", -0.293f),
            Map.entry("slightly", -0.293f),
            Map.entry("somewhat", -0.293f),
            Map.entry("sorta", -0.293f));

    /** Words after which the sentence turns: what follows counts more than what came before. */
    static final Set<String> CONTRAST = Set.of("but", "however", "although", "though", "yet");

    static boolean isNegator(String norm) {
        return NEGATORS.contains(norm) || norm.endsWith("n't");
    }
}
