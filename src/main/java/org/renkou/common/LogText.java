package org.renkou.common;

/**
 * Text from outside (a peer's claimed sender, an error message quoting a request) made safe for one log line:
 * control characters (a newline would forge a line of its own) are written as backslash-u escapes (four hex digits), and the
 * text is cut to a length that keeps a log readable.
 */
public final class LogText {
    private static final int MAX = 200;

    private LogText() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX) + 16);
        for (int i = 0; i < s.length() && i < MAX; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\\') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (s.length() > MAX) {
            out.append("…(").append(s.length()).append(" chars)");
        }
        return out.toString();
    }
}
