package org.renkou.common;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.DateTimeException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period of figures, inclusive at both ends, as API.md writes them: {@code 2012} a calendar year,
 * {@code 2012Q1} a quarter, {@code 2012-03} a month, {@code FP2012} the family-planning statistical year
 * (计生统计年度, 2011-10-01 to 2012-09-30), {@code FPH2012} its first half (to 2012-03-31), or
 * {@code 2012-01-01..2012-03-15} a range.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern FP_YEAR = Pattern.compile("FP(H?)(\\d{4})");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    public ReportPeriod {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts");
        }
    }

    /** A text that is no period; the API and the pages answer it as a refused {@code period} field. */
    public static final class InvalidPeriodException extends IllegalArgumentException {
        private final String text;

        InvalidPeriodException(String text, Throwable cause) {
            super("unknown period: " + text, cause);
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Parses a period; an unknown form is an {@link InvalidPeriodException}. */
    public static ReportPeriod parse(String text) {
        String s = text == null ? "" : text.trim().toUpperCase();
        try {
            Matcher m;
            if ((m = YEAR.matcher(s)).matches()) {
                int y = Integer.parseInt(m.group(1));
                return new ReportPeriod(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
            }
            if ((m = QUARTER.matcher(s)).matches()) {
                LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) * 3 - 2, 1);
                return new ReportPeriod(start, start.plusMonths(3).minusDays(1));
            }
            if ((m = MONTH.matcher(s)).matches()) {
                YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return new ReportPeriod(ym.atDay(1), ym.atEndOfMonth());
            }
            if ((m = FP_YEAR.matcher(s)).matches()) {
                int y = Integer.parseInt(m.group(2));
                LocalDate start = LocalDate.of(y - 1, 10, 1);
                return new ReportPeriod(start, m.group(1).isEmpty() ? LocalDate.of(y, 9, 30) : LocalDate.of(y, 3, 31));
            }
            if ((m = RANGE.matcher(s)).matches()) {
                return new ReportPeriod(LocalDate.parse(m.group(1)), LocalDate.parse(m.group(2)));
            }
        } catch (DateTimeException | IllegalArgumentException e) { // no such date, or it ends before it starts
            throw new InvalidPeriodException(text, e);
        }
        throw new InvalidPeriodException(text, null);
    }

    public boolean contains(LocalDate d) {
        return !d.isBefore(from) && !d.isAfter(to);
    }
}
