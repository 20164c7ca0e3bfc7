/**
 * The Earshot application: {@link io.earshot.server.EarshotApp} wires storage, matching, the ingest
 * pipeline, topics, sources and HTTP together with plain constructors, from an
 * {@link io.earshot.server.EarshotConfig}. Features keep their HTTP routes in their own packages
 * ({@code topic}, {@code mention}, {@code ingest}, {@code health}, {@code web}); the command line is in
 * {@code cli}.
 */
package io.earshot.server;
