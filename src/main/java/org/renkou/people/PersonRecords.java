package org.renkou.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * Implemented by features that keep records of a person (health, support, migration, referrals): what each holds
 * of one person, in the reader's words, so that a screen outside the feature (the side-by-side review of a
 * probable duplicate, the person's page) shows it without reading the feature's tables and without people
 * depending on the feature. A feature says whether the reader may see its records ({@link #readable()}, its
 * permission) and lists them; {@link #of} asks only readers who may.
 */
@NamedInterface("references")
public interface PersonRecords {
    /** One record: its date (may be absent), what it is, and where the feature shows it (may be absent). */
    record Row(LocalDate on, String what, String href) {
        public Row(LocalDate on, String what) {
            this(on, what, null);
        }
    }

    /** Something the reader may do about the person in the feature (only offered to those who may). */
    record Link(String id, String href, String label) {
    }

    /**
     * A feature's records of one person under a title, with what the reader may do there; {@code readable}
     * false when the reader may not see them (the rows are then empty, and the screen says so).
     */
    record Records(String title, boolean readable, List<Row> rows, List<Link> links) {
        public static Records hidden(String title) {
            return new Records(title, false, List.of(), List.of());
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

    /** What the reader may do about the person in the feature; called only for a reader who may see the records. */
    default List<Link> links(long personId) {
        return List.of();
    }

    /**
     * Whether the records also show as a section of the person's page (for readers who may see them); the
     * features whose records have their own page link to it instead.
     */
    default boolean onPersonPage() {
        return false;
    }

    /** The records of the person, newest first (undated last), or hidden from a reader who may not see them. */
    default Records of(long personId) {
        if (!readable()) {
            return Records.hidden(title());
        }
        List<Row> rows = new ArrayList<>(rows(personId));
        rows.sort(Comparator.comparing(Row::on, Comparator.nullsLast(Comparator.reverseOrder())));
        return new Records(title(), true, rows, links(personId));
    }
}
