/**
 * Webhook formats: {@link io.earshot.source.webhook.GenericPostMapper} reads the documented generic
 * {@code post} JSON that any system can send to {@code POST /api/v1/ingest?format=post}.
 */
package io.earshot.source.webhook;
