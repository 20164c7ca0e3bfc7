/**
 * The analytics benchmark ({@code earshot bench analytics [--mentions N]}): p50/p95 of each analytics query over
 * synthetic mentions in a Lucene archive on disk. Figures and the command are in {@code docs/benchmarks.md}.
 */
package io.earshot.bench.analytics;
