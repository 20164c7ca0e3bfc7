/**
 * The inbox's HTTP API and wiring: {@link io.earshot.server.inbox.Inbox} builds the services on the state store
 * and gives the ingest listener, the routes and the metrics. Routes: {@code /api/v1/cases} (queues, a case, changes,
 * notes, presence, replies, approval), {@code /api/v1/routing-rules}, {@code /api/v1/teams},
 * {@code /api/v1/canned-replies}, {@code /api/v1/accounts}, {@code /api/v1/contacts} and
 * {@code /api/v1/analytics/inbox}. Who did what comes from {@link io.earshot.server.inbox.Actors}. See
 * docs/inbox.md and docs/api.md.
 */
package io.earshot.server.inbox;
