package org.renkou.stats;

import java.math.BigDecimal;

/**
 * An indicator's value for one area and period, as {@code GET /api/v1/indicators} answers it. A suppressed
 * value (a small count shown to an aggregate-only role, {@link SmallCells}) has no value, numerator or
 * denominator.
 */
public record IndicatorValue(String code, String name, BigDecimal value, Long numerator, Long denominator,
                             String unit, boolean suppressed) {
}
