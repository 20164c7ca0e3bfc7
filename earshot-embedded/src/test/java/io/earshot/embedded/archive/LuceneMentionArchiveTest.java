package io.earshot.embedded.archive;

import io.earshot.archive.MentionArchive;
import io.earshot.testkit.contract.MentionArchiveContract;
import java.nio.file.Path;

class LuceneMentionArchiveTest extends MentionArchiveContract {
    @Override
    protected MentionArchive open(Path dir) {
        return LuceneMentionArchive.open(dir);
    }
}
