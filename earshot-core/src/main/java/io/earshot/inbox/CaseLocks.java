package io.earshot.inbox;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per case (striped), held while a case is read, changed and written back, so that a person's change
 * and a new message arriving at the same moment do not overwrite each other. Everyone who changes cases in
 * this process shares one instance.
 */
public final class CaseLocks {

    private final ReentrantLock[] stripes = new ReentrantLock[64];

    public CaseLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Runs {@code work} holding the case's lock. */
    public <T> T with(long caseId, Supplier<T> work) {
        ReentrantLock lock = stripes[(int) Math.floorMod(caseId, (long) stripes.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} holding every case's lock: for a batch that changes many cases in one commit. Taking
     * them before the store's own lock, in one order, keeps the order everyone else uses (case, then store),
     * so a person's change waits for the batch instead of deadlocking with it.
     */
    public <T> T withEvery(Supplier<T> work) {
        int held = 0;
        try {
            for (ReentrantLock stripe : stripes) {
                stripe.lock();
                held++;
            }
            return work.get();
        } finally {
            for (int i = held - 1; i >= 0; i--) {
                stripes[i].unlock();
            }
        }
    }
}
