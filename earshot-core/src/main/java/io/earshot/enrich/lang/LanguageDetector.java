package io.earshot.enrich.lang;

import io.earshot.domain.Post;
import io.earshot.enrich.text.Token;
import io.earshot.enrich.text.TokenType;
import io.earshot.enrich.text.Tokenizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tells the language of a short text in two steps. First the writing system: kana means Japanese,
 * Hangul Korean, Han without kana Chinese, Cyrillic Russian or Ukrainian (by letters only Ukrainian
 * has), Arabic script Arabic or Persian or Urdu (by their extra letters), and Greek, Hebrew, Thai,
 * Devanagari and a dozen more each mean one language. Then, for Latin script, function words and
 * tell-tale letters ({@link LatinProfiles}) pick among 18 languages. Mentions, hashtags, URLs and emoji
 * are ignored; a text with too little evidence gets no answer rather than a guess.
 *
 * <p>Stateless and thread-safe. See docs/enrichment.md for the measured accuracy and the limits.
 */
public final class LanguageDetector {

    /** What {@link #language(Post)} answers when neither the network nor the text tells: BCP-47 "undetermined". */
    public static final String UNDETERMINED = "und";

    private static final int MAX_CHARS = 2_000;
    private static final double MIN_LATIN_EVIDENCE = 1.0;

    private final Tokenizer tokenizer;

    public LanguageDetector(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** A detector with the shipped tokenizer. */
    public static LanguageDetector shipped() {
        return new LanguageDetector(Tokenizer.shipped());
    }

    /**
     * A post's language: the network's own tag when it has one (its primary subtag, lower-cased: {@code en-US}
     * → {@code en}), else the detected language, else {@value #UNDETERMINED}.
     */
    public String language(Post post) {
        return networkTag(post)
                .orElseGet(() -> detect(post.text()).map(LanguageGuess::lang).orElse(UNDETERMINED));
    }

    /** {@link #language(Post)} with the post's text already split by {@link Tokenizer#shipped()}. */
    public String language(Post post, List<Token> tokens) {
        return networkTag(post)
                .orElseGet(() -> detect(tokens).map(LanguageGuess::lang).orElse(UNDETERMINED));
    }

    private static Optional<String> networkTag(Post post) {
        for (String tag : post.langs()) {
            String primary = primarySubtag(tag);
            if (!primary.isEmpty()) {
                return Optional.of(primary);
            }
        }
        return Optional.empty();
    }

    /** The language of the text, when there is enough evidence. */
    public Optional<LanguageGuess> detect(String text) {
        return detect(tokenizer.tokenize(text, MAX_CHARS));
    }

    /** The language of text already split by {@link Tokenizer#shipped()}. */
    public Optional<LanguageGuess> detect(List<Token> tokens) {
        Map<Character.UnicodeScript, Integer> scripts = new EnumMap<>(Character.UnicodeScript.class);
        int letters = 0;
        for (Token token : tokens) {
            if (token.type() != TokenType.WORD) {
                continue;
            }
            String word = token.raw();
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                if (Character.isLetter(cp)) {
                    scripts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
                    letters++;
                }
                i += Character.charCount(cp);
            }
        }
        if (letters == 0) {
            return Optional.empty();
        }
        int kana = scripts.getOrDefault(Character.UnicodeScript.HIRAGANA, 0)
                + scripts.getOrDefault(Character.UnicodeScript.KATAKANA, 0);
        int han = scripts.getOrDefault(Character.UnicodeScript.HAN, 0);
        if (kana > 0 && kana + han >= letters / 2.0) {
            return Optional.of(new LanguageGuess("ja", (double) (kana + han) / letters));
        }
        Character.UnicodeScript dominant = scripts.entrySet().stream()
                .max(Map.Entry.<Character.UnicodeScript, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
        double share = (double) scripts.get(dominant) / letters;
        return switch (dominant) {
            case LATIN -> latin(tokens);
            case CYRILLIC -> Optional.of(new LanguageGuess(cyrillic(tokens), share));
            case ARABIC -> Optional.of(new LanguageGuess(arabic(tokens), share));
            default -> Scripts.language(dominant).map(lang -> new LanguageGuess(lang, share));
        };
    }

    private static Optional<LanguageGuess> latin(List<Token> tokens) {
        Map<String, Double> scores = new TreeMap<>();
        for (Token token : tokens) {
            if (token.type() != TokenType.WORD) {
                continue;
            }
            String word = token.raw().toLowerCase(Locale.ROOT).replace('’', '\'');
            List<String> langs = LatinProfiles.WORDS.get(word);
            if (langs != null) {
                for (String lang : langs) {
                    scores.merge(lang, 1.0 / langs.size(), Double::sum);
                }
            }
            for (int n = 1; n <= 4; n++) {
                for (int start = 0; start + n <= word.length(); start++) {
                    List<String> gramLangs = LatinProfiles.gram(word, start, n);
                    if (gramLangs != null) {
                        double weight = (n == 1 ? 0.5 : 0.2) / gramLangs.size();
                        for (String lang : gramLangs) {
                            scores.merge(lang, weight, Double::sum);
                        }
                    }
                }
            }
        }
        String best = null;
        double bestScore = 0;
        double total = 0;
        for (Map.Entry<String, Double> entry : scores.entrySet()) {
            total += entry.getValue();
            if (entry.getValue() > bestScore) {
                best = entry.getKey();
                bestScore = entry.getValue();
            }
        }
        if (best == null || bestScore < MIN_LATIN_EVIDENCE) {
            return Optional.empty();
        }
        return Optional.of(new LanguageGuess(best, bestScore / total));
    }

    // Ukrainian has і ї є ґ, Belarusian ў; Russian has ы э ъ ё, which Ukrainian lacks. Without those
    // letters, the commonest function words still differ (що/что, це/это, але/но, дуже/очень).
    private static final Set<String> UKRAINIAN_WORDS = Set.of(
            "що",
            "це",
            "але",
            "дуже",
            "та",
            "від",
            "мені",
            "його",
            "вона",
            "вони",
            "ми",
            "ви",
            "тут",
            "теж",
            "тільки",
            "коли",
            "якщо",
            "або",
            "чому",
            "зараз",
            "сьогодні",
            "було",
            "був",
            "була",
            "як",
            "так");
    private static final Set<String> RUSSIAN_WORDS = Set.of(
            "что", "это", "но", "очень", "как", "мы", "вы", "они", "меня", "она", "только", "когда", "если", "или",
            "почему", "сейчас", "сегодня", "уже", "еще", "был", "была", "было", "тоже", "нет", "да", "так", "все",
            "его", "мне");

    private static String cyrillic(List<Token> tokens) {
        double ukrainian = 0;
        double belarusian = 0;
        double russian = 0;
        for (Token token : tokens) {
            String word = token.raw().toLowerCase(Locale.ROOT);
            for (char c : word.toCharArray()) {
                switch (c) {
                    case 'і', 'ї', 'є', 'ґ' -> ukrainian += 2;
                    case 'ў' -> belarusian += 2;
                    case 'ы', 'э', 'ъ', 'ё' -> russian += 2;
                    default -> {}
                }
            }
            boolean uk = UKRAINIAN_WORDS.contains(word);
            boolean ru = RUSSIAN_WORDS.contains(word);
            if (uk != ru) {
                ukrainian += uk ? 1 : 0;
                russian += ru ? 1 : 0;
            }
        }
        if (belarusian > 0 && belarusian + ukrainian >= russian) {
            return "be";
        }
        return ukrainian > russian ? "uk" : "ru";
    }

    // Persian adds پ چ ژ گ and writes ی ک; Urdu adds ٹ ڈ ڑ ں ے.
    private static String arabic(List<Token> tokens) {
        int persian = 0;
        int urdu = 0;
        for (Token token : tokens) {
            for (char c : token.raw().toCharArray()) {
                switch (c) {
                    case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے' -> urdu++;
                    case 'پ', 'چ', 'ژ', 'گ', 'ی', 'ک' -> persian++;
                    default -> {}
                }
            }
        }
        return urdu > 0 ? "ur" : persian > 0 ? "fa" : "ar";
    }

    static String primarySubtag(String tag) {
        String stripped = tag.strip();
        int dash = stripped.indexOf('-');
        if (dash < 0) {
            dash = stripped.indexOf('_');
        }
        String primary = (dash < 0 ? stripped : stripped.substring(0, dash)).toLowerCase(Locale.ROOT);
        for (int i = 0; i < primary.length(); i++) {
            if (primary.charAt(i) < 'a' || primary.charAt(i) > 'z') {
                return "";
            }
        }
        return primary.length() >= 2 && primary.length() <= 3 ? primary : "";
    }
}
