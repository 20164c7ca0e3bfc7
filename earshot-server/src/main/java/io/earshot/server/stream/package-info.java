/** The live stream: mentions as Server-Sent Events as soon as they are durably stored ({@code /api/v1/stream}). */
package io.earshot.server.stream;
