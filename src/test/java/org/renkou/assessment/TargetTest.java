package org.renkou.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renkou.assessment.Target.Comparison;
import org.renkou.assessment.Target.Rule;

/** How a target gives points, and how units are ranked. */
class TargetTest {
    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void allOrNothingGivesTheWholeWeightOnlyWhenMet() {
        Target t = new Target("POLICY_BIRTH_RATE", Comparison.GE, d("99"), null, 25, Rule.ALL_OR_NOTHING);
        assertThat(t.points(d("99.0"))).isEqualByComparingTo("25");
        assertThat(t.points(d("100"))).isEqualByComparingTo("25");
        assertThat(t.points(d("98.9"))).isEqualByComparingTo("0");
        assertThat(t.met(d("98.9"))).isFalse();
    }

    @Test
    void proRataCountsBetweenTheFloorAndTheTarget() {
        Target ge = new Target("CHECK_RATE", Comparison.GE, d("98"), d("90"), 20, Rule.PRO_RATA);
        assertThat(ge.points(d("94"))).isEqualByComparingTo("10.0");
        assertThat(ge.points(d("97.2"))).isEqualByComparingTo("18.0");
        assertThat(ge.points(d("90"))).isEqualByComparingTo("0");
        assertThat(ge.points(d("80"))).isEqualByComparingTo("0");
        assertThat(ge.points(d("99"))).isEqualByComparingTo("20");
        Target le = new Target("SEX_RATIO_AT_BIRTH", Comparison.LE, d("110"), d("130"), 10, Rule.PRO_RATA);
        assertThat(le.points(d("120"))).isEqualByComparingTo("5.0");
        assertThat(le.points(d("135"))).isEqualByComparingTo("0");
        assertThat(le.points(d("104"))).isEqualByComparingTo("10");
    }

    @Test
    void equalMeansEqualWhateverTheScale() {
        Target t = new Target("CONTRACEPTION_RATE", Comparison.EQ, d("100"), null, 10, Rule.ALL_OR_NOTHING);
        assertThat(t.met(d("100.0"))).isTrue();
        assertThat(t.met(d("99.9"))).isFalse();
    }

    @Test
    void nothingToCountCannotHaveBeenMissed() {
        Target t = new Target("POLICY_BIRTH_RATE", Comparison.GE, d("99"), null, 25, Rule.ALL_OR_NOTHING);
        assertThat(t.met(null)).isTrue();
        assertThat(t.points(null)).isEqualByComparingTo("25");
    }

    @Test
    void equalScoresShareARankAndUnitsWithoutAnAgreementComeLast() {
        Assessment.Item item = new Assessment.Item("X", "x", "≥", d("1"), d("1"), true, 1, d("1"));
        List<Assessment> ranked = AssessmentService.ranked(List.of(
                new Assessment("430105100203", "c", d("90.0"), 0, List.of(item)),
                new Assessment("430105100201", "a", d("95.0"), 0, List.of(item)),
                new Assessment("430105100204", "d", d("0"), 0, List.of()),
                new Assessment("430105100202", "b", d("90.0"), 0, List.of(item)),
                new Assessment("430105100205", "e", d("80.0"), 0, List.of(item))));
        assertThat(ranked).extracting(Assessment::areaName).containsExactly("a", "b", "c", "e", "d");
        assertThat(ranked).extracting(Assessment::rank).containsExactly(1, 2, 2, 4, 0);
    }
}
