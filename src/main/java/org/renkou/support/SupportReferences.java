package org.renkou.support;

import java.util.List;
import org.renkou.people.PersonReferences;
import org.springframework.stereotype.Component;

/**
 * Allowances move with a merged person. An application or a month's payment the survivor already has in the
 * same programme stays with the merged record (one per person is the rule), where it can still be read.
 */
@Component
class SupportReferences implements PersonReferences {
    @Override
    public List<Column> personColumns() {
        return List.of(new Column("allowance_application", "beneficiary_id", "id", List.of("programme_id")),
                new Column("allowance_application", "applicant_id"),
                new Column("payment_line", "beneficiary_id", "application_id", List.of("programme_id", "month")));
    }
}
