/**
 * The influence benchmark: {@link io.earshot.bench.influence.InfluenceBench} times a full computation of every
 * account's influence on a real interaction stream and an incremental update. Run it with {@code earshot bench
 * influence --graph FILE}; docs/benchmarks.md has the figures.
 */
package io.earshot.bench.influence;
