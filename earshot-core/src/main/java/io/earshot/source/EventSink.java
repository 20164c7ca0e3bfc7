package io.earshot.source;

/**
 * Where a source delivers its batches. {@link #accept} blocks while the pipeline is full, which is how a
 * slow downstream slows the source down instead of growing memory.
 */
@FunctionalInterface
public interface EventSink {
    void accept(SourceBatch batch) throws InterruptedException;
}
