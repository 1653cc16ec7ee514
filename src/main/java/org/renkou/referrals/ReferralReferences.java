package org.renkou.referrals;

import java.util.List;
import org.renkou.people.PersonReferences;
import org.springframework.stereotype.Component;

/** Referrals move with a merged person. */
@Component
class ReferralReferences implements PersonReferences {
    @Override
    public List<Column> personColumns() {
        return List.of(new Column("referral", "person_id"));
    }
}
