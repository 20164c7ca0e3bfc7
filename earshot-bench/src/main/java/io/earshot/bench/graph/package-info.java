/**
 * The interaction graph load check: {@link io.earshot.bench.graph.GraphReplayBench} replays the Higgs stream
 * (563,069 real interactions) into a fresh SQLite state store in batches and prints edges per second and the
 * database size. The figures and the command that took them are in docs/benchmarks.md, "Interaction graph".
 */
package io.earshot.bench.graph;
