package io.earshot.graph;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of edges, oldest first. {@code next} is the cursor of the following page: absent when this page is
 * the last one so far (edges added later are found by asking again from the last edge's time).
 */
public record EdgePage(List<Edge> edges, Optional<String> next) {
    public EdgePage {
        edges = List.copyOf(edges);
        Objects.requireNonNull(next, "next");
    }
}
