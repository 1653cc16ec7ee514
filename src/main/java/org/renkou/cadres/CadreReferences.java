package org.renkou.cadres;

import java.util.List;
import org.renkou.people.PersonReferences;
import org.springframework.stereotype.Component;

/** A cadre's register record moves with a merged person. */
@Component
class CadreReferences implements PersonReferences {
    @Override
    public List<Column> personColumns() {
        return List.of(new Column("cadre", "person_id"));
    }
}
