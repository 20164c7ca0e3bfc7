package io.earshot.server.account;

import io.earshot.account.Account;
import io.earshot.account.AccountStore;
import io.earshot.account.ApiToken;
import io.earshot.account.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts as the server uses them: bootstrap, logins (rate limited), sessions, API tokens.
 *
 * <p><b>When authentication is enforced:</b> as soon as one user or one API token exists, or {@code
 * EARSHOT_API_TOKEN} is set. A fresh install with none of them is open (so {@code ./earshot run} on a laptop works
 * at once) and every page shows a red banner saying how to create the first user.
 */
public final class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    /** A session lasts this long from login; logging in again starts a new one. */
    static final Duration SESSION_LENGTH = Duration.ofHours(12);

    private final AccountStore store;
    private final AccountSettings settings;
    private final Clock clock;
    private final LoginLimiter limiter;
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

    /** True when requests must authenticate (see the class doc). */
    public boolean enforced() {
        return settings.apiToken().isPresent()
                || !store.users().isEmpty()
                || !store.tokens().isEmpty();
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
        String secret = Secrets.random();
        store.startSession(
                Secrets.digest(secret),
                account.get().id(),
                Secrets.random(),
                clock.instant().plus(SESSION_LENGTH));
        return new Login.Success(account.get(), secret);
    }

    public Optional<Principal> session(String secret) {
        return store.session(Secrets.digest(secret), clock.instant())
                .map(session -> new Principal(
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
