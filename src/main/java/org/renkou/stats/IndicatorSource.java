package org.renkou.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.renkou.common.PageResult;
import org.renkou.access.Permission;
import org.renkou.common.ReportPeriod;

/**
 * How a feature contributes indicators: it names them and counts them from its own records. Counts of
 * people are taken on {@code asOf}; counts of events cover {@code period}. {@code area} is a town, village,
 * grid or county code and includes everything below it.
 */
public interface IndicatorSource {

    List<Indicator> catalogue();

    /**
     * The fractions of the requested codes (a subset of this source's catalogue) for the area, by village-level
     * unit: village code → code → fraction, counted in one pass. Fractions add up, so stats sums villages into
     * towns and counties; a village without any record may be left out.
     */
    Map<String, Map<String, Fraction>> compute(java.util.Set<String> codes, String area, ReportPeriod period, LocalDate asOf);

    /**
     * One page of the persons behind an indicator's numerator, for drill-down, with their true number (see
     * {@link PersonRefs#page}), or an empty page when the numerator is not a set of persons.
     */
    /**
     * Whether the counts are of persons (or their families, births, requests): small ones are then suppressed
     * for aggregate-only roles ({@link SmallCells}). Stock, events and money are not.
     */
    default boolean countsPersons() {
        return true;
    }

    default PageResult<PersonRef> numeratorPersons(String code, String area, ReportPeriod period, LocalDate asOf, int page,
                                                   int size) {
        return new PageResult<>(List.of(), 0, page, size);
    }

    /** What a user must hold to see the persons behind a numerator (beyond reading registered residents). */
    default Permission drillDownPermission() {
        return Permission.READ_RESIDENTS;
    }
}
