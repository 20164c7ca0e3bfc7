package io.earshot.embedded.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.domain.Mention;
import io.earshot.testkit.contract.ContractPosts;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MentionCodecTest {

    @Test
    void roundTripsPostAndMatchesExactly() {
        for (Mention mention : new Mention[] {ContractPosts.everyField(), ContractPosts.noOptionalField()}) {
            MentionCodec.Stored decoded = MentionCodec.decode(MentionCodec.encode(mention.post(), mention.matches()));
            assertThat(decoded.post()).isEqualTo(mention.post());
            assertThat(decoded.matches()).isEqualTo(mention.matches());
        }
    }

    @Test
    void damagedPayloadsAreReportedNotMisread() {
        Mention mention = ContractPosts.everyField();
        byte[] bytes = MentionCodec.encode(mention.post(), mention.matches());
        assertThatThrownBy(() -> MentionCodec.decode(Arrays.copyOf(bytes, bytes.length / 2)))
                .isInstanceOf(MentionCodec.DamagedPayloadException.class)
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> MentionCodec.decode(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(MentionCodec.DamagedPayloadException.class);
        byte[] future = bytes.clone();
        future[0] = 2;
        assertThatThrownBy(() -> MentionCodec.decode(future))
                .isInstanceOf(MentionCodec.DamagedPayloadException.class)
                .hasMessageContaining("format version 2");
        assertThatThrownBy(() -> MentionCodec.decode(new byte[0]))
                .isInstanceOf(MentionCodec.DamagedPayloadException.class);
    }
}
