package io.earshot.alert;

import java.util.List;

/**
 * Delivers fired alerts to their channels. {@link #send} must return at once (it is called on the alert
 * engine's thread): implementations write the deliveries to a durable outbox and send them on their own
 * threads, with retries; a delivery that still fails after the last try goes to the dead letters. A slow or
 * failing channel therefore never slows matching or ingestion.
 */
public interface AlertChannels {

    /** Queues one delivery per channel. */
    void send(FiredAlert alert, List<ChannelSpec> channels);

    /**
     * Checks a channel when a rule is saved: a URL that resolves to a private, loopback or link-local address
     * is refused unless the operator allowed it ({@code EARSHOT_ALLOW_PRIVATE_TARGETS=true}); email needs an
     * SMTP server configured.
     *
     * @throws IllegalArgumentException with the reason, shown to the user as a {@code 400}
     */
    void check(ChannelSpec channel);

    /** Channels that drop everything (headless commands, tests of the engine alone). */
    AlertChannels NONE = new AlertChannels() {
        @Override
        public void send(FiredAlert alert, List<ChannelSpec> channels) {}

        @Override
        public void check(ChannelSpec channel) {}
    };
}
