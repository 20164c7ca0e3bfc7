package io.earshot.lucene;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The analysis shared by matching and search: see {@link IndexFields} for what each field holds. */
public final class PostAnalyzer {

    private PostAnalyzer() {}

    /** Words: Unicode word boundaries, possessive 's removed, lower-cased, accents folded ({@code Café's} → {@code cafe}). */
    public static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(tokenizer);
                stream = new LowerCaseFilter(stream);
                stream = new ASCIIFoldingFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /** Words as written (case and accents kept), possessive 's removed, for {@code exact:}. */
    public static Analyzer exactWords() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new EnglishPossessiveFilter(tokenizer));
            }
        };
    }

    /** The analyzer for a whole post document: analysed text fields, keyword fields for the rest. */
    public static Analyzer forDocuments() {
        Analyzer words = words();
        return new PerFieldAnalyzerWrapper(
                new KeywordAnalyzer(),
                Map.of(IndexFields.TEXT, words, IndexFields.TITLE, words, IndexFields.TEXT_EXACT, exactWords()));
    }
}
