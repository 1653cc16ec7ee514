package org.renkou.health;

import java.time.LocalDate;
import org.renkou.health.HealthCodes.Method;
import org.renkou.health.HealthCodes.NoMethodReason;

/** A new measure (or reason for none) from a date; it ends the one in force. */
public record ContraceptionForm(Method method, NoMethodReason noMethodReason, LocalDate startedOn, String provider) {
}
