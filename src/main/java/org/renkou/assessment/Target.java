package org.renkou.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One item of a target agreement: an indicator of the catalogue, how its actual value compares with the
 * target, its weight in points, and how points are given when it is missed.
 */
public record Target(String indicator, Comparison comparison, BigDecimal target, BigDecimal floor, int weight,
                     Rule rule) {

    /** ≥, ≤ or = the target. */
    public enum Comparison {
        GE("≥"), LE("≤"), EQ("=");

        private final String sign;

        Comparison(String sign) {
            this.sign = sign;
        }

        public String sign() {
            return sign;
        }
    }

    /** All the weight when met, none otherwise; or pro rata between the floor (no points) and the target. */
    public enum Rule { ALL_OR_NOTHING, PRO_RATA }

    public boolean met(BigDecimal actual) {
        if (actual == null) {
            return true;
        }
        int c = actual.compareTo(target);
        return switch (comparison) {
            case GE -> c >= 0;
            case LE -> c <= 0;
            case EQ -> c == 0;
        };
    }

    /**
     * Points for an actual value, to one decimal. An indicator with nothing to count (a rate of 0 of 0, such as
     * the policy-compliant birth rate of a village without births) cannot have been missed, so it gives the
     * whole weight; the assessment shows it as "no data".
     */
    public BigDecimal points(BigDecimal actual) {
        BigDecimal full = BigDecimal.valueOf(weight).setScale(1, RoundingMode.HALF_UP);
        if (met(actual)) {
            return full;
        }
        if (rule == Rule.ALL_OR_NOTHING || floor == null) {
            return BigDecimal.ZERO.setScale(1, RoundingMode.HALF_UP);
        }
        BigDecimal gained = comparison == Comparison.GE ? actual.subtract(floor) : floor.subtract(actual);
        BigDecimal span = comparison == Comparison.GE ? target.subtract(floor) : floor.subtract(target);
        if (gained.signum() <= 0 || span.signum() <= 0) {
            return BigDecimal.ZERO.setScale(1, RoundingMode.HALF_UP);
        }
        return full.multiply(gained).divide(span, 1, RoundingMode.HALF_UP);
    }
}
