/**
 * The command line ({@code ./earshot --help}): {@code run} (the server), {@code replay FILE} (ingest a
 * recorded stream offline), {@code topic add|list|rm}. Commands print plain, scriptable lines and exit
 * non-zero with a one-line reason when something is wrong.
 */
package io.earshot.server.cli;
