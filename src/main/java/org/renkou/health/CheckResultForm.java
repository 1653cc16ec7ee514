package org.renkou.health;

import java.time.LocalDate;
import org.renkou.health.HealthCodes.CheckResult;

/** A result entered on a clinic day; {@code checkedOn} defaults to today. */
public record CheckResultForm(Long personId, CheckResult result, LocalDate checkedOn) {
}
