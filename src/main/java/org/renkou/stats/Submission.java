package org.renkou.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.renkou.common.Dates;

/**
 * A town's standard tables of one period as submitted to the district (报送) on {@code submittedOn}; in force
 * until the district returns it (退回) with a reason, after which the town submits again.
 */
public record Submission(long id, String area, String areaName, String period, LocalDate periodFrom, LocalDate periodTo,
                         LocalDate countedOn, LocalDate submittedOn, Instant submittedAt, String submittedBy,
                         State state, Instant returnedAt, String returnedBy, String returnReason) {

    public enum State { SUBMITTED, RETURNED }

    public LocalDateTime submittedLocal() {
        return LocalDateTime.ofInstant(submittedAt, Dates.ZONE);
    }

    public LocalDateTime returnedLocal() {
        return returnedAt == null ? null : LocalDateTime.ofInstant(returnedAt, Dates.ZONE);
    }
}
