package org.renkou.referrals;

import java.util.List;
import org.renkou.common.IdNumber;
import org.renkou.health.Task;
import org.renkou.health.TaskSource;
import org.springframework.stereotype.Component;

/** The town office's task list shows its area's open referrals past the deadline, oldest first. */
@Component
class ReferralTasks implements TaskSource {
    private final ReferralService referrals;

    ReferralTasks(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public List<Task> tasks() {
        return referrals.overdue().stream().map(r -> new Task(Task.Kind.REFERRAL_OVERDUE, r.personId(), r.name(),
                IdNumber.mask(r.idNumber()), r.villageCode(), r.due(), null, r.partnerName(), "/referrals/" + r.id())).toList();
    }
}
