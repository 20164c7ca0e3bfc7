/**
 * Benchmarks. {@link io.earshot.bench.MatchBench} measures live topic matching against a naive Lucene
 * Monitor baseline on real tweet text and prints one JSON line; {@code earshot bench match --topics N
 * --posts M --threads T} runs it. Results and how they were taken are in docs/benchmarks.md.
 */
package io.earshot.bench;
