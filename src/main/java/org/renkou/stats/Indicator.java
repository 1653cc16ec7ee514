package org.renkou.stats;

/**
 * One indicator of the catalogue. Its value is numerator × {@code scale} / denominator (a percentage has
 * scale 100, the sex ratio at birth "boys per 100 girls" too); a plain count has no denominator.
 */
public record Indicator(String code, String nameZh, String nameEn, String definition, String unit, int scale) {

    /** A plain count of people or events: no denominator. */
    public boolean isCount() {
        return scale == 1 && "人".equals(unit);
    }

    public static Indicator count(String code, String nameZh, String nameEn, String definition) {
        return new Indicator(code, nameZh, nameEn, definition, "人", 1);
    }

    public static Indicator percent(String code, String nameZh, String nameEn, String definition) {
        return new Indicator(code, nameZh, nameEn, definition, "%", 100);
    }
}
