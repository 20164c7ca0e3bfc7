package io.earshot.server.inbox;

import io.earshot.server.account.Gate;
import io.earshot.server.account.Principal;
import io.earshot.server.http.BadRequestException;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is acting, for the history: the person logged in to the web app (their session), else a name put on the
 * request (attribute {@value #ATTRIBUTE}), else the {@value #HEADER} header (scripts with an API token, an open
 * install), else {@code api}. A session never takes the header: a responder cannot write history as someone else.
 */
public final class Actors {

    /** The request attribute the web app's authentication sets to the user's name. */
    public static final String ATTRIBUTE = "earshot.user";

    /** The header scripts use to say who they act for. */
    public static final String HEADER = "X-Earshot-User";

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,64}");

    private Actors() {}

    public static String of(Context ctx) {
        Optional<Principal> caller = Gate.caller(ctx);
        if (caller.isPresent() && caller.get().kind() == Principal.Kind.SESSION) {
            return caller.get().name();
        }
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
