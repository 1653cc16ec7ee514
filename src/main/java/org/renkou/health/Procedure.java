package org.renkou.health;

import java.time.LocalDate;
import org.renkou.health.HealthCodes.ProcedureKind;

/** A family-planning procedure (计划生育手术) done on a date, on the woman's (the couple's) record. */
public record Procedure(long id, long personId, ProcedureKind kind, LocalDate doneOn, String provider, String recordedBy) {
}
