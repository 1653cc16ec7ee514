package org.renkou.people;

import java.time.LocalDate;
import java.util.List;

/**
 * Implemented by features that keep records of a person (health, support): what each holds of one person, in
 * words, so that a screen outside the feature (the review of a probable duplicate) can show it side by side
 * without reading the feature's tables. The reader's permission to see the records is the feature's to check.
 */
public interface PersonRecords {
    /** One record, in the reader's language: what it is and its date (either may be absent). */
    record Line(String what, LocalDate on) {
    }

    /** The heading of this feature's records ({@code messages} key). */
    String heading();

    /** The records of the person, newest first; empty when the reader may not see them. */
    List<Line> of(long personId);
}
