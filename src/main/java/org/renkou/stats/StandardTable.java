package org.renkou.stats;

import java.util.List;

/** A statistical form as offices file it: title, column headings, one row per area and a total row. */
public record StandardTable(String id, String title, String subtitle, List<String> headings, List<List<String>> rows) {
}
