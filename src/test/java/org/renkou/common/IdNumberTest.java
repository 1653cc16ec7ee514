package org.renkou.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IdNumberTest {

    @Test
    void acceptsTheStandardsExample() {
        IdNumber.Parsed p = IdNumber.parse("11010519491231002x");
        assertThat(p.valid()).isTrue();
        assertThat(p.normalized()).isEqualTo("11010519491231002X");
        IdNumber id = new IdNumber(p.normalized());
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sexCode()).isEqualTo("2");
    }

    @Test
    void convertsFifteenDigitNumbers() {
        IdNumber.Parsed p = IdNumber.parse("430105790508123");
        assertThat(p.valid()).isTrue();
        assertThat(p.normalized()).startsWith("43010519790508123").hasSize(18);
        assertThat(new IdNumber(p.normalized()).sexCode()).isEqualTo("1");
    }

    @Test
    void refusesBadFormatsAndDates() {
        assertThat(IdNumber.parse("4301051979050812").problem()).contains(IdNumber.Problem.FORMAT);
        assertThat(IdNumber.parse("43010519790508123A").problem()).contains(IdNumber.Problem.FORMAT);
        assertThat(IdNumber.parse("430105197902301234").problem()).contains(IdNumber.Problem.BIRTH_DATE);
        assertThat(IdNumber.parse(null).problem()).contains(IdNumber.Problem.FORMAT);
    }

    @Test
    void masksAllButTheAreaCode() {
        assertThat(IdNumber.mask("430105197905081234")).isEqualTo("430105************");
        assertThat(IdNumber.mask(null)).isNull();
    }

    /** Whoever sees the masked number also sees the birth date and the sex: 500 numbers must stay possible. */
    @Property(tries = 50)
    void theMaskWithBirthDateAndSexLeavesFiveHundredNumbers(@ForAll("first17") String first17) {
        IdNumber id = new IdNumber(first17 + IdNumber.checkChar(first17));
        String shown = IdNumber.mask(id.value());
        String date = id.value().substring(6, 14);
        int candidates = 0;
        for (int seq = 0; seq < 1000; seq++) {
            String c17 = id.value().substring(0, 6) + date + String.format("%03d", seq);
            IdNumber c = new IdNumber(c17 + IdNumber.checkChar(c17));
            if (IdNumber.mask(c.value()).equals(shown) && c.sexCode().equals(id.sexCode())) {
                candidates++;
            }
        }
        assertThat(candidates).isEqualTo(500);
    }

    @Property
    void aComputedCheckCharacterIsAccepted(@ForAll("first17") String first17) {
        assertThat(IdNumber.parse(first17 + IdNumber.checkChar(first17)).valid()).isTrue();
    }

    @Property
    void anyOtherCheckCharacterIsRefused(@ForAll("first17") String first17, @ForAll @IntRange(max = 10) int i) {
        char other = "0123456789X".charAt(i);
        if (other != IdNumber.checkChar(first17)) {
            assertThat(IdNumber.parse(first17 + other).problem()).contains(IdNumber.Problem.BAD_CHECK);
        }
    }

    @Property
    void changingOneDigitIsDetected(@ForAll("first17") String first17, @ForAll @IntRange(max = 16) int pos,
                                    @ForAll @IntRange(min = 1, max = 9) int delta) {
        String valid = first17 + IdNumber.checkChar(first17);
        char changed = (char) ('0' + (valid.charAt(pos) - '0' + delta) % 10);
        String mutated = valid.substring(0, pos) + changed + valid.substring(pos + 1);
        assertThat(IdNumber.parse(mutated).valid()).isFalse();
    }

    @Property
    void sexFollowsTheSequenceParity(@ForAll("first17") String first17) {
        IdNumber id = new IdNumber(first17 + IdNumber.checkChar(first17));
        assertThat(id.sexCode()).isEqualTo((first17.charAt(16) - '0') % 2 == 1 ? "1" : "2");
    }

    @Provide
    Arbitrary<String> first17() {
        Arbitrary<String> area = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<LocalDate> birth = Arbitraries.integers().between(0, 40_000)
                .map(d -> LocalDate.of(1910, 1, 1).plusDays(d));
        Arbitrary<String> seq = Arbitraries.strings().numeric().ofLength(3);
        return Combinators.combine(area, birth, seq)
                .as((a, b, s) -> a + b.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + s);
    }
}
