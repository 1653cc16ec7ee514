package org.renkou.stats;

import java.math.BigDecimal;
import java.util.List;

/**
 * A chart of the dashboard with the table behind it: categories along one axis, one or more series of values.
 * {@code kind} is how ECharts draws it: bar, line, pie or pyramid (two bar series mirrored).
 */
public record Chart(String id, String title, String kind, List<String> categories, List<Series> series) {

    public record Series(String name, List<BigDecimal> values) {
    }

    /** A list of n zeros, to fill in where a group has no records. */
    public static List<BigDecimal> zeros(int n) {
        return new java.util.ArrayList<>(java.util.Collections.nCopies(n, BigDecimal.ZERO));
    }
}
