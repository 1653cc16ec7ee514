package org.renkou.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.renkou.health.HealthCodes.CheckKind;

/** A check campaign (三查) with its roster size and how many were checked so far (within the user's areas). */
public record Campaign(long id, String name, List<CheckKind> kinds, LocalDate startsOn, LocalDate endsOn,
                       List<String> areaCodes, String createdBy, long roster, long checked) {

    /** Check rate in percent, one decimal; null for an empty roster. */
    @JsonProperty
    public BigDecimal rate() {
        return Progress.rate(checked, roster);
    }

    /** Check progress of one village-level unit. */
    public record Progress(String villageCode, long roster, long checked, long followupsOpen) {
        @JsonProperty
    public BigDecimal rate() {
            return rate(checked, roster);
        }

        static BigDecimal rate(long checked, long roster) {
            return roster == 0 ? null : BigDecimal.valueOf(checked * 100).divide(BigDecimal.valueOf(roster), 1, RoundingMode.HALF_UP);
        }
    }
}
