package org.renkou.health;

import java.time.LocalDate;
import org.renkou.health.HealthCodes.Method;
import org.renkou.health.HealthCodes.NoMethodReason;

/** One contraception record of a woman (the couple's measure): a method, or a reason for none, over a time. */
public record Contraception(long id, long personId, Method method, NoMethodReason noMethodReason, LocalDate startedOn,
                            LocalDate endedOn, String provider, String recordedBy) {

    public boolean inForce(LocalDate on) {
        return !startedOn.isAfter(on) && (endedOn == null || endedOn.isAfter(on));
    }
}
