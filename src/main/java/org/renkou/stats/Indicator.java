package org.renkou.stats;

/**
 * One indicator of the catalogue. Its value is numerator × {@code scale} / denominator (a percentage has
 * scale 100, the sex ratio at birth "boys per 100 girls" too); a plain count has no denominator; money
 * (unit 元) is a count of fen shown in yuan.
 */
public record Indicator(String code, String nameZh, String nameEn, String definition, String unit, int scale) {

    /** Money is counted in fen and shown in yuan (unit 元), exact to the fen. */
    public boolean money() {
        return "元".equals(unit);
    }

    /** The value where nothing was counted: no rate (0 of 0), or zero. */
    Fraction zero() {
        return scale != 1 ? Fraction.of(0, 0) : Fraction.count(0);
    }

    public static Indicator count(String code, String nameZh, String nameEn, String definition) {
        return new Indicator(code, nameZh, nameEn, definition, "人", 1);
    }

    public static Indicator percent(String code, String nameZh, String nameEn, String definition) {
        return new Indicator(code, nameZh, nameEn, definition, "%", 100);
    }
}
