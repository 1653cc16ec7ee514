package org.renkou.stats;

import java.util.List;

/**
 * A statistical form as offices file it: title, column headings, one row per area and a total row;
 * {@code enteredLater} counts the persons in it whose records were made after the period ended.
 */
public record StandardTable(String id, String title, String subtitle, List<String> headings, List<List<String>> rows,
                            long enteredLater) {
}
