package org.renkou.common;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** CSV files as Chinese offices open them in Excel: UTF-8 with BOM, formulas neutralised. */
public final class Csv {
    private Csv() {
    }

    /** A cell that a spreadsheet would run as a formula (=, +, -, @) is written as text instead. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' ? "'" + value : value;
    }

    /** Writes rows as CSV (UTF-8 with BOM, so that Excel opens Chinese text correctly). */
    public static void write(OutputStream out, String[] header, Iterable<String[]> rows) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        writeCsvLine(w, header);
        for (String[] row : rows) {
            writeCsvLine(w, row);
        }
        w.flush();
    }

    private static void writeCsvLine(Writer w, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            String v = neutralise(cells[i]);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                w.write('"');
                w.write(v.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(v);
            }
        }
        w.write("\r\n");
    }
}
