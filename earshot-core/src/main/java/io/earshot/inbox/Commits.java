package io.earshot.inbox;

/**
 * How the inbox asks its stores to keep a batch of writes together. Taking in a mention writes a case, its
 * message and history, and the author's contact: committed one by one, those commits cost far more than the
 * writes themselves (measured: ~0.5 ms of CPU per mention in SQLite, see docs/benchmarks.md "Alert latency").
 * Within {@link #together}, the store calls made by the calling thread commit once, at the end, or not at all.
 */
@FunctionalInterface
public interface Commits {

    /** For stores without transactions (and tests): every write commits on its own. */
    Commits EACH_ON_ITS_OWN = Runnable::run;

    /**
     * Runs {@code work}; its writes become visible and durable together when it returns. When it throws,
     * none of them is kept and the exception propagates.
     */
    void together(Runnable work);
}
