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
}
