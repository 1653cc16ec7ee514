package org.renkou.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A citizen ID number (公民身份号码, GB 11643): 6-digit area code, birth date, 3-digit sequence whose parity
 * gives the sex, and an ISO 7064 MOD 11-2 check character. Old 15-digit numbers are converted to 18.
 */
public record IdNumber(String value) {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final java.util.regex.Pattern OLD = java.util.regex.Pattern.compile("\\d{15}");
    private static final java.util.regex.Pattern NEW = java.util.regex.Pattern.compile("\\d{17}[0-9X]");

    /** Why a number was refused; {@code BAD_CHECK} alone may be overridden by a user who confirms it as printed. */
    public enum Problem { FORMAT, BIRTH_DATE, BAD_CHECK }

    /** The outcome of reading a number: the normalised 18-character number and, if any, what is wrong with it. */
    public record Parsed(String normalized, Optional<Problem> problem) {
        public boolean valid() {
            return problem.isEmpty();
        }
    }

    public static Parsed parse(String raw) {
        String s = raw == null ? "" : raw.trim().toUpperCase();
        if (OLD.matcher(s).matches()) {
            String first17 = s.substring(0, 6) + "19" + s.substring(6);
            s = first17 + checkChar(first17);
        }
        if (!NEW.matcher(s).matches()) {
            return new Parsed(s, Optional.of(Problem.FORMAT));
        }
        if (birthDateOf(s).isEmpty()) {
            return new Parsed(s, Optional.of(Problem.BIRTH_DATE));
        }
        if (checkChar(s.substring(0, 17)) != s.charAt(17)) {
            return new Parsed(s, Optional.of(Problem.BAD_CHECK));
        }
        return new Parsed(s, Optional.empty());
    }

    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public LocalDate birthDate() {
        return birthDateOf(value).orElseThrow();
    }

    /** GB/T 2261.1 sex code encoded in the sequence number: odd is male (1), even female (2). */
    public String sexCode() {
        return (value.charAt(16) - '0') % 2 == 1 ? "1" : "2";
    }

    /**
     * The form shown to whoever may not read whole numbers: the area code only ({@code 430105************}).
     * Everything after it must go, because the same screens show the birth date and the sex beside it: the
     * old mask hid just the eight date digits, so date + area + the last four gave the whole number back.
     * Hiding the date alone is not enough either way, and the check character must go with the sequence: it
     * is a function of the other 17 characters, so with the date known it would cut the 500 sequences the sex
     * leaves open to about 45. The area code stays: it says no more than the address or village beside it.
     */
    public static String mask(String number) {
        if (number == null || number.length() < 10) {
            return number;
        }
        return number.substring(0, 6) + "*".repeat(number.length() - 6);
    }

    private static Optional<LocalDate> birthDateOf(String s) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(s.substring(6, 10)),
                    Integer.parseInt(s.substring(10, 12)), Integer.parseInt(s.substring(12, 14)));
            return d.getYear() < 1880 ? Optional.empty() : Optional.of(d);
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
