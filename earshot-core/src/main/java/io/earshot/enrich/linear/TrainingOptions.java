package io.earshot.enrich.linear;

/**
 * How {@link LinearTrainer} fits a model.
 *
 * @param epochs passes over the training set
 * @param learningRate AdaGrad's base step
 * @param l2 L2 penalty, applied to the weights an example touches
 * @param classBalance 0 weighs every example alike; 1 weighs each class inversely to its size (what
 *     macro-averaged metrics reward); values between soften it
 * @param seed the seed of the shuffles: the same data, options and seed give the same model, bit for bit
 */
public record TrainingOptions(int epochs, float learningRate, float l2, float classBalance, long seed) {

    public TrainingOptions {
        if (epochs < 1 || epochs > 1000) {
            throw new IllegalArgumentException("epochs must be within 1..1000");
        }
        if (!(learningRate > 0) || !(l2 >= 0) || !(classBalance >= 0 && classBalance <= 1)) {
            throw new IllegalArgumentException("need learningRate > 0, l2 >= 0 and classBalance within 0..1");
        }
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(epochs, learningRate, l2, classBalance, newSeed);
    }
}
