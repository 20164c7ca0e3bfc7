/**
 * People, not handles: a {@link io.earshot.inbox.contact.Contact} is a person across networks, with every mention
 * and case, the sentiment of what they said over time, their audience, a VIP flag and private notes.
 *
 * <p>{@link io.earshot.inbox.contact.ContactService} hears every inbound message: each author gets a contact of
 * their own, and people merge them by hand ({@link io.earshot.inbox.contact.ContactService#suggestions} proposes
 * accounts with the same handle stem or display name on other networks). The status (advocate, neutral,
 * detractor) is the mean sentiment of the last 20 mentions within 90 days (at least +0.25 / at most -0.25); the
 * moment a detractor who was answered says something positive is recorded as won back, once per time they turned
 * detractor.
 */
package io.earshot.inbox.contact;
