package io.earshot.enrich.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written profiles of the Latin-script languages most common on Bluesky and Mastodon: for each,
 * its most frequent function words, and a few letters and letter sequences that few other languages
 * use. Function words are the most reliable clue in a short post: nearly every sentence has some, and each
 * language has its own. Written for this project from general knowledge of the languages (no corpus was
 * available offline), so they are small — about 40 words per language — and easy to review.
 */
final class LatinProfiles {

    record Profile(String lang, String[] words, String[] grams) {}

    static final List<Profile> PROFILES = List.of(
            profile(
                    "en",
                    "the and to of a in is it you that for on was with are this i be have not but at they my"
                            + " me just so we what your if can all do will about from or there he she has been"
                            + " would like out get don't it's i'm im when who how an know think really",
                    "th wh ing ght ly ou"),
            profile(
                    "de",
                    "der die das und ist nicht ich du sie es ein eine zu mit auf für von den dem des sich auch"
                            + " wir ihr wie aber noch nur schon mal bei aus hat wird sind war oder wenn dass man"
                            + " kein keine mehr jetzt doch was",
                    "ä ö ü ß sch ung ich cht ei ie"),
            profile(
                    "es",
                    "el la los las de que y en un una es por con para no se lo le del al pero más mi me te"
                            + " muy como qué esta este está son ya también hay todo eso así porque cuando yo tu"
                            + " sus su",
                    "ñ ¿ ¡ ción qu ue ll"),
            profile(
                    "fr",
                    "le la les de des du et est un une en que qui pas ne je tu il elle nous vous ils on ce"
                            + " cette pour dans sur avec au aux mais ou plus très c'est j'ai suis sont fait"
                            + " comme tout bien",
                    "é è ê à ç ù œ eau eux ou oi qu"),
            profile(
                    "pt",
                    "o a os as de do da dos das que e em um uma é não para com por se no na nos nas mais"
                            + " mas eu você ele ela isso esse essa muito já também foi está são tem ao pelo"
                            + " pela",
                    "ã õ ç ção nh lh ê ão"),
            profile(
                    "it",
                    "il lo la gli le di del della che e è un una per con non in si sono ma più anche come"
                            + " questo questa ho hai ha mi ti ci cosa tutto molto sempre nel alla delle dei"
                            + " perché",
                    "gli zio cch ò ì è"),
            profile(
                    "nl",
                    "de het een en van is dat niet ik je op te in met voor zijn er maar ook als dit die"
                            + " wat wel nog naar bij om hij ze wij we heb heeft geen meer dan",
                    "ij oe aa ee oo sch"),
            profile(
                    "tr",
                    "ve bir bu da de ne için çok ile ben sen o ama gibi daha var yok mi mı mu mü olan"
                            + " olarak her şey kadar sonra değil en bana beni",
                    "ı ş ğ ç ö ü ler lar"),
            profile(
                    "pl",
                    "i w na z że nie to się jest do jak ale co o tak mnie mi po od za czy już tylko jego"
                            + " jej ten ta są był była może bardzo dla",
                    "ł ą ę ś ż ź ć ń sz cz rz"),
            profile(
                    "sv",
                    "och att det som en ett är på i av för med inte jag du han hon vi de den har var till"
                            + " men om så kan ska också från mycket eller",
                    "å ä ö"),
            profile(
                    "da",
                    "og at det som en et er på i af for med ikke jeg du han hun vi de den har var til"
                            + " men om så kan skal også fra meget eller",
                    "æ ø å"),
            profile(
                    "no",
                    "og at det som en et er på i av for med ikke jeg du han hun vi de den har var til men"
                            + " om så kan skal også fra veldig eller",
                    "æ ø å"),
            profile(
                    "fi",
                    "ja on ei se että oli ovat mutta kun niin tämä myös jo hän minä sinä me te he mitä"
                            + " kuin vain sitten nyt",
                    "ä ö aa ii uu yy kk"),
            profile(
                    "id",
                    "dan yang di ini itu dengan untuk dari tidak ada akan saya kamu kita mereka juga sudah"
                            + " bisa atau karena pada dalam jadi aku",
                    "ng ny"),
            profile(
                    "ca",
                    "el la els les de i que en un una és per amb no es del al però més molt aquest aquesta"
                            + " també com això",
                    "l·l ç ò"),
            profile("cs", "a v se na je že to s z do jsem jako ale i o by jsou tak jen už aby co nebo", "ě š č ř ž ů"),
            profile("ro", "și în de la cu pe un o este nu că să care mai din pentru ce sunt sau dar", "ș ț ă â î"),
            profile(
                    "vi",
                    "và của là có không một những được cho với người này trong đã các để khi",
                    "ơ ư đ ạ ả ế ộ ờ"));

    /** For each function word, the languages that use it. */
    static final Map<String, List<String>> WORDS = index(true);

    /** For each letter or letter sequence, the languages it points to. */
    static final Map<String, List<String>> GRAMS = index(false);

    // The same, keyed by up to four chars packed in a long, in an open-addressing table: detection looks up
    // every window of every word, and this avoids a substring per window.
    private static final int TABLE = 1024;
    private static final long[] GRAM_KEYS = new long[TABLE];
    private static final List<?>[] GRAM_LANGS = new List<?>[TABLE];

    static {
        GRAMS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String gram = entry.getKey();
            if (gram.length() > 4) {
                throw new IllegalStateException("letter sequences are at most 4 letters: " + gram);
            }
            long key = pack(gram, 0, gram.length());
            int slot = slot(key);
            while (GRAM_KEYS[slot] != 0) {
                slot = (slot + 1) & (TABLE - 1);
            }
            GRAM_KEYS[slot] = key;
            GRAM_LANGS[slot] = entry.getValue();
        });
    }

    /** The languages the letters {@code word[start, start + n)} point to (n ≤ 4), or null. */
    @SuppressWarnings("unchecked")
    static List<String> gram(String word, int start, int n) {
        long key = pack(word, start, start + n);
        for (int slot = slot(key); GRAM_KEYS[slot] != 0; slot = (slot + 1) & (TABLE - 1)) {
            if (GRAM_KEYS[slot] == key) {
                return (List<String>) GRAM_LANGS[slot];
            }
        }
        return null;
    }

    private static long pack(String text, int from, int to) {
        long key = 0;
        for (int i = from; i < to; i++) {
            key = (key << 16) | text.charAt(i);
        }
        return key;
    }

    private static int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 54) & (TABLE - 1);
    }

    private LatinProfiles() {}

    private static Profile profile(String lang, String words, String grams) {
        return new Profile(lang, words.split(" "), grams.split(" "));
    }

    private static Map<String, List<String>> index(boolean words) {
        Map<String, List<String>> index = new HashMap<>();
        for (Profile profile : PROFILES) {
            for (String key : words ? profile.words() : profile.grams()) {
                List<String> langs = index.computeIfAbsent(key, k -> new ArrayList<>());
                if (!langs.contains(profile.lang())) {
                    langs.add(profile.lang());
                }
            }
        }
        index.replaceAll((key, langs) -> List.copyOf(langs));
        return Map.copyOf(index);
    }
}
