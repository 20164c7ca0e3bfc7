package io.earshot.enrich.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.enrich.Evaluation;
import io.earshot.enrich.emotion.EmotionModel;
import io.earshot.enrich.sentiment.SentimentModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearModelTest {

    @Test
    void savesAndLoadsToTheSameBytes() {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        EmotionModel.shipped().save(first);
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        EmotionModel.load(new ByteArrayInputStream(first.toByteArray())).save(second);
        assertThat(second.toByteArray()).isEqualTo(first.toByteArray());
    }

    @Test
    void refusesWhatIsNotAModelOfTheRightKind() {
        assertThatThrownBy(() -> LinearModel.load(new ByteArrayInputStream(new byte[] {0, 3, 'a', 'b', 'c', 1})))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("not an Earshot model");
        assertThatThrownBy(() -> LinearModel.load(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("truncated");
        ByteArrayOutputStream emotion = new ByteArrayOutputStream();
        EmotionModel.shipped().save(emotion);
        byte[] bytes = emotion.toByteArray();
        assertThatThrownBy(() -> LinearModel.load(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length / 2))))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> SentimentModel.load(new ByteArrayInputStream(bytes)))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("not a sentiment model");
    }

    @Test
    void heldOutRuleIsStableAndTakesAboutATenth() {
        assertThat(HeldOut.part(new LabelledText("260097528899452929", "neutral", "x")))
                .isEqualTo(HeldOut.part(new LabelledText("260097528899452929", "positive", "other text")));
        int held = 0;
        for (int i = 0; i < 10_000; i++) {
            held += HeldOut.contains(new LabelledText(Integer.toString(i), "x", "")) ? 1 : 0;
        }
        assertThat(held).isBetween(900, 1_100);
    }

    @Test
    void evaluationComputesMacroAveragesFromTheConfusionMatrix() {
        // gold:      a a a a b b c c
        // predicted: a a a b b c c a
        Evaluation evaluation = Evaluation.of(
                List.of("a", "b", "c"), new int[] {0, 0, 0, 0, 1, 1, 2, 2}, new int[] {0, 0, 0, 1, 1, 2, 2, 0});
        assertThat(evaluation.accuracy()).isEqualTo(5 / 8.0);
        assertThat(evaluation.recall(0)).isEqualTo(0.75);
        assertThat(evaluation.precision(0)).isEqualTo(0.75);
        assertThat(evaluation.macroRecall())
                .isCloseTo((0.75 + 0.5 + 0.5) / 3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(evaluation.f1(1)).isEqualTo(0.5);
        assertThat(evaluation.confusion(2, 0)).isEqualTo(1);
        assertThat(evaluation.format()).contains("macro-recall 0.5833").contains("confusion");
    }
}
