/**
 * Sentiment — positive, neutral or negative — with a probability.
 *
 * <pre>{@code
 * SentimentClassifier classifier = SentimentClassifier.shipped();
 * classifier.classify("not good :(");          // Sentiment[label=NEGATIVE, score=0.95]
 *
 * // Retrain (what `earshot train sentiment --data FILE.tsv --out MODEL` runs), with people's corrections:
 * TrainingReport report = SentimentTrainer.train(tsv, Path.of("model.bin"), 42L,
 *         List.of(LabelledText.of("negative", "great, another outage")));
 * System.out.print(report.format());           // counts, held-out macro-recall, confusion matrix
 * SentimentClassifier mine = new SentimentClassifier(SentimentModel.load(Path.of("model.bin")));
 * }</pre>
 *
 * <p>The shipped model ({@value io.earshot.enrich.sentiment.SentimentModel#RESOURCE}, 3 MB) was trained on
 * the 49,570 SemEval 2013–2016 tweets less a held-out tenth, on which it scores 0.680 macro-recall (VADER:
 * 0.57, SVM: 0.63 on the benchmark's test set). It reads English; other languages get low-confidence
 * answers that lean neutral.
 */
package io.earshot.enrich.sentiment;
