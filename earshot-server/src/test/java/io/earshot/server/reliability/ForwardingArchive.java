package io.earshot.server.reliability;

import io.earshot.archive.MentionArchive;
import io.earshot.archive.MentionSearch;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A real archive behind a wrapper that forwards everything: tests override the one operation they slow down, hold
 * back or make fail, and everything else is the real thing.
 */
abstract class ForwardingArchive implements MentionArchive {

    private final MentionArchive delegate;

    ForwardingArchive(MentionArchive delegate) {
        this.delegate = delegate;
    }

    @Override
    public void upsert(Collection<Mention> mentions) {
        delegate.upsert(mentions);
    }

    @Override
    public void delete(Collection<PostKey> keys) {
        delegate.delete(keys);
    }

    @Override
    public long deleteByAuthor(Network network, String authorId) {
        return delegate.deleteByAuthor(network, authorId);
    }

    @Override
    public boolean updateEngagement(PostKey key, Engagement engagement) {
        return delegate.updateEngagement(key, engagement);
    }

    @Override
    public Optional<Mention> get(PostKey key) {
        return delegate.get(key);
    }

    @Override
    public Optional<Mention> newestBy(Network network, String authorId) {
        return delegate.newestBy(network, authorId);
    }

    @Override
    public boolean contains(PostKey key) {
        return delegate.contains(key);
    }

    @Override
    public MentionPage search(MentionSearch search) {
        return delegate.search(search);
    }

    @Override
    public void forEachSince(Instant since, Consumer<Mention> visitor) {
        delegate.forEachSince(since, visitor);
    }

    @Override
    public long purgeUnmatchedBefore(Instant cutoff) {
        return delegate.purgeUnmatchedBefore(cutoff);
    }

    @Override
    public void refresh() {
        delegate.refresh();
    }

    @Override
    public void commit() {
        delegate.commit();
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
