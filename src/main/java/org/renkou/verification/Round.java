package org.renkou.verification;

import java.time.LocalDate;
import java.util.List;

/** A verification round as planned: its areas (villages, or a whole town) and its dates. */
public record Round(long id, String name, List<String> areaCodes, LocalDate startsOn, LocalDate endsOn, String plannedBy) {
    /** PLANNED before its first day, OPEN until its last, CLOSED after. */
    public String status(LocalDate today) {
        return today.isBefore(startsOn) ? "PLANNED" : today.isAfter(endsOn) ? "CLOSED" : "OPEN";
    }
}
