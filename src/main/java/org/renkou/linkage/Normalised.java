package org.renkou.linkage;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.text.Normalizer;
import java.util.regex.Pattern;
import org.renkou.common.IdNumber;

/**
 * The forms of names and ID numbers that are compared: the same person is written with full-width letters,
 * stray spaces, the middle dot of minority names, traditional characters, or an old 15-digit ID number.
 */
final class Normalised {
    /** Spaces of every width and the dots that separate the parts of a transcribed name (·・‧•.). */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00B7\\u30FB\\u2027\\u2022\\u2219\\u22C5\\uFF65.\\u3000]+");

    /** Each character's simplified form once known (0: not asked yet); a race only asks twice. */
    private static final char[] SIMPLIFIED = new char[Character.MAX_VALUE + 1];

    private Normalised() {
    }

    /** A name as compared: NFKC (full-width to half-width), without separators, in simplified characters. */
    static String name(String raw) {
        if (raw == null) {
            return "";
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        s = SEPARATORS.matcher(s).replaceAll("");
        StringBuilder simplified = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            simplified.append(simplified(c));
        }
        return simplified.toString().toUpperCase();
    }

    /**
     * A character in simplified form, each asked of opencc4j once: names are converted character by character
     * (a name has no words for the converter's phrase table), and a register of a million reads its few
     * thousand characters only.
     */
    private static char simplified(char c) {
        char known = SIMPLIFIED[c];
        if (known == 0) {
            String converted = ZhConverterUtil.toSimple(String.valueOf(c));
            known = converted.length() == 1 ? converted.charAt(0) : c;
            SIMPLIFIED[c] = known;
        }
        return known;
    }

    private static final Pattern NOT_DIGITS = Pattern.compile("\\D");

    /** An ID number as compared: half-width, upper case, 15 digits turned into 18; null when absent. */
    static String idNumber(String raw) {
        IdNumber.Parsed parsed = parsedIdNumber(raw);
        return parsed == null ? null : parsed.normalized();
    }

    /** The same, read: the normalised number and whether it is a valid one; null when absent. */
    static IdNumber.Parsed parsedIdNumber(String raw) {
        if (raw == null) {
            return null;
        }
        // most numbers are plain digits already: NFKC and the separators only for the others
        String s = plain(raw, true) ? raw : SEPARATORS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC)).replaceAll("");
        if (s.isEmpty()) {
            return null;
        }
        return IdNumber.parse(s);
    }

    /** A phone number's digits, without the country code; null when absent. */
    static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = plain(raw, false) ? raw : NOT_DIGITS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC)).replaceAll("");
        if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits.isEmpty() ? null : digits;
    }

    /** Only ASCII digits (and, in an ID number, X): nothing to normalise. */
    private static boolean plain(String s, boolean x) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && !(x && c == 'X')) {
                return false;
            }
        }
        return true;
    }
}
