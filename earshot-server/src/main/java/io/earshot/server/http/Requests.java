package io.earshot.server.http;

import io.javalin.http.Context;
import java.util.Optional;

/** Small helpers for reading query parameters with clear errors. */
public final class Requests {

    private Requests() {}

    public static Optional<String> param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
        Optional<String> value = param(ctx, name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get().strip());
            if (parsed < min || parsed > max) {
                throw new BadRequestException(
                        "'" + name + "' must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadRequestException("'" + name + "' must be a whole number, got '" + value.get() + "'");
        }
    }

    public static long idParam(Context ctx, String name) {
        String value = ctx.pathParam(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new NotFoundException("no " + name + " '" + value + "': ids are numbers");
        }
    }

    public static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}
