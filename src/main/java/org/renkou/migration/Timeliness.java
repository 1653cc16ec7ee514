package org.renkou.migration;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Feedback timeliness: requests sent, answered by their deadline, and the percentage (null with none sent). */
public record Timeliness(long sent, long answeredInTime, BigDecimal percent) {
    static Timeliness of(long sent, long answeredInTime) {
        BigDecimal percent = sent == 0 ? null : BigDecimal.valueOf(answeredInTime * 100)
                .divide(BigDecimal.valueOf(sent), 1, RoundingMode.HALF_UP);
        return new Timeliness(sent, answeredInTime, percent);
    }
}
