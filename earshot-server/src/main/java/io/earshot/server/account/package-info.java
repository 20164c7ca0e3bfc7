/**
 * Logging in and who may do what.
 *
 * <p>{@link io.earshot.server.account.Gate} runs before every request: it sets a strict Content-Security-Policy,
 * finds the caller (a session cookie from {@code POST /login}, or {@code Authorization: Bearer <token>}), checks
 * their role against {@code AccessPolicy}, and requires the session's CSRF token ({@code X-CSRF-Token} header or
 * {@code _csrf} form field) on every state-changing browser request. Bearer-token calls need no CSRF token: a
 * browser never adds that header by itself.
 *
 * <p>First start: set {@code EARSHOT_ADMIN_PASSWORD} (creates {@code admin} when there are no users) or run
 * {@code earshot user add NAME --role admin}. Until a user or a token exists the install is open, and every page
 * says so in red. See docs/security.md for the whole list.
 */
package io.earshot.server.account;
