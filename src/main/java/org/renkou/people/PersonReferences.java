package org.renkou.people;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * Implemented by every feature that keeps persons' ids in its tables (people itself, health, support,
 * migration, portal): when two records of one person are merged, {@link PersonMerges} moves each of these
 * columns from the merged record to the survivor, and moves exactly those rows back on an undo. A feature that
 * adds a column holding a person's id adds it here, so no merge forgets it.
 */
@NamedInterface("references")
public interface PersonReferences {
    /**
     * A column holding a person's id: {@code key} identifies a row (its primary key, or the rest of it);
     * {@code uniqueWith} are the columns that together with the person must stay unique (a row the survivor
     * already has, such as the same campaign's roster line, stays with the merged record).
     */
    record Column(String table, String personColumn, String key, List<String> uniqueWith) {
        public Column(String table, String personColumn) {
            this(table, personColumn, "id", List.of());
        }
    }

    List<Column> personColumns();
}
