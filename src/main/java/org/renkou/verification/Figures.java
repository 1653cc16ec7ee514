package org.renkou.verification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a round stands in an area: households to visit and their outcomes, and over the persons of visited
 * households (API.md): found = CORRECT + CORRECTED + NEW; inRegister = CORRECT + CORRECTED; checked = CORRECT +
 * CORRECTED + NOT_LIVING_HERE + DECEASED; correct = CORRECT; and the persons found not living here and deceased.
 */
public record Figures(long households, long visited, long nobodyHome, long refused, long persons, long found,
                      long inRegister, long checked, long correct, long notLivingHere, long deceased) {
    public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    @JsonProperty
    public long notVisited() {
        return households - visited - nobodyHome - refused;
    }

    /** inRegister / found × 100, two decimals; null while nobody was found. */
    @JsonProperty
    public BigDecimal coverage() {
        return percent(inRegister, found);
    }

    /** correct / checked × 100, two decimals; null while nobody was checked. */
    @JsonProperty
    public BigDecimal accuracy() {
        return percent(correct, checked);
    }

    /** Persons whose record the round corrected (CORRECTED). */
    @JsonProperty
    public long corrected() {
        return inRegister - correct;
    }

    /** Persons found who were not in the register (NEW). */
    @JsonProperty
    public long added() {
        return found - inRegister;
    }

    @JsonProperty
    public boolean started() {
        return households > notVisited();
    }

    Figures plus(Figures o) {
        return new Figures(households + o.households, visited + o.visited, nobodyHome + o.nobodyHome, refused + o.refused,
                persons + o.persons, found + o.found, inRegister + o.inRegister, checked + o.checked, correct + o.correct,
                notLivingHere + o.notLivingHere, deceased + o.deceased);
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
