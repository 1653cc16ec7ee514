package org.renkou.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * Implemented by features that keep records of a person (health, support, migration): what each holds of one
 * person, in the reader's words, so that a screen outside the feature (the side-by-side review of a probable
 * duplicate) shows it without reading the feature's tables. A feature says whether the reader may see its
 * records ({@link #readable()}, its permission) and lists them; {@link #of} asks only readers who may.
 */
@NamedInterface("references")
public interface PersonRecords {
    /** One record: its date (may be absent) and what it is. */
    record Row(LocalDate on, String what) {
    }

    /**
     * A feature's records of one person under a title; {@code readable} false when the reader may not see
     * them (the rows are then empty, and the screen says so).
     */
    record Records(String title, boolean readable, List<Row> rows) {
        public static Records hidden(String title) {
            return new Records(title, false, List.of());
        }
    }

    /** Where the records stand on the review screen, smallest first. */
    int order();

    /** The title of the feature's records, in the reader's language. */
    String title();

    /** Whether the current reader may see this feature's records. */
    boolean readable();

    /** The person's records in any order; called only for a reader who may see them. */
    List<Row> rows(long personId);

    /** The records of the person, newest first (undated last), or hidden from a reader who may not see them. */
    default Records of(long personId) {
        if (!readable()) {
            return Records.hidden(title());
        }
        List<Row> rows = new ArrayList<>(rows(personId));
        rows.sort(Comparator.comparing(Row::on, Comparator.nullsLast(Comparator.reverseOrder())));
        return new Records(title(), true, rows);
    }
}
