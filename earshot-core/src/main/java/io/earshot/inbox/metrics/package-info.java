/**
 * Outcome metrics of the inbox: first-response and resolution times per team and person, SLA compliance,
 * detractors won back (count and rate), and authors' sentiment in the 30 days after the team's first reply
 * compared with the 30 days before, with the exact two-sided {@link io.earshot.inbox.metrics.SignTest sign test}.
 */
package io.earshot.inbox.metrics;
