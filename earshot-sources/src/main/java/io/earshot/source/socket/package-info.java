/**
 * What the WebSocket sources (Bluesky Jetstream, Mastodon streaming) share on top of the JDK's
 * {@link java.net.http.WebSocket}: {@link io.earshot.source.socket.MessageJoiner} joins a message's text fragments
 * up to a size limit, so a hostile server cannot make a source buffer without bound.
 *
 * <pre>{@code
 * MessageJoiner joiner = new MessageJoiner(1 << 20);
 * // in WebSocket.Listener.onText(socket, data, last):
 * Optional<MessageJoiner.Joined> joined = joiner.add(data, last);
 * // empty: a fragment, ask for the next one; Message: a whole message; Oversized: dropped, report it
 * }</pre>
 */
package io.earshot.source.socket;
