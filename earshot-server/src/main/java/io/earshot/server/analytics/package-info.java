/**
 * The analytics routes ({@code /api/v1/analytics/volume}, {@code share-of-voice}, {@code top}, {@code trending},
 * {@code compare}): query parameters in, {@link io.earshot.analytics.MentionAnalytics} aggregates out, as JSON
 * or CSV that is safe to open in a spreadsheet. Reference with examples: {@code docs/api.md}, "Analytics".
 */
package io.earshot.server.analytics;
