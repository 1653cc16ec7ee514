package org.renkou.health;

import java.time.LocalDate;
import org.renkou.health.HealthCodes.PregnancyOutcome;

public record Pregnancy(long id, long personId, LocalDate detectedOn, LocalDate expectedOn, PregnancyOutcome outcome,
                        LocalDate outcomeOn) {
}
