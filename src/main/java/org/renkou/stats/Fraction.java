package org.renkou.stats;

/** What a source counts for one indicator: a numerator and, for rates and ratios, a denominator. */
public record Fraction(long numerator, Long denominator) {

    public static Fraction count(long n) {
        return new Fraction(n, null);
    }

    public static Fraction of(long numerator, long denominator) {
        return new Fraction(numerator, denominator);
    }

    public Fraction plus(Fraction other) {
        if (other == null) {
            return this;
        }
        return new Fraction(numerator + other.numerator,
                denominator == null && other.denominator == null ? null
                        : (denominator == null ? 0 : denominator) + (other.denominator == null ? 0 : other.denominator));
    }
}
