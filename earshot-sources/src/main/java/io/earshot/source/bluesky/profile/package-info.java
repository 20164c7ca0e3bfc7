/**
 * Who wrote it: Bluesky authors' display names and follower counts, from the public
 * {@code app.bsky.actor.getProfile}, cached and rate-limited so that ingestion never waits for them.
 *
 * <h2>Use it</h2>
 *
 * <pre>{@code
 * try (BlueskyProfiles profiles = new BlueskyProfiles(ProfileConfig.defaults())) {
 *     profiles.profile("did:plc:z72i7hdynmk6r22z27h6tvur")
 *             .ifPresent(p -> System.out.println(p.handle() + " " + p.followers()));
 *     // prints e.g. "bsky.app 32981004"
 *     profiles.cached(did);    // what is known, with no request at all
 *     profiles.errors();       // failed requests so far, for the status and /metrics
 * }
 * }</pre>
 *
 * {@link io.earshot.source.bluesky.profile.ProfileConfig#defaults()} asks {@code https://public.api.bsky.app}
 * (change it with {@code withBase(...)}, e.g. for a mirror or {@code http://127.0.0.1:PORT} in tests), keeps up to
 * 50,000 profiles for 6 h, remembers unknown accounts (HTTP 404, or 400 with an XRPC {@code error} such as
 * {@code InvalidRequest}) for 10 min, and sends at most 10 requests a second.
 *
 * <h2>Never in the way</h2>
 *
 * {@code profile(did)} answers from the cache while the entry is fresh. Otherwise it fetches, but only if the
 * token bucket has a token: when it has none it does not wait, it returns the last known profile (stale) or
 * empty, and a later call fetches. A fetch blocks its caller for at most {@code requestTimeout} (5 s); call
 * {@code cached(did)} on paths that must never do I/O.
 *
 * <h2>When things go wrong</h2>
 *
 * An HTTP 429 pauses every request until its {@code RateLimit-Reset} (epoch seconds, as Bluesky sends it) or
 * {@code Retry-After}, else for 30 s, and at most 1 h. Timeouts, refused connections, 5xx, malformed JSON and
 * answers over 1 MiB are counted in {@code errors()}, logged at most once a minute, e.g.
 * {@code bluesky profiles: cannot get did:plc:… from https://public.api.bsky.app: HTTP 502 (3 failure(s) since
 * the last warning)}, and never thrown: the call returns the last known profile or empty, and nothing is cached,
 * so the next call (given a token) tries again.
 */
package io.earshot.source.bluesky.profile;
