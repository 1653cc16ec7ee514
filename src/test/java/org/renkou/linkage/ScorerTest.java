package org.renkou.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.renkou.linkage.ComparisonTest.id;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The kinds of duplicates and look-alikes of DOMAIN.md ("Keeping the register right"), scored. */
class ScorerTest {
    static final LocalDate BORN = LocalDate.of(1990, 4, 12);
    final Scorer scorer = new Scorer(Weights.standard(), LinkageSettings.defaults());

    static LinkRecord p(String name, String id, String sex, LocalDate born, Long household, String hukou, String village,
                        String phone) {
        return LinkRecord.of(1, name, id, sex, born, household == null ? null : "H" + household, hukou, village, phone);
    }

    final LinkRecord withId = p("王秀英", id("43010519900412002"), "2", BORN, 10L, "430105", "V1", "13800001111");

    @Test
    void theSamePersonWithAndWithoutIdNumberInHerHouseholdNeedsNoSecondLook() {
        var pair = scorer.match(withId, p("王秀英", null, "2", BORN, 10L, "430105", "V1", "13800001111"));
        assertThat(pair).get().extracting(Scorer.Scored::match).isEqualTo(Scorer.Match.AUTO);
        assertThat(pair.get().reasons()).contains("NAME.EXACT", "BIRTH_DATE.EXACT", "HOUSEHOLD.SAME");
    }

    @Test
    void theSameIdNumberInItsOldAndNewFormsNeedsNoSecondLook() {
        var pair = scorer.match(withId, p("王秀英", "430105900412002", "2", BORN, 11L, "430105", "V1", null));
        assertThat(pair).get().extracting(Scorer.Scored::match).isEqualTo(Scorer.Match.AUTO);
    }

    @Test
    void aChildEntryInAnotherHouseholdIsForReview() {
        var pair = scorer.match(withId, p("王秀英", null, "2", BORN, 20L, "430105", "V1", null));
        assertThat(pair).get().extracting(Scorer.Scored::match).isEqualTo(Scorer.Match.REVIEW);
    }

    @Test
    void aHomophoneWithDayAndMonthSwappedIsForReview() {
        var pair = scorer.match(withId, p("王秀瑛", null, "2", LocalDate.of(1990, 12, 4), 20L, "430105", "V1", null));
        assertThat(pair).get().extracting(Scorer.Scored::match).isEqualTo(Scorer.Match.REVIEW);
        assertThat(pair.get().reasons()).contains("NAME.PINYIN", "BIRTH_DATE.SWAPPED");
    }

    @Test
    void aTraditionalNameAndADateOneDigitOffIsForReview() {
        LinkRecord chen = p("陈国华", id("43010519750301001"), "1", LocalDate.of(1975, 3, 1), 30L, "430105", "V1", null);
        var pair = scorer.match(chen, p("陳國華", null, "1", LocalDate.of(1975, 3, 7), 31L, "430105", "V1", null));
        assertThat(pair).isPresent();
    }

    @Test
    void transposedDigitsConfirmedAsPrintedAreFound() {
        String right = id("43010519900412002");
        String printed = "43010519904012002" + right.charAt(17);
        var pair = scorer.match(withId, p("王秀英", printed, "2", BORN, 12L, "430105", "V1", null));
        assertThat(pair).isPresent();
        assertThat(pair.get().reasons()).contains("ID_NUMBER.TYPO");
    }

    @Test
    void twinsOfDifferentSexAreTwoPeople() {
        LinkRecord brother = p("王秀文", null, "1", BORN, 10L, "430105", "V1", "13800001111");
        assertThat(scorer.match(withId, brother)).isEmpty();
    }

    @Test
    void twinsWithTheirOwnIdNumbersAreTwoPeople() {
        LinkRecord sister = p("王秀云", id("43010519900412004"), "2", BORN, 10L, "430105", "V1", "13800001111");
        assertThat(scorer.match(withId, sister)).isEmpty();
        LinkRecord sameName = p("王秀英", id("43010519900412004"), "2", BORN, 10L, "430105", "V1", "13800001111");
        assertThat(scorer.score(withId, sameName)).isLessThan(LinkageSettings.defaults().review());
    }

    @Test
    void namesakesOfAnotherCountyAreTwoPeople() {
        LinkRecord a = p("张伟", id("43010519900412011"), "1", BORN, 10L, "430105", "V1", null);
        LinkRecord b = p("张伟", id("43012119900412013"), "1", BORN, 90L, "430121", "V9", null);
        assertThat(scorer.match(a, b)).isEmpty();
    }

    @Test
    void twoPeopleOfACommonNameBornOnOtherDaysAreTwoPeople() {
        LinkRecord a = p("张伟", null, "1", BORN, 10L, "430105", "V1", null);
        LinkRecord b = p("张伟", null, "1", LocalDate.of(1991, 8, 30), 40L, "430105", "V1", null);
        assertThat(scorer.match(a, b)).isEmpty();
    }

    @Test
    void thresholdsAreSettings() {
        LinkRecord b = p("王秀英", null, "2", BORN, 20L, "430105", "V1", null);
        double score = scorer.score(withId, b);
        Scorer strict = new Scorer(Weights.standard(), new LinkageSettings(score + 10, score + 1));
        assertThat(strict.match(withId, b)).isEmpty();
        Scorer lenient = new Scorer(Weights.standard(), new LinkageSettings(score - 1, score - 5));
        assertThat(lenient.match(withId, b)).get().extracting(Scorer.Scored::match).isEqualTo(Scorer.Match.AUTO);
    }
    /** A register of {@code others} persons of other names and {@code holders} of this one. */
    static NameFrequencies register(String name, int holders, int others) {
        NameFrequencies names = new NameFrequencies();
        for (int i = 0; i < others; i++) {
            names.add(p("X" + i, null, "1", BORN, null, null, null, null));
        }
        for (int i = 0; i < holders; i++) {
            names.add(p(name, null, "2", BORN, null, null, null, null));
        }
        return names;
    }

    @Test
    void aRareNameSharedWithADateDaysApartInAnotherHouseholdIsForReview() {
        LinkRecord entered = p("王秀英", null, "2", BORN.minusDays(3), 20L, "430105", "V1", null);
        assertThat(scorer.match(withId, entered)).isEmpty();
        var pair = scorer.match(withId, entered, register("王秀英", 2, 200_000));
        assertThat(pair).get().extracting(Scorer.Scored::match).isEqualTo(Scorer.Match.REVIEW);
        assertThat(pair.get().reasons()).contains("NAME.EXACT", "BIRTH_DATE.NEAR");
    }

    @Test
    void aNameATenthOfTheRegisterHoldsNeedsASecondLook() {
        LinkRecord entered = p("王秀英", null, "2", BORN, 10L, "430105", "V1", null);
        assertThat(scorer.match(withId, entered)).get().extracting(Scorer.Scored::match).isEqualTo(Scorer.Match.AUTO);
        assertThat(scorer.match(withId, entered, register("王秀英", 1_000, 9_000)))
                .get().extracting(Scorer.Scored::match).isEqualTo(Scorer.Match.REVIEW);
    }

    @Test
    void namesakesOfARareNameAreStillTwoPeople() {
        LinkRecord a = p("欧阳修", id("43010519900412011"), "1", BORN, 10L, "430105", "V1", null);
        LinkRecord b = p("欧阳修", id("43012119900412013"), "1", BORN, 90L, "430121", "V9", null);
        assertThat(scorer.match(a, b, register("欧阳修", 2, 100_000))).isEmpty();
    }
}
