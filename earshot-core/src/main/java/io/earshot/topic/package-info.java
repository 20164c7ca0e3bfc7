/**
 * Topics: standing queries whose matches become mentions. {@link io.earshot.topic.TopicService} validates,
 * stores and hot-swaps them into the live matcher; {@link io.earshot.topic.TopicBackfill} applies a new or
 * edited topic to the posts already in the archive, and takes a removed topic off its mentions.
 */
package io.earshot.topic;
