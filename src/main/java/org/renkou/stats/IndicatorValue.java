package org.renkou.stats;

import java.math.BigDecimal;

/** An indicator's value for one area and period, as {@code GET /api/v1/indicators} answers it. */
public record IndicatorValue(String code, String name, BigDecimal value, long numerator, Long denominator,
                             String unit) {
}
