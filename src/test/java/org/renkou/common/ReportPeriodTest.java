package org.renkou.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportPeriodTest {

    @ParameterizedTest(name = "{0} = {1} .. {2}")
    @CsvSource({
            "2012, 2012-01-01, 2012-12-31",
            "2012Q1, 2012-01-01, 2012-03-31",
            "2012q4, 2012-10-01, 2012-12-31",
            "2012-02, 2012-02-01, 2012-02-29",
            "FP2012, 2011-10-01, 2012-09-30",
            "FPH2012, 2011-10-01, 2012-03-31",
            "2011-10-01..2012-03-15, 2011-10-01, 2012-03-15",
            "' 2012 ', 2012-01-01, 2012-12-31"})
    void parsesEveryFormOfApiMd(String text, LocalDate from, LocalDate to) {
        assertThat(ReportPeriod.parse(text)).isEqualTo(new ReportPeriod(from, to));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "2012Q5", "2012-13", "FP", "2012-03-15..2012-03-01", "2012-02-30..2012-03-01"})
    void refusesWhatIsNotAPeriod(String text) {
        assertThatThrownBy(() -> ReportPeriod.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
