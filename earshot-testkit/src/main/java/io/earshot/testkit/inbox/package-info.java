/** Test fixtures for the inbox: {@link io.earshot.testkit.inbox.InboxMentions} builds heard mentions. */
package io.earshot.testkit.inbox;
