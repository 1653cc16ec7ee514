package org.renkou.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renkou.health.BirthOrder.EarlierChild;

/** Hunan's birth order: children of a former marriage, adopted and deceased children do not count. */
class BirthOrderTest {
    private static final LocalDate BIRTH = LocalDate.of(2020, 6, 1);

    private static EarlierChild own(String born) {
        return new EarlierChild(LocalDate.parse(born), false, false, null);
    }

    @Test
    void aFirstChildIsOrderOne() {
        assertThat(BirthOrder.of(BIRTH, List.of())).isEqualTo(1);
    }

    @Test
    void ownLivingChildrenBornBeforeCount() {
        assertThat(BirthOrder.of(BIRTH, List.of(own("2015-01-01"), own("2017-03-03")))).isEqualTo(3);
    }

    @Test
    void formerMarriageAdoptedAndDeceasedChildrenDoNotCount() {
        assertThat(BirthOrder.of(BIRTH, List.of(
                new EarlierChild(LocalDate.parse("2010-01-01"), true, false, null),
                new EarlierChild(LocalDate.parse("2012-01-01"), false, true, null),
                new EarlierChild(LocalDate.parse("2014-01-01"), false, false, LocalDate.parse("2016-01-01")),
                own("2017-01-01")))).isEqualTo(2);
    }

    @Test
    void aChildWhoDiedOnlyAfterThisBirthStillCounts() {
        assertThat(BirthOrder.of(BIRTH, List.of(new EarlierChild(LocalDate.parse("2015-01-01"), false, false,
                BIRTH.plusDays(1))))).isEqualTo(2);
        assertThat(BirthOrder.of(BIRTH, List.of(new EarlierChild(LocalDate.parse("2015-01-01"), false, false,
                BIRTH)))).as("died the same day: no longer living at the birth").isEqualTo(1);
    }

    @Test
    void twinsShareOneOrderAndLaterChildrenDoNotCount() {
        assertThat(BirthOrder.of(BIRTH, List.of(own("2016-01-01"), own(BIRTH.toString())))).isEqualTo(2);
        assertThat(BirthOrder.of(BIRTH, List.of(own("2022-01-01")))).isEqualTo(1);
    }
}
