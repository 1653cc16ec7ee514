package org.renkou.health;

import java.time.LocalDate;
import org.renkou.health.HealthCodes.Method;
import org.renkou.health.HealthCodes.NoMethodReason;

/** A line of the register of women of reproductive age: ID number masked, current measure, last check. */
public record WomanRow(long personId, String name, String maskedIdNumber, int age, String status, String villageCode,
                       String gridCode, String maritalStatus, Method method, NoMethodReason noMethodReason,
                       LocalDate lastCheckedOn) {
}
