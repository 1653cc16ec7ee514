package org.renkou.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.renkou.common.IdNumber;

class ComparisonTest {
    static final LocalDate BORN = LocalDate.of(1985, 3, 7);

    static String id(String first17) {
        return first17 + IdNumber.checkChar(first17);
    }

    static LinkRecord rec(String name, String id, String sex, LocalDate born, Long household, String village, String phone) {
        return LinkRecord.of(1, name, id, sex, born, household == null ? null : "H" + household, "430105", village, phone);
    }

    static LinkRecord named(String name) {
        return rec(name, null, "1", BORN, null, "V1", null);
    }

    @Test
    void names() {
        assertThat(Comparison.name(named("张伟"), named("張 偉"))).isEqualTo("EXACT");
        assertThat(Comparison.name(named("张伟"), named("张玮"))).isEqualTo("PINYIN");
        assertThat(Comparison.name(named("李华"), named("李桦"))).isEqualTo("PINYIN");
        assertThat(Comparison.name(named("张大伟"), named("张小伟"))).isEqualTo("SIMILAR");
        assertThat(Comparison.name(named("张伟"), named("李娜"))).isEqualTo("DIFFERENT");
        assertThat(Comparison.name(named(""), named(""))).isEqualTo("DIFFERENT");
    }

    @Test
    void birthDates() {
        assertThat(Comparison.birthDate(BORN, LocalDate.of(1985, 3, 7))).isEqualTo("EXACT");
        assertThat(Comparison.birthDate(BORN, LocalDate.of(1985, 7, 3))).isEqualTo("SWAPPED");
        assertThat(Comparison.birthDate(BORN, LocalDate.of(1986, 3, 7))).isEqualTo("ONE_DIGIT");
        assertThat(Comparison.birthDate(BORN, LocalDate.of(1985, 3, 27))).isEqualTo("ONE_DIGIT");
        assertThat(Comparison.birthDate(BORN, LocalDate.of(1985, 3, 12))).isEqualTo("NEAR");
        assertThat(Comparison.birthDate(BORN, LocalDate.of(1985, 2, 28))).isEqualTo("NEAR");
        assertThat(Comparison.birthDate(BORN, LocalDate.of(1985, 5, 20))).isEqualTo("DIFFERENT");
        assertThat(Comparison.birthDate(BORN, null)).isEqualTo("ABSENT");
    }

    @Test
    void sexes() {
        assertThat(Comparison.SEX.level(named("张伟"), named("张伟"))).isEqualTo("SAME");
        assertThat(Comparison.SEX.level(named("张伟"), rec("张伟", null, "2", BORN, null, "V1", null))).isEqualTo("DIFFERENT");
    }

    @Test
    void idNumbers() {
        String valid = id("43010519850307001");
        LinkRecord a = rec("张伟", valid, "1", BORN, null, "V1", null);
        assertThat(Comparison.idNumber(a, rec("张伟", valid, "1", BORN, null, "V1", null))).isEqualTo("EXACT");
        assertThat(Comparison.idNumber(a, rec("张伟", "430105850307001", "1", BORN, null, "V1", null))).isEqualTo("EXACT");
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        assertThat(Comparison.idNumber(a, rec("张伟", valid.substring(0, 17) + wrong, "1", BORN, null, "V1", null)))
                .isEqualTo("CHECK_ONLY");
        // 0307 written 0370 and confirmed as printed with the original check character
        String transposed = "43010519850370001" + valid.charAt(17);
        assertThat(Comparison.idNumber(a, rec("张伟", transposed, "1", BORN, null, "V1", null))).isEqualTo("TYPO");
        String oneOff = "43010519850307007" + valid.charAt(17);
        assertThat(IdNumber.parse(oneOff).valid()).isFalse();
        assertThat(Comparison.idNumber(a, rec("张伟", oneOff, "1", BORN, null, "V1", null))).isEqualTo("TYPO");
        assertThat(Comparison.idNumber(a, rec("张伟", null, "1", BORN, null, "V1", null))).isEqualTo("ABSENT");
        // a twin's number: valid, one digit of the sequence apart
        assertThat(Comparison.idNumber(a, rec("张伟", id("43010519850307003"), "1", BORN, null, "V1", null)))
                .isEqualTo("BOTH_VALID_DIFFERENT");
        assertThat(Comparison.idNumber(a, rec("张伟", "11010119900101123" + valid.charAt(17), "1", BORN, null, "V1", null)))
                .isEqualTo("DIFFERENT");
    }

    @Test
    void hukouHouseholdVillagePhone() {
        LinkRecord a = rec("张伟", null, "1", BORN, 5L, "V1", "13800001111");
        LinkRecord same = rec("张伟", null, "1", BORN, 5L, "V1", "+86 138 0000 1111");
        LinkRecord other = LinkRecord.of(2, "张伟", null, "1", BORN, "H6", "110101", "V2", "13900002222");
        LinkRecord empty = LinkRecord.of(3, "张伟", null, "1", BORN, null, " ", "V1", null);
        assertThat(Comparison.HOUSEHOLD.level(a, same)).isEqualTo("SAME");
        assertThat(Comparison.HOUSEHOLD.level(a, other)).isEqualTo("DIFFERENT");
        assertThat(Comparison.HOUSEHOLD.level(a, empty)).isEqualTo("ABSENT");
        assertThat(Comparison.VILLAGE.level(a, same)).isEqualTo("SAME");
        assertThat(Comparison.VILLAGE.level(a, other)).isEqualTo("DIFFERENT");
        assertThat(Comparison.HUKOU.level(a, same)).isEqualTo("SAME");
        assertThat(Comparison.HUKOU.level(a, other)).isEqualTo("DIFFERENT");
        assertThat(Comparison.HUKOU.level(a, empty)).isEqualTo("ABSENT");
        assertThat(Comparison.PHONE.level(a, same)).isEqualTo("SAME");
        assertThat(Comparison.PHONE.level(a, other)).isEqualTo("DIFFERENT");
        assertThat(Comparison.PHONE.level(a, empty)).isEqualTo("ABSENT");
    }
}
