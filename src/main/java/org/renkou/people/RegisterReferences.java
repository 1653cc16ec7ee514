package org.renkou.people;

import java.util.List;
import org.springframework.stereotype.Component;

/** The register's own references to a person: a mother's children point at her record. */
@Component
class RegisterReferences implements PersonReferences {
    @Override
    public List<Column> personColumns() {
        return List.of(new Column("person", "mother_id"));
    }
}
