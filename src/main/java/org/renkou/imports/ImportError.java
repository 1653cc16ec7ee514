package org.renkou.imports;

/** A rejected row: its number in the file (the header is row 1), the column, the value and why. */
public record ImportError(int rowNo, String column, String value, String reason) {
}
