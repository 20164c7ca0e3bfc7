package io.earshot.inbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A saved answer with variables: {@code {{author.name}}}, {@code {{author.handle}}}, {@code {{agent}}},
 * {@code {{team}}}, {@code {{case.id}}}. A variable with a fallback, {@code {{author.name|there}}}, never fails.
 */
public record CannedReply(long id, String name, String text, List<String> teams) {

    /** The variables a template may use. */
    public static final Set<String> VARIABLES = Set.of("author.name", "author.handle", "agent", "team", "case.id");

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z.]+)\\s*(?:\\|([^}]*))?}}");

    public CannedReply {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        teams = List.copyOf(teams);
        if (name.isBlank() || text.isBlank()) {
            throw new IllegalArgumentException("a canned reply needs a \"name\" and a \"text\"");
        }
        List<String> unknown = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            if (!VARIABLES.contains(matcher.group(1))) {
                unknown.add(matcher.group(1));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown variable(s) " + unknown + " in canned reply \"" + name
                    + "\"; known: " + VARIABLES.stream().sorted().toList());
        }
    }

    /**
     * The text with its variables filled in.
     *
     * @throws IllegalArgumentException naming the variables with no value and no fallback
     */
    public String render(Map<String, String> values) {
        Set<String> missing = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null || value.isBlank()) {
                value = matcher.group(2);
            }
            if (value == null) {
                missing.add(matcher.group(1));
                value = "";
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.strip()));
        }
        matcher.appendTail(out);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("canned reply \"" + name + "\" needs " + missing
                    + ", which this case does not know; write the reply by hand or add a fallback like"
                    + " {{author.name|there}}");
        }
        return out.toString();
    }
}
