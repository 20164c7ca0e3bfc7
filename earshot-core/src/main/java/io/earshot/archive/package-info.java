/**
 * The mention archive port: full text, topic filters, newest-first pages and counts over the posts
 * Earshot keeps. The embedded home is a Lucene index on disk; OpenSearch later. Every implementation
 * runs the testkit's {@code MentionArchiveContract}.
 */
package io.earshot.archive;
