package io.earshot.project;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a team listens for, as one unit: its brand's topics, each competitor's topic, and other topics it
 * follows (the industry, a campaign). Share of voice compares {@link #brand} with {@link #competitors};
 * dashboards, advocates and detractors are per project.
 *
 * @param brand the topics about the project's own brand (at least one)
 * @param competitors one topic per competitor
 * @param others topics followed for context: industry, campaigns
 */
public record Project(
        long id,
        String name,
        List<Long> brand,
        List<Long> competitors,
        List<Long> others,
        Instant createdAt,
        Instant updatedAt) {

    public Project {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a project needs a \"name\" of 1 to 200 characters");
        }
        brand = List.copyOf(brand);
        competitors = List.copyOf(competitors);
        others = List.copyOf(others);
        if (brand.isEmpty()) {
            throw new IllegalArgumentException("a project needs at least one brand topic in \"brand\"");
        }
        Set<Long> seen = new HashSet<>();
        // the fields are assigned after this constructor's body: read its parameters
        for (long topic :
                Stream.of(brand, competitors, others).flatMap(List::stream).toList()) {
            if (!seen.add(topic)) {
                throw new IllegalArgumentException(
                        "topic " + topic + " is named twice in the project; a topic plays one part");
            }
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Every topic of the project: brand, competitors, others. */
    public List<Long> allTopics() {
        return Stream.of(brand, competitors, others).flatMap(List::stream).toList();
    }

    /** The project's parts, without id and times: what is created and updated. */
    public record Definition(String name, List<Long> brand, List<Long> competitors, List<Long> others) {
        public Definition {
            Objects.requireNonNull(name, "name");
            brand = List.copyOf(brand);
            competitors = List.copyOf(competitors);
            others = List.copyOf(others);
        }
    }
}
