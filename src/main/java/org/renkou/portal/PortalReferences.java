package org.renkou.portal;

import java.util.List;
import org.renkou.people.PersonReferences;
import org.springframework.stereotype.Component;

/** A resident's sign-in codes, notifications and follow-up visits move with a merged person. */
@Component
class PortalReferences implements PersonReferences {
    @Override
    public List<Column> personColumns() {
        return List.of(new Column("portal_code", "person_id"), new Column("portal_notification", "person_id"),
                new Column("portal_followup", "person_id"));
    }
}
