package io.earshot.server.inbox;

import io.earshot.server.http.BadRequestException;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * Who is acting, for the history: the signed-in user the web app puts on the request (attribute
 * {@value #ATTRIBUTE}), else the {@value #HEADER} header (scripts, and until sign-in lands), else {@code api}.
 */
public final class Actors {

    /** The request attribute the web app's authentication sets to the user's name. */
    public static final String ATTRIBUTE = "earshot.user";

    /** The header scripts use to say who they act for. */
    public static final String HEADER = "X-Earshot-User";

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,64}");

    private Actors() {}

    public static String of(Context ctx) {
        Object signedIn = ctx.attribute(ATTRIBUTE);
        if (signedIn instanceof String user && !user.isBlank()) {
            return user;
        }
        String header = ctx.header(HEADER);
        if (header == null || header.isBlank()) {
            return "api";
        }
        String name = header.strip();
        if (!NAME.matcher(name).matches()) {
            throw new BadRequestException(
                    HEADER + " is a user name (letters, digits, . _ @ + -, at most 64), got '" + name + "'");
        }
        return name;
    }
}
