package io.earshot.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Users, sessions and API tokens. Secrets arrive already hashed ({@code passwordHash} is an Argon2id PHC string,
 * {@code digest}s are hex SHA-256 of random secrets): the store compares and keeps them, never derives them.
 */
public interface AccountStore {

    /** Adds a user; {@link IllegalArgumentException} when the name is taken. */
    Account addUser(String name, Role role, String passwordHash);

    Optional<Account> user(String name);

    /** The stored password hash of a user, for verifying a login. */
    Optional<String> passwordHash(String name);

    List<Account> users();

    /** Removes a user and ends their sessions; false when there was none. */
    boolean removeUser(String name);

    /** Changes a user's password and ends their sessions; false when there is no such user. */
    boolean changePassword(String name, String passwordHash);

    /** Changes a user's role; false when there is no such user. */
    boolean changeRole(String name, Role role);

    /**
     * Starts a session for the user at {@code now}, ending at {@code expiresAt} at the latest; the browser holds
     * the secret whose digest this is.
     */
    void startSession(String digest, long accountId, String csrfToken, Instant now, Instant expiresAt);

    /** Records that the session was used at {@code seenAt} (the idle timeout counts from the last use). */
    void touchSession(String digest, Instant seenAt);

    /** The session with this digest, if it exists and has not expired at {@code now}. */
    Optional<Session> session(String digest, Instant now);

    void endSession(String digest);

    /** Removes sessions that expired before {@code now}; returns how many. */
    int purgeSessions(Instant now);

    /** Stores a token by the digest of its secret. */
    ApiToken addToken(String label, Role role, String digest);

    Optional<ApiToken> tokenByDigest(String digest);

    List<ApiToken> tokens();

    /** Revokes a token; false when there was none. */
    boolean removeToken(long id);
}
