package org.renkou.common;

import java.util.List;

/**
 * The one definition of how long a free-text field may be, used alike by the pages' forms, the API and the
 * import; and the rule that no text carries control characters (a NUL cannot even be stored).
 */
public final class TextLimits {
    /** A person's name (also a liaison's, a landlord's). */
    public static final int NAME = 50;
    /** A short line: a reason, an employer, a subject, a title. */
    public static final int SHORT_TEXT = 100;
    /** A postal address. */
    public static final int ADDRESS = 200;
    /** A note, a consultation's text, a decision's remark. */
    public static final int NOTE = 2000;
    /** The longest text of all (a report template); the limit of any text field not named here. */
    public static final int DOCUMENT = 20_000;

    private TextLimits() {
    }

    /** Adds the problems of one text field: longer than {@code max} ({@code maxLength}), or control characters. */
    public static void check(Messages messages, List<FieldProblem> problems, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            problems.add(messages.problem(field, "maxLength", max));
        } else if (hasControlCharacter(value)) {
            problems.add(messages.problem(field, "controlCharacter"));
        }
    }

    /** Control characters other than tab and line breaks (which a multi-line text may hold). */
    public static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }
}
