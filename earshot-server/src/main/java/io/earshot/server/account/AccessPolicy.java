package io.earshot.server.account;

import io.earshot.account.Role;
import java.util.Optional;

/**
 * Which role each request needs. Reading is for everyone logged in ({@code viewer}); changing needs the role that
 * owns the feature:
 *
 * <table>
 *   <caption>roles needed to change things</caption>
 *   <tr><th>request</th><th>role</th></tr>
 *   <tr><td>{@code PUT /api/v1/mentions/{id}/sentiment}, the inbox's cases and contacts</td><td>responder</td></tr>
 *   <tr><td>topics, projects, alerts (rules), analytics, feed keys, teams, routing rules, canned replies</td><td>analyst</td></tr>
 *   <tr><td>sources, users, API tokens, connected accounts, dead letters, anything else</td><td>admin</td></tr>
 * </table>
 *
 * <p>Open to all ({@link Optional#empty()}): {@code /health}, the login and setup pages, static assets, the ingest endpoint
 * (it checks its own per-source tokens) and Atom feeds (they check their feed key).
 */
final class AccessPolicy {

    private AccessPolicy() {}

    static boolean isPublic(String path) {
        return path.equals("/health")
                || path.equals("/login")
                || path.equals("/setup")
                || path.equals("/favicon.ico")
                || path.startsWith("/static/")
                || path.startsWith("/webjars/")
                || path.equals("/api/v1/ingest")
                || path.startsWith("/feeds/");
    }

    /** The role a request needs; empty for public paths. */
    static Optional<Role> required(String method, String path) {
        if (isPublic(path)) {
            return Optional.empty();
        }
        if (path.startsWith("/api/v1/users") || path.startsWith("/api/v1/tokens")) {
            return Optional.of(Role.ADMIN);
        }
        boolean reading = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (reading || path.equals("/logout") || path.equals("/api/v1/topics/preview")) {
            return Optional.of(Role.VIEWER);
        }
        if (path.matches("/api/v1/mentions/[^/]+/sentiment")
                || path.startsWith("/api/v1/cases/")
                || path.startsWith("/api/v1/contacts/")) {
            return Optional.of(Role.RESPONDER);
        }
        if (path.startsWith("/api/v1/topics")
                || path.startsWith("/api/v1/projects")
                || path.startsWith("/api/v1/analytics")
                || path.startsWith("/api/v1/teams")
                || path.startsWith("/api/v1/routing-rules")
                || path.startsWith("/api/v1/canned-replies")
                || (path.startsWith("/api/v1/alerts") && !path.startsWith("/api/v1/alerts/dead-letters"))) {
            return Optional.of(Role.ANALYST);
        }
        return Optional.of(Role.ADMIN);
    }
}
