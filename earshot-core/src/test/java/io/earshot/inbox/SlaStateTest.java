package io.earshot.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.PostKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaStateTest {

    private static final Team SUPPORT = new Team(
            "support",
            "Support",
            List.of("ana"),
            BusinessHours.weekdays(ZoneId.of("Europe/Paris"), BusinessHours.Window.parse("09:00-17:00")),
            Map.of(Priority.HIGH, SlaTarget.of(Duration.ofHours(2), Duration.ofHours(8))),
            false);

    /** Opened Friday 27 Nov 2026, 16:00 in Paris. */
    private static final Instant OPENED = Instant.parse("2026-11-27T15:00:00Z");

    private static Case opened() {
        PostKey key = PostKey.parse("bluesky:did:plc:alice:3k1");
        return new Case(
                1,
                key,
                key,
                "bluesky:did:plc:alice",
                Optional.of("support"),
                Optional.empty(),
                CaseStatus.NEW,
                Priority.HIGH,
                Set.of(),
                OPENED,
                OPENED,
                OPENED,
                Optional.of(OPENED),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void timeRemainingIsWorkingTimeAndRunsOverTheWeekend() {
        SlaState friday = SlaState.of(opened(), Optional.of(SUPPORT), OPENED.plus(Duration.ofMinutes(30)));
        assertThat(friday.response().orElseThrow().remaining()).isEqualTo(Duration.ofMinutes(90));
        assertThat(friday.standing()).isEqualTo(SlaState.Standing.OK);
        // Saturday: the clock stands still
        SlaState saturday = SlaState.of(opened(), Optional.of(SUPPORT), Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(saturday.response().orElseThrow().remaining()).isEqualTo(Duration.ofHours(1));
        assertThat(saturday.response().orElseThrow().due()).contains(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @Test
    void atRiskInTheLastQuarterThenBreached() {
        assertThat(SlaState.of(opened(), Optional.of(SUPPORT), Instant.parse("2026-11-30T08:40:00Z"))
                        .standing())
                .isEqualTo(SlaState.Standing.AT_RISK);
        SlaState late = SlaState.of(opened(), Optional.of(SUPPORT), Instant.parse("2026-11-30T09:30:00Z"));
        assertThat(late.standing()).isEqualTo(SlaState.Standing.BREACHED);
        assertThat(late.response().orElseThrow().remaining()).isEqualTo(Duration.ofMinutes(-30));
    }

    @Test
    void aReplyInTimeMeetsTheResponseTarget() {
        Case answered = opened().withResponse(Instant.parse("2026-11-30T08:10:00Z"));
        SlaState state = SlaState.of(answered, Optional.of(SUPPORT), Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(state.response().orElseThrow().running()).isFalse();
        assertThat(state.response().orElseThrow().breached()).isFalse();
        // resolution: 8 working hours from Friday 16:00 ran out on Monday 16:00 local
        assertThat(state.resolution().orElseThrow().breached()).isTrue();
    }

    @Test
    void noTeamOrNoTargetMeansNoSla() {
        assertThat(SlaState.of(opened().withTeam(Optional.empty()), Optional.empty(), OPENED)
                        .standing())
                .isEqualTo(SlaState.Standing.NONE);
        assertThat(SlaState.of(opened().withPriority(Priority.LOW), Optional.of(SUPPORT), OPENED)
                        .standing())
                .isEqualTo(SlaState.Standing.NONE);
    }

    @Test
    void aNewMessageReopensAResolvedCaseAndRestartsItsClocks() {
        Instant later = Instant.parse("2026-12-02T10:00:00Z");
        Case resolved =
                opened().withResponse(OPENED.plusSeconds(60)).withStatus(CaseStatus.RESOLVED, OPENED.plusSeconds(120));
        Case reopened = resolved.withInbound(later);
        assertThat(reopened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(reopened.cycleStartedAt()).isEqualTo(later);
        assertThat(reopened.awaitingSince()).contains(later);
        assertThat(opened().withStatus(CaseStatus.PENDING, OPENED)
                        .withInbound(later)
                        .status())
                .isEqualTo(CaseStatus.OPEN);
        assertThat(opened().withInbound(later).status()).isEqualTo(CaseStatus.NEW);
    }
}
