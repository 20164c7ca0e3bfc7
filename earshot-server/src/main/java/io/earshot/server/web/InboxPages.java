package io.earshot.server.web;

import io.earshot.server.account.Gate;
import io.earshot.server.account.Principal;
import io.earshot.server.http.NotFoundException;
import io.earshot.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The inbox pages: {@code /inbox} (a queue with filters and keyboard shortcuts, canned replies) and {@code
 * /inbox/cases/{id}} (one case: thread, controls, notes, history, SLA, the author as a contact, who else is on it,
 * the reply composer). Like every page, a frame whose data {@code /static/inbox.js} and {@code /static/case.js}
 * load from the inbox API with the user's session; the pages bring their own script and styles so the shared frame
 * stays as it is.
 */
final class InboxPages implements Routes {

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/inbox", ctx -> page(ctx, "Inbox", InboxBodies.queue(me(ctx))));
        routes.get("/inbox/cases/{id}", ctx -> {
            long id = caseId(ctx.pathParam("id"));
            page(ctx, "Case " + id, InboxBodies.caseView(id, me(ctx)), "case.js");
        });
    }

    private void page(Context ctx, String title, String body, String... scripts) {
        Principal principal = Gate.principal(ctx);
        // the frame loads app.js after main: these scripts wait for DOMContentLoaded, by which time it has run
        StringBuilder main = new StringBuilder("<link rel=\"stylesheet\" href=\"/static/inbox.css\">").append(body);
        main.append("<script src=\"/static/inbox.js\"></script>");
        for (String script : scripts) {
            main.append("<script src=\"/static/").append(script).append("\"></script>");
        }
        ctx.header("Cache-Control", "no-store");
        ctx.html(Layout.page(title, "/inbox", principal, main.toString()));
    }

    /** The name "assign to me" and collision use: the logged-in user, as the inbox API records them. */
    private static String me(Context ctx) {
        Principal principal = Gate.principal(ctx);
        return principal.kind() == Principal.Kind.SESSION ? principal.name() : "api";
    }

    private static long caseId(String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // a case id is a positive number; anything else is a page that does not exist
        }
        throw new NotFoundException("no case '" + text + "': case ids are numbers, see /inbox");
    }
}
