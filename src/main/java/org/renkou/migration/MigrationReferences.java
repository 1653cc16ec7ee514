package org.renkou.migration;

import java.util.List;
import org.renkou.people.PersonReferences;
import org.springframework.stereotype.Component;

/** Moves, verification requests and notices of other towns move with a merged person. */
@Component
class MigrationReferences implements PersonReferences {
    @Override
    public List<Column> personColumns() {
        return List.of(new Column("migration_move", "person_id"), new Column("verification_request", "person_id"),
                new Column("migration_notice", "person_id"));
    }
}
