package io.earshot.ingest;

import io.earshot.domain.Author;

/**
 * What is known of an author's public profile (display name, audience), for networks whose posts do not
 * carry it (Bluesky). Never blocks ingestion: an unknown profile is looked up in the background and shows
 * on the author's later posts.
 */
@FunctionalInterface
public interface AuthorProfiles {

    /** No profile lookups: authors stay as the wire format gave them. */
    AuthorProfiles NONE = author -> author;

    /** The author with the profile facts known so far. */
    Author complete(Author author);
}
