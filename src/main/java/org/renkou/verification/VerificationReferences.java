package org.renkou.verification;

import java.util.List;
import org.renkou.people.PersonReferences;
import org.springframework.stereotype.Component;

/** A round's results and changes name persons: a merge moves them to the survivor (one result per round). */
@Component
class VerificationReferences implements PersonReferences {
    @Override
    public List<Column> personColumns() {
        return List.of(new Column("verification_result", "person_id", "id", List.of("round_id")),
                new Column("verification_change", "person_id"));
    }
}
