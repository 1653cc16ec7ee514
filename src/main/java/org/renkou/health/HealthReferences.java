package org.renkou.health;

import java.util.List;
import org.renkou.people.PersonReferences;
import org.springframework.stereotype.Component;

/** Health records move with a merged person: contraception, check rosters, pregnancies, procedures, births, birth
 * permits. */
@Component
class HealthReferences implements PersonReferences {
    @Override
    public List<Column> personColumns() {
        return List.of(new Column("contraception", "person_id"),
                new Column("check_roster", "person_id", "campaign_id", List.of("campaign_id")),
                new Column("pregnancy", "person_id"), new Column("fp_procedure", "person_id"),
                new Column("birth", "mother_id"), new Column("birth", "child_id"), new Column("birth", "father_id"),
                new Column("birth_permit", "mother_id"), new Column("birth_permit", "father_id"));
    }
}
