package org.renkou.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
    @ParameterizedTest
    @MethodSource("fewFirst17")
    void theMaskWithBirthDateAndSexLeavesFiveHundredNumbers(String first17) {
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

    @ParameterizedTest
    @MethodSource("first17")
    void aComputedCheckCharacterIsAccepted(String first17) {
        assertThat(IdNumber.parse(first17 + IdNumber.checkChar(first17)).valid()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("first17")
    void anyOtherCheckCharacterIsRefused(String first17) {
        for (char other : "0123456789X".toCharArray()) {
            if (other != IdNumber.checkChar(first17)) {
                assertThat(IdNumber.parse(first17 + other).problem()).contains(IdNumber.Problem.BAD_CHECK);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("first17")
    void changingOneDigitIsDetected(String first17) {
        String valid = first17 + IdNumber.checkChar(first17);
        for (int pos = 0; pos < 17; pos++) {
            for (int delta = 1; delta <= 9; delta++) {
                char changed = (char) ('0' + (valid.charAt(pos) - '0' + delta) % 10);
                String mutated = valid.substring(0, pos) + changed + valid.substring(pos + 1);
                assertThat(IdNumber.parse(mutated).valid()).as(mutated).isFalse();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("first17")
    void sexFollowsTheSequenceParity(String first17) {
        IdNumber id = new IdNumber(first17 + IdNumber.checkChar(first17));
        assertThat(id.sexCode()).isEqualTo((first17.charAt(16) - '0') % 2 == 1 ? "1" : "2");
    }

    /** The first 17 characters of 200 numbers: any area, a birth date from 1910 to 2019, any sequence (fixed seed). */
    static Stream<String> first17() {
        Random random = new Random(20121231);
        return Stream.generate(() -> String.format("%06d", random.nextInt(1_000_000))
                        + LocalDate.of(1910, 1, 1).plusDays(random.nextInt(40_000)).format(DateTimeFormatter.BASIC_ISO_DATE)
                        + String.format("%03d", random.nextInt(1000)))
                .limit(200);
    }

    static Stream<String> fewFirst17() {
        return first17().limit(50);
    }
}
