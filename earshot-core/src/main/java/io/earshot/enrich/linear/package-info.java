/**
 * The learning machinery the tasks share: a multinomial logistic regression over hashed features
 * ({@link io.earshot.enrich.linear.LinearModel}), its AdaGrad trainer
 * ({@link io.earshot.enrich.linear.LinearTrainer}), labelled TSV files
 * ({@link io.earshot.enrich.linear.LabelledFiles}) and the held-out rule
 * ({@link io.earshot.enrich.linear.HeldOut}).
 *
 * <p>Everything here is deterministic: the same data, options and seed give a model file with the same
 * bytes, on any JVM (fixed iteration orders, seeded shuffles, {@code StrictMath} where results could
 * otherwise differ between processors).
 *
 * <pre>{@code
 * TextTrainer.Fit fit = TextTrainer.fit("sentiment", labels, spec, options, training, heldOut);
 * fit.evaluation().ifPresent(e -> System.out.print(e.format()));
 * fit.model().save(Path.of("model.bin"));
 * }</pre>
 */
package io.earshot.enrich.linear;
