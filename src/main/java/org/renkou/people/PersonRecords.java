package org.renkou.people;

import java.time.LocalDate;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * Implemented by features that keep records of a person (health, support, migration): what each holds of one
 * person, in the reader's words, so that a screen outside the feature (the side-by-side review of a probable
 * duplicate) shows it without reading the feature's tables. The feature checks the reader's permission.
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

    /** The records of the person, newest first. */
    Records of(long personId);
}
