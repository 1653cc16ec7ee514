package org.renkou.health;

import java.time.LocalDate;
import org.renkou.health.HealthCodes.ProcedureKind;

/** A procedure to record: its kind, the day it was done and where. */
public record ProcedureForm(ProcedureKind kind, LocalDate doneOn, String provider) {
}
