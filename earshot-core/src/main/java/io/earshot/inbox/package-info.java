/**
 * The shared inbox: every mention reaches the team that owns it, and is answered in the open.
 *
 * <p>A {@link io.earshot.inbox.Case} is a conversation: the mention that opened it and every later post of its
 * thread, grouped by the thread's root. {@link io.earshot.inbox.CaseIntake} listens to the ingest pipeline after
 * the durable commit ({@link io.earshot.ingest.MentionListener}), on its own thread: a post whose thread has a case
 * joins it (a pending or resolved case reopens), any other mention is routed by the ordered
 * {@link io.earshot.inbox.RoutingRule routing rules} ({@link io.earshot.inbox.Router}: first match or all matches;
 * {@code when} is the topic language plus {@code sentiment:}, {@code emotion:}, {@code followers:>N},
 * {@code is:question}, {@code is:complaint}) and opens a case with a team, a priority, tags and an assignee
 * ({@link io.earshot.inbox.Assigner}: a user, round robin, least busy).
 *
 * <p>{@link io.earshot.inbox.CaseService} reads queues with each case's {@link io.earshot.inbox.SlaState} (first
 * response and resolution targets per team and priority, counted in the team's
 * {@link io.earshot.inbox.BusinessHours} with its time zone's rules, so clock changes are exact) and applies the
 * {@link io.earshot.inbox.CaseChange changes} people make, each with a line of history naming who did it.
 * {@link io.earshot.inbox.SlaWatch} flags breaches once; {@link io.earshot.inbox.Presence} says who is viewing or
 * replying; {@link io.earshot.inbox.CannedReply} fills variables into saved answers.
 *
 * <p>Replies to the networks are in {@code io.earshot.inbox.reply}, people in {@code io.earshot.inbox.contact},
 * results in {@code io.earshot.inbox.metrics}. Storage is behind {@link io.earshot.inbox.CaseStore} and
 * {@link io.earshot.inbox.InboxDefinitions}; the server's {@code io.earshot.server.inbox} wires it all. The intake
 * takes mentions in 25 at a time in one transaction ({@link io.earshot.inbox.Commits}), holding every case's
 * lock while it does, so a person's change to a case waits for the group instead of racing it; a group the store
 * refuses is taken in again one mention at a time, so one bad mention costs only its own case.
 */
package io.earshot.inbox;
