package io.earshot.embedded.archive;

import io.earshot.lucene.IndexFields;
import io.earshot.lucene.PostDocuments;
import java.io.IOException;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.store.Directory;

/**
 * How the archive indexes a post's text. New archives index positions (phrases, proximity) without offsets:
 * nothing highlights from the archive (a mention carries its highlights), and offsets cost indexing time,
 * merge time and disk. Archives written before keep offsets, because Lucene refuses to index a field with other
 * options than the index already has for it.
 */
final class TextLayout {

    private TextLayout() {}

    /** The text field type for the archive in {@code directory}: what it already uses, else no offsets. */
    static FieldType of(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return PostDocuments.TEXT_TYPE_WITHOUT_OFFSETS;
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            FieldInfo text = FieldInfos.getMergedFieldInfos(reader).fieldInfo(IndexFields.TEXT);
            boolean offsets =
                    text != null && text.getIndexOptions() == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS;
            return offsets ? PostDocuments.TEXT_TYPE : PostDocuments.TEXT_TYPE_WITHOUT_OFFSETS;
        }
    }
}
