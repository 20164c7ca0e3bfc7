package io.earshot.server.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Bearer tokens: read from the request, compared in constant time. */
public final class Tokens {

    private Tokens() {}

    /** The bearer token the request presents, or "" when none. */
    public static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : "";
    }

    public static boolean same(String expected, String presented) {
        return !presented.isEmpty()
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
