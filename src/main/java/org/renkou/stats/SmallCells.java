package org.renkou.stats;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Small numbers (小数抑制): a role without access to personal records (the district supervisor) must not learn
 * about one person from a figure, such as the one birth of a village in a month. For such roles, counts of
 * persons from 1 to below the threshold are suppressed: the cell shows no number, and a rate whose numerator
 * or denominator is that small shows none either. Zero stays (it names nobody). Only the cells themselves are
 * suppressed: a total of several cells keeps its value, and the threshold is chosen for that (3 by default).
 */
@Component
@EnableConfigurationProperties(SmallCells.Settings.class)
public class SmallCells {

    /** {@code renkou.stats.small-cell-threshold}: the smallest count shown to aggregate-only roles. */
    @ConfigurationProperties("renkou.stats")
    public record Settings(@DefaultValue("3") int smallCellThreshold) {
    }

    /** Set while work is done as an aggregate-only role would see it, whoever asked. */
    private static final ThreadLocal<Boolean> AGGREGATE_ONLY = new ThreadLocal<>();

    private final AccessService access;
    private final int threshold;

    SmallCells(AccessService access, Settings settings) {
        this.access = access;
        this.threshold = settings.smallCellThreshold();
    }

    public int threshold() {
        return threshold;
    }

    /** Whether the current user sees aggregates only, so small cells are suppressed for them. */
    public boolean apply() {
        return AGGREGATE_ONLY.get() != null || !access.current().has(Permission.READ_PERSONS);
    }

    /**
     * The work's figures as an aggregate-only role sees them: a town's submitted report is read by the district,
     * so the town office freezes that view beside its own.
     */
    <T> T asAggregateOnly(Supplier<T> work) {
        AGGREGATE_ONLY.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            AGGREGATE_ONLY.remove();
        }
    }

    /**
     * A frozen cell as an aggregate-only role may see it, for reports frozen before that view was kept beside
     * them: a whole number from 1 to below the threshold is hidden (a rate's parts are not known any more).
     */
    String suppressed(String cell) {
        try {
            return small(Long.parseLong(cell)) ? "–" : cell;
        } catch (NumberFormatException e) {
            return cell;
        }
    }

    boolean small(Long n) {
        return n != null && n > 0 && n < threshold;
    }

    /** The value as an aggregate-only role may see it. */
    IndicatorValue suppressed(IndicatorValue v) {
        return new IndicatorValue(v.code(), v.name(), null, null, null, v.unit(), true);
    }

    boolean hides(Fraction f) {
        return small(f.numerator()) || small(f.denominator());
    }

    /** A chart of counts of persons with its small cells left empty. */
    Chart suppressed(Chart c) {
        List<Chart.Series> series = c.series().stream().map(s -> new Chart.Series(s.name(), s.values().stream()
                .map(v -> v != null && v.signum() > 0 && v.compareTo(BigDecimal.valueOf(threshold)) < 0 ? null : v)
                .toList())).toList();
        return new Chart(c.id(), c.title(), c.kind(), c.categories(), series);
    }
}
