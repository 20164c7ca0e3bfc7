package io.earshot.embedded.archive;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * One numbering of a doc values field's values across all segments of a reader, so counts can go into one
 * array and only the values reported are looked up. Built once per field and reader (the archive's reader
 * changes on refresh) and kept for the latest reader only.
 */
final class GlobalOrdinals {

    private final Map<String, Mapped> latest = new ConcurrentHashMap<>();

    Mapped of(IndexReader reader, String field) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        IndexReader.CacheKey key = helper == null ? null : helper.getKey();
        Mapped cached = latest.get(field);
        if (cached != null && key != null && cached.key == key) {
            return cached;
        }
        List<LeafReaderContext> leaves = reader.leaves();
        SortedSetDocValues[] values = new SortedSetDocValues[leaves.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = DocValues.getSortedSet(leaves.get(i).reader(), field);
        }
        OrdinalMap map = OrdinalMap.build(key, values, PackedInts.DEFAULT);
        Mapped mapped = new Mapped(key, field, leaves, map);
        if (key != null) {
            latest.put(field, mapped);
        }
        return mapped;
    }

    /** A field's global ordinals for one reader. */
    static final class Mapped {
        private final IndexReader.CacheKey key;
        private final String field;
        private final List<LeafReaderContext> leaves;
        private final OrdinalMap map;

        private Mapped(IndexReader.CacheKey key, String field, List<LeafReaderContext> leaves, OrdinalMap map) {
            this.key = key;
            this.field = field;
            this.leaves = leaves;
            this.map = map;
        }

        String field() {
            return field;
        }

        long valueCount() {
            return map.getValueCount();
        }

        LongValues globalOrds(int leafIndex) {
            return map.getGlobalOrds(leafIndex);
        }

        /** The value of a global ordinal. */
        String lookup(int globalOrd) throws IOException {
            int segment = map.getFirstSegmentNumber(globalOrd);
            long ord = map.getFirstSegmentOrd(globalOrd);
            SortedSetDocValues values =
                    DocValues.getSortedSet(leaves.get(segment).reader(), field);
            return values.lookupOrd(ord).utf8ToString();
        }
    }
}
