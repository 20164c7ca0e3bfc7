package io.earshot.server.http;

import io.javalin.config.RoutesConfig;

/** A feature's HTTP routes; each feature registers its own (DESIGN: routes belong to their feature). */
@FunctionalInterface
public interface Routes {
    void register(RoutesConfig routes);
}
