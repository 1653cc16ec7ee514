package org.renkou.stats;

import java.util.List;

/**
 * A statistical form as offices file it: title, column headings, one row per area and a total row;
 * {@code enteredLater} counts the persons in it whose records were made after the period ended.
 * {@code columns} are the indicator codes under the headings (after the unit), {@code rowAreas} the area code of
 * each row ({@code null} for the total), so a live table can be set against the one submitted.
 * {@code changed} marks the cells that differ from the submitted table ("row,column" of {@code rows}), with their
 * value as submitted; empty when nothing was submitted or nothing changed.
 */
public record StandardTable(String id, String title, String subtitle, List<String> headings, List<List<String>> rows,
                            long enteredLater, List<String> columns, List<String> rowAreas,
                            java.util.Map<String, String> changed) {

    public boolean isChanged(int row, int column) {
        return changed.containsKey(row + "," + column);
    }

    public String submittedValue(int row, int column) {
        return changed.get(row + "," + column);
    }
}
