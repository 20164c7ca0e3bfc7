package io.earshot.inbox.reply;

import io.earshot.domain.Network;
import java.net.URI;
import java.util.Objects;

/** What it takes to post as a connected account. Never returned by the API; stored only encrypted. */
public sealed interface Credentials {

    Network network();

    /** The server the account lives on (a Mastodon instance, a Bluesky PDS): not a secret. */
    URI server();

    /** A Mastodon access token with the {@code write:statuses} and {@code read} scopes. */
    record Mastodon(URI instance, String token) implements Credentials {
        public Mastodon {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw new IllegalArgumentException("a Mastodon account needs a \"token\" (an access token with the"
                        + " read and write:statuses scopes, from Preferences > Development)");
            }
        }

        @Override
        public Network network() {
            return Network.MASTODON;
        }

        @Override
        public URI server() {
            return instance;
        }
    }

    /** A Bluesky handle and an app password (Settings > Privacy and security > App passwords). */
    record Bluesky(URI pds, String handle, String appPassword) implements Credentials {
        public Bluesky {
            Objects.requireNonNull(pds, "pds");
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(appPassword, "appPassword");
            if (handle.isBlank() || appPassword.isBlank()) {
                throw new IllegalArgumentException("a Bluesky account needs a \"handle\" and an \"appPassword\""
                        + " (Settings > Privacy and security > App passwords)");
            }
        }

        @Override
        public Network network() {
            return Network.BLUESKY;
        }

        @Override
        public URI server() {
            return pds;
        }
    }
}
