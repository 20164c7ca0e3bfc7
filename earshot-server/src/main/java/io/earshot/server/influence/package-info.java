/**
 * Influence in the HTTP API: {@link io.earshot.server.influence.AuthorRoutes} serves authors' scores and their
 * explanations, top authors per topic or project, advocates and detractors, and erasure. docs/api.md has examples.
 */
package io.earshot.server.influence;
