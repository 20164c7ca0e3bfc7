/** The sources API: what each source is doing right now (connected, retrying, failed; events, errors, lag). */
package io.earshot.server.source;
