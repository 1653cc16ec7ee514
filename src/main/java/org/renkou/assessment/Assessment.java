package org.renkou.assessment;

import java.math.BigDecimal;
import java.util.List;

/** A unit's assessment for a year, as {@code GET /api/v1/assessments} answers it (API.md). */
public record Assessment(String areaCode, String areaName, BigDecimal score, int rank, List<Item> items) {

    /** One target with the indicator's actual value over FP{year}; {@code actual} is null where nothing was counted. */
    public record Item(String indicator, String indicatorName, String comparison, BigDecimal target, BigDecimal actual,
                       boolean met, int weight, BigDecimal points) {
    }
}
