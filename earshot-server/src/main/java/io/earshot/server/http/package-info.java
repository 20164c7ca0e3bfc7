/**
 * The HTTP layer shared by every feature: {@link io.earshot.server.http.HttpServer} (Javalin), JSON, and
 * the error shape every endpoint uses: {@code {"error": "what is wrong and what to do", "position": n}}
 * ({@code position} only for query errors: the 1-based column). Each feature registers its own
 * {@link io.earshot.server.http.Routes}.
 */
package io.earshot.server.http;
