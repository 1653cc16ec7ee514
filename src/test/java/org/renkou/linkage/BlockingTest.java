package org.renkou.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which pairs are compared: each pair sharing a block once, and the blocks that catch each kind of error. */
class BlockingTest {
    static final LocalDate BORN = LocalDate.of(1990, 4, 12);

    static LinkRecord p(long id, String name, String idNumber, String sex, LocalDate born, String household) {
        return LinkRecord.of(id, name, idNumber, sex, born, household, "430105", "V1", null);
    }

    static List<String> pairs(Blocking blocking) {
        List<String> pairs = new ArrayList<>();
        long n = blocking.forEachPair(r -> true, (a, b) -> pairs.add(Math.min(a.id(), b.id()) + "-" + Math.max(a.id(), b.id())));
        assertThat(n).isEqualTo(pairs.size());
        return pairs;
    }

    @Test
    void aPairSharingEveryBlockIsComparedOnce() {
        Blocking blocking = new Blocking();
        String id = ComparisonTest.id("43010519900412002");
        blocking.add(p(1, "王秀英", id, "2", BORN, "H1"));
        blocking.add(p(2, "王秀英", id.substring(0, 17) + "0", "2", BORN, "H1"));
        assertThat(pairs(blocking)).containsExactly("1-2");
    }

    @Test
    void aDigitOfTheYearOffIsCaughtByNameAndDayOfYear() {
        Blocking blocking = new Blocking();
        blocking.add(p(1, "王秀英", null, "2", BORN, "H1"));
        blocking.add(p(2, "王绣英", null, "2", BORN.withYear(1980), "H2"));
        assertThat(pairs(blocking)).containsExactly("1-2");
    }

    @Test
    void aDayOrMonthOffIsCaughtByNameAndYear() {
        Blocking blocking = new Blocking();
        blocking.add(p(1, "陈伟", null, "1", BORN, "H1"));
        blocking.add(p(2, "陳偉", null, "1", LocalDate.of(1990, 12, 4), "H2"));
        assertThat(pairs(blocking)).containsExactly("1-2");
    }

    @Test
    void aBirthDateAloneBlocksOneSexOnlyButTheNameStillPairsBoth() {
        Blocking blocking = new Blocking();
        blocking.add(p(1, "王秀英", null, "2", BORN, "H1"));
        blocking.add(p(2, "李强", null, "1", BORN, "H2"));
        blocking.add(p(3, "赵敏", null, "2", BORN, "H3"));
        blocking.add(p(4, "王秀英", null, "1", BORN, "H4"));
        assertThat(pairs(blocking)).containsExactlyInAnyOrder("1-3", "1-4", "2-4");
    }

    @Test
    void recordsSharingNothingAreNotCompared() {
        Blocking blocking = new Blocking();
        blocking.add(p(1, "王秀英", null, "2", BORN, "H1"));
        blocking.add(p(2, "王秀英", null, "2", BORN.plusYears(3).plusDays(5), "H2"));
        assertThat(pairs(blocking)).isEmpty();
    }

    @Test
    void onlyPairsWithOneOfTheAreaAreCompared() {
        Blocking blocking = new Blocking();
        blocking.add(p(1, "王秀英", null, "2", BORN, "H1"));
        blocking.add(p(2, "王秀英", null, "2", BORN, "H2"));
        blocking.add(p(3, "王秀英", null, "2", BORN, "H3"));
        List<String> pairs = new ArrayList<>();
        blocking.forEachPair(r -> r.id() == 3, (a, b) -> pairs.add(Math.min(a.id(), b.id()) + "-" + Math.max(a.id(), b.id())));
        assertThat(pairs).containsExactlyInAnyOrder("1-3", "2-3");
    }

    @Test
    void aBlockTooLargeToSayAnythingIsNotComparedButItsPairsMayShareAnother() {
        Blocking blocking = new Blocking();
        for (int i = 0; i <= Blocking.LARGEST_BLOCK; i++) {
            blocking.add(p(i + 1, "X" + i, null, "2", LocalDate.of(1950, 1, 1), null));
        }
        blocking.add(p(10_000, "X7", null, "2", LocalDate.of(1950, 1, 1), null));
        assertThat(pairs(blocking)).containsExactly("8-10000");
        assertThat(blocking.pairsOfKind('d')).isZero();
        assertThat(blocking.pairsOfKind('p')).isEqualTo(1);
    }
}
