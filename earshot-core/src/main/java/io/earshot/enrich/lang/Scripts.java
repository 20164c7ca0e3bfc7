package io.earshot.enrich.lang;

import java.lang.Character.UnicodeScript;
import java.util.Map;
import java.util.Optional;

/** Writing systems that, on social networks, mean one language. */
final class Scripts {

    private static final Map<UnicodeScript, String> LANGUAGES = Map.ofEntries(
            Map.entry(UnicodeScript.HANGUL, "ko"),
            Map.entry(UnicodeScript.HAN, "zh"),
            Map.entry(UnicodeScript.HIRAGANA, "ja"),
            Map.entry(UnicodeScript.KATAKANA, "ja"),
            Map.entry(UnicodeScript.GREEK, "el"),
            Map.entry(UnicodeScript.HEBREW, "he"),
            Map.entry(UnicodeScript.THAI, "th"),
            Map.entry(UnicodeScript.DEVANAGARI, "hi"),
            Map.entry(UnicodeScript.BENGALI, "bn"),
            Map.entry(UnicodeScript.TAMIL, "ta"),
            Map.entry(UnicodeScript.TELUGU, "te"),
            Map.entry(UnicodeScript.GUJARATI, "gu"),
            Map.entry(UnicodeScript.KANNADA, "kn"),
            Map.entry(UnicodeScript.MALAYALAM, "ml"),
            Map.entry(UnicodeScript.GURMUKHI, "pa"),
            Map.entry(UnicodeScript.GEORGIAN, "ka"),
            Map.entry(UnicodeScript.ARMENIAN, "hy"),
            Map.entry(UnicodeScript.KHMER, "km"),
            Map.entry(UnicodeScript.LAO, "lo"),
            Map.entry(UnicodeScript.MYANMAR, "my"),
            Map.entry(UnicodeScript.SINHALA, "si"),
            Map.entry(UnicodeScript.ETHIOPIC, "am"));

    private Scripts() {}

    static Optional<String> language(UnicodeScript script) {
        return Optional.ofNullable(LANGUAGES.get(script));
    }
}
