/**
 * Logging in and who may do what.
 *
 * <p>{@link io.earshot.server.account.Gate} runs before every request: it sets a strict Content-Security-Policy,
 * finds the caller (a session cookie from {@code POST /login}, or {@code Authorization: Bearer <token>}), checks
 * their role against {@code AccessPolicy}, and requires the session's CSRF token ({@code X-CSRF-Token} header or
 * {@code _csrf} form field) on every state-changing browser request. Bearer-token calls need no CSRF token: a
 * browser never adds that header by itself.
 *
 * <p>First start: an install nobody can log in to is never open. The server prints a one-time setup code with the
 * address of {@code /setup} (and writes it to {@code setup-code.txt} in the data folder, owner-only); entering it
 * there with a name and a password creates the first admin. Or set {@code EARSHOT_ADMIN_PASSWORD} (creates {@code
 * admin}), or run {@code earshot user add NAME --role admin}.
 *
 * <p>Sessions end after {@code EARSHOT_SESSION_IDLE} without a request (default 8 hours) and {@code
 * EARSHOT_SESSION_MAX} after login (default 7 days). See docs/security.md for the whole list.
 */
package io.earshot.server.account;
