package io.earshot.inbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SignTestTest {

    @Test
    void matchesTheBinomialTables() {
        // 9 of 10 improved: P = 2 * (C(10,0) + C(10,1)) / 2^10 = 22 / 1024
        assertThat(SignTest.pValue(9, 1)).isCloseTo(22.0 / 1024, within(1e-12));
        assertThat(SignTest.pValue(5, 5)).isEqualTo(1.0);
        assertThat(SignTest.pValue(0, 0)).isEqualTo(1.0);
        assertThat(SignTest.pValue(3, 0)).isCloseTo(0.25, within(1e-12));
        assertThat(SignTest.pValue(60, 40)).isCloseTo(0.0569, within(5e-4));
    }
}
