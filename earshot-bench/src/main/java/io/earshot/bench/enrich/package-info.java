/**
 * The enrichment benchmark: {@link io.earshot.bench.enrich.EnrichBench} measures posts per second for
 * sentiment alone and for the full enrichment, on one thread and on all cores, over real tweets, and
 * prints the JSON line that {@code earshot bench enrich} prints. Results and how they were taken are in
 * docs/enrichment.md.
 */
package io.earshot.bench.enrich;
