package io.earshot.enrich.linear;

/** A model file that cannot be used: not a model, another format version, truncated or corrupt. */
public final class ModelFormatException extends RuntimeException {
    public ModelFormatException(String message) {
        super(message);
    }
}
