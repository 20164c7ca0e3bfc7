package io.earshot.server.config;

/** A mistake in the configuration; the message names the key and says what is expected. */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
