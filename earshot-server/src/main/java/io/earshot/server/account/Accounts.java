package io.earshot.server.account;

import io.earshot.account.Account;
import io.earshot.account.AccountStore;
import io.earshot.account.ApiToken;
import io.earshot.account.Role;
import io.earshot.account.Session;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts as the server uses them: bootstrap, first-run setup, logins (rate limited), sessions, API tokens.
 *
 * <p>Authentication is always enforced. A fresh install with no user, no API token and no {@code
 * EARSHOT_API_TOKEN} {@linkplain #needsSetup() needs setup}: the server issues a one-time {@link SetupCode}, and
 * whoever can read it (on the console or in the data folder) creates the first admin at {@code /setup}.
 */
public final class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    /** The limiter's key for setup-code attempts; not a valid user name, so no user shares its count. */
    private static final String SETUP_KEY = "#setup";

    private final AccountStore store;
    private final AccountSettings settings;
    private final Clock clock;
    private final LoginLimiter limiter;
    private final SetupCode setupCode = new SetupCode();
    /** Verified against when the name is unknown, so a wrong name costs as long as a wrong password. */
    private final String decoyHash;

    public Accounts(AccountStore store, AccountSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.limiter = new LoginLimiter(5, 20, Duration.ofMinutes(15), clock);
        this.decoyHash = Passwords.hash(Secrets.random());
    }

    /** Creates {@code admin} from {@code EARSHOT_ADMIN_PASSWORD} when there are no users yet. */
    public void bootstrap() {
        settings.adminPassword().ifPresent(password -> {
            if (store.users().isEmpty()) {
                store.addUser("admin", Role.ADMIN, Passwords.hash(password));
                log.info("created the user 'admin' from EARSHOT_ADMIN_PASSWORD; log in at /login");
            }
        });
        store.purgeSessions(clock.instant());
    }

    /** True while nobody can log in: no user, no API token, no {@code EARSHOT_API_TOKEN}. */
    public boolean needsSetup() {
        return settings.apiToken().isEmpty()
                && store.users().isEmpty()
                && store.tokens().isEmpty();
    }

    /**
     * Issues the setup code when the install {@linkplain #needsSetup() needs setup}, writing it to {@code
     * setup-code.txt} in {@code dataDir} (readable by its owner only); otherwise removes a stale file.
     *
     * @return the code, to print with the address of {@code /setup}; empty when there is a way in already
     */
    public Optional<String> beginSetup(Path dataDir) {
        if (!needsSetup()) {
            setupCode.discard(dataDir);
            return Optional.empty();
        }
        return Optional.of(setupCode.issue(dataDir));
    }

    /** Where {@link #beginSetup} wrote the code, for messages that say where to find it. */
    public Optional<Path> setupCodeFile() {
        return setupCode.file();
    }

    /**
     * Creates the first admin with the setup code, and logs them in. Wrong codes count like failed logins (per
     * client address, and all together). The code is void once an admin exists, however they were made.
     *
     * @throws IllegalArgumentException when the name or password is not acceptable (the code stays valid)
     */
    public synchronized Login setup(String code, String name, String password, String address) {
        Optional<Duration> wait = limiter.blocked(SETUP_KEY, address);
        if (wait.isPresent()) {
            return new Login.Throttled(wait.get());
        }
        if (!needsSetup() || !setupCode.matches(code)) {
            limiter.failed(SETUP_KEY, address);
            log.info("wrong setup code from {}", address);
            return new Login.Refused();
        }
        Account.requireValidName(name);
        Account admin = store.addUser(name, Role.ADMIN, Passwords.hash(password));
        setupCode.used();
        log.info("setup: created the admin '{}' from {}; the setup code is void", name, address);
        return new Login.Success(admin, startSession(admin));
    }

    AccountSettings settings() {
        return settings;
    }

    /** The outcome of a login attempt. */
    public sealed interface Login {
        record Success(Account account, String sessionSecret) implements Login {}

        record Refused() implements Login {}

        record Throttled(Duration retryAfter) implements Login {}
    }

    public Login login(String name, String password, String address) {
        Optional<Duration> wait = limiter.blocked(name, address);
        if (wait.isPresent()) {
            return new Login.Throttled(wait.get());
        }
        Optional<String> hash = store.passwordHash(name);
        boolean valid = Passwords.verify(password, hash.orElse(decoyHash)) && hash.isPresent();
        Optional<Account> account = valid ? store.user(name) : Optional.empty();
        if (account.isEmpty()) {
            limiter.failed(name, address);
            log.info("failed login for '{}' from {}", name, address);
            return new Login.Refused();
        }
        limiter.succeeded(name);
        return new Login.Success(account.get(), startSession(account.get()));
    }

    private String startSession(Account account) {
        String secret = Secrets.random();
        Instant now = clock.instant();
        store.startSession(
                Secrets.digest(secret),
                account.id(),
                Secrets.random(),
                now,
                now.plus(settings.sessions().max()));
        return secret;
    }

    /** How long the session cookie is kept by the browser: the longest a session can last. */
    Duration sessionMax() {
        return settings.sessions().max();
    }

    /**
     * The person whose session this is, unless it has ended: logged out, past its maximum length, or unused for
     * longer than the idle timeout (then it is ended here, so it cannot come back).
     */
    public Optional<Principal> session(String secret) {
        String digest = Secrets.digest(secret);
        Instant now = clock.instant();
        Optional<Session> found = store.session(digest, now);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session session = found.get();
        Duration idle = settings.sessions().idle();
        if (!session.lastSeenAt().plus(idle).isAfter(now)) {
            store.endSession(digest);
            return Optional.empty();
        }
        // a write per request would cost more than it tells: a session's last use is kept to within a minute
        Duration precision =
                idle.dividedBy(4).compareTo(Duration.ofMinutes(1)) < 0 ? idle.dividedBy(4) : Duration.ofMinutes(1);
        if (Duration.between(session.lastSeenAt(), now).compareTo(precision) >= 0) {
            store.touchSession(digest, now);
        }
        return Optional.of(new Principal(
                session.account().name(),
                session.account().role(),
                Principal.Kind.SESSION,
                Optional.of(session.csrfToken())));
    }

    public void logout(String secret) {
        store.endSession(Secrets.digest(secret));
    }

    Optional<Principal> token(String secret) {
        if (settings.apiToken().filter(token -> Secrets.same(token, secret)).isPresent()) {
            return Optional.of(new Principal("EARSHOT_API_TOKEN", Role.ADMIN, Principal.Kind.TOKEN, Optional.empty()));
        }
        return store.tokenByDigest(Secrets.digest(secret))
                .map(token ->
                        new Principal("token:" + token.label(), token.role(), Principal.Kind.TOKEN, Optional.empty()));
    }

    /** Adds a user; the password is checked for length and hashed here. */
    public Account addUser(String name, Role role, String password) {
        Account.requireValidName(name);
        return store.addUser(name, role, Passwords.hash(password));
    }

    public List<Account> users() {
        return store.users();
    }

    public boolean removeUser(String name) {
        return store.removeUser(name);
    }

    public boolean changeRole(String name, Role role) {
        return store.changeRole(name, role);
    }

    public boolean changePassword(String name, String password) {
        return store.changePassword(name, Passwords.hash(password));
    }

    /** A new API token: the secret is returned here once, and only its digest is stored. */
    public record IssuedToken(ApiToken token, String secret) {}

    public IssuedToken addToken(String label, Role role) {
        String secret = "es_" + Secrets.random();
        return new IssuedToken(
                store.addToken(label.isBlank() ? "token" : label.strip(), role, Secrets.digest(secret)), secret);
    }

    public List<ApiToken> tokens() {
        return store.tokens();
    }

    public boolean removeToken(long id) {
        return store.removeToken(id);
    }
}
