package org.renkou.linkage;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * The comparisons of two records, each answering one level of agreement. Each level carries an m- and a
 * u-probability (see {@link Weights}); the levels are ordered from the most to the least alike.
 */
enum Comparison {
    NAME, BIRTH_DATE, SEX, ID_NUMBER, HUKOU, HOUSEHOLD, VILLAGE, PHONE;

    /**
     * Names this alike (Jaro–Winkler of their characters or pinyin) are "similar", as are names of as many
     * characters differing in one (张大伟/张小伟, 王秀英/王秀云).
     */
    static final double SIMILAR_NAME = 0.9;
    /** Birth dates at most this many days apart are "a few days apart". */
    static final int NEAR_DAYS = 7;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final DateTimeFormatter DIGITS = DateTimeFormatter.BASIC_ISO_DATE;

    /** The level of agreement of two records on this comparison. */
    String level(LinkRecord a, LinkRecord b) {
        return switch (this) {
            case NAME -> name(a, b);
            case BIRTH_DATE -> birthDate(a.birthDate(), b.birthDate());
            case SEX -> Objects.equals(a.sex(), b.sex()) ? "SAME" : "DIFFERENT";
            case ID_NUMBER -> idNumber(a, b);
            case HUKOU -> sameOrNot(a.hukouCode(), b.hukouCode());
            case HOUSEHOLD -> sameOrNot(a.householdNo(), b.householdNo());
            case VILLAGE -> sameOrNot(a.villageCode(), b.villageCode());
            case PHONE -> sameOrNot(a.phone(), b.phone());
        };
    }

    static String name(LinkRecord a, LinkRecord b) {
        if (a.name().isEmpty() || b.name().isEmpty()) {
            return "DIFFERENT";
        }
        if (a.name().equals(b.name())) {
            return "EXACT";
        }
        if (a.pinyin().equals(b.pinyin())) {
            return "PINYIN";
        }
        if (a.name().length() == b.name().length() && a.name().length() > 1
                && differingDigits(a.name(), b.name()) == 1) {
            return "SIMILAR";
        }
        double chars = JARO_WINKLER.apply(a.name(), b.name());
        double sound = JARO_WINKLER.apply(a.pinyin(), b.pinyin());
        return Math.max(chars, sound) >= SIMILAR_NAME ? "SIMILAR" : "DIFFERENT";
    }

    static String birthDate(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return "ABSENT";
        }
        if (a.equals(b)) {
            return "EXACT";
        }
        if (a.getYear() == b.getYear() && a.getMonthValue() == b.getDayOfMonth() && a.getDayOfMonth() == b.getMonthValue()) {
            return "SWAPPED";
        }
        if (differingDigits(a.format(DIGITS), b.format(DIGITS)) == 1) {
            return "ONE_DIGIT";
        }
        return Math.abs(ChronoUnit.DAYS.between(a, b)) <= NEAR_DAYS ? "NEAR" : "DIFFERENT";
    }

    static String idNumber(LinkRecord a, LinkRecord b) {
        String x = a.idNumber();
        String y = b.idNumber();
        if (x == null || y == null) {
            return "ABSENT";
        }
        if (x.equals(y)) {
            return "EXACT";
        }
        if (a.idValid() && b.idValid()) {
            // two numbers both issued: twins' numbers differ in one digit of the sequence, and are two people
            return "BOTH_VALID_DIFFERENT";
        }
        if (x.length() == 18 && y.length() == 18 && x.substring(0, 17).equals(y.substring(0, 17))) {
            return "CHECK_ONLY";
        }
        String x17 = x.substring(0, Math.min(17, x.length()));
        String y17 = y.substring(0, Math.min(17, y.length()));
        if (transposed(x17, y17) || differingDigits(x17, y17) == 1) {
            // one digit misread or two swapped, the number then "confirmed as printed" with a wrong check character
            return "TYPO";
        }
        return "DIFFERENT";
    }

    private static String sameOrNot(Object a, Object b) {
        if (a == null || b == null) {
            return "ABSENT";
        }
        return a.equals(b) ? "SAME" : "DIFFERENT";
    }

    /** How many positions of two strings of equal length differ (any length difference: very many). */
    private static int differingDigits(String a, String b) {
        if (a.length() != b.length()) {
            return Integer.MAX_VALUE;
        }
        int n = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                n++;
            }
        }
        return n;
    }

    /** Equal but for one pair of neighbouring characters swapped. */
    private static boolean transposed(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length() - 1; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                        && a.substring(i + 2).equals(b.substring(i + 2));
            }
        }
        return false;
    }
}
