package io.earshot.server.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code perAccount} failed logins for one name, or {@code perAddress} from one
 * client address, within {@code window}, further attempts are refused until the oldest failure leaves the window.
 * Kept in memory: a restart forgets, which costs an attacker a restart they cannot cause.
 */
final class LoginLimiter {

    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginLimiter(int perAccount, int perAddress, Duration window, Clock clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    /** How long until this name and address may try again; empty when they may now. */
    Optional<Duration> blocked(String name, String address) {
        Instant now = clock.instant();
        Optional<Duration> account = wait("user:" + name.toLowerCase(java.util.Locale.ROOT), perAccount, now);
        Optional<Duration> client = wait("ip:" + address, perAddress, now);
        return account.isPresent() ? account : client;
    }

    void failed(String name, String address) {
        Instant now = clock.instant();
        record("user:" + name.toLowerCase(java.util.Locale.ROOT), now);
        record("ip:" + address, now);
    }

    /** A successful login clears the name's failures (not the address's: one good password opens no other). */
    void succeeded(String name) {
        failures.remove("user:" + name.toLowerCase(java.util.Locale.ROOT));
    }

    private Optional<Duration> wait(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
        if (failures.size() > 100_000) {
            failures.clear(); // bounded memory under a spray of names; the window starts again
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
    }
}
