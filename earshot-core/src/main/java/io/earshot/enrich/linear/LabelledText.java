package io.earshot.enrich.linear;

import java.util.Objects;

/**
 * A text with its label: a training example, or a person's correction of a mention's label.
 *
 * @param id the example's id in its data set, or empty when it has none
 */
public record LabelledText(String id, String label, String text) {

    public LabelledText {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
    }

    /** A labelled text with no id (a correction, a line of a file without ids). */
    public static LabelledText of(String label, String text) {
        return new LabelledText("", label, text);
    }
}
