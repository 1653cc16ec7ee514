package org.renkou.health;

import java.time.LocalDate;
import org.renkou.health.HealthCodes.PregnancyOutcome;

/** A pregnancy as detected, or its outcome when {@code outcome} is given. */
public record PregnancyForm(LocalDate detectedOn, LocalDate expectedOn, PregnancyOutcome outcome, LocalDate outcomeOn) {
}
