package org.renkou.support;

import java.time.LocalDate;

/** A family in difficulty (困难家庭): why, and the two liaisons who look after it. */
public record Family(long id, long householdId, String villageCode, String reason, String liaison1, String liaison2,
                     LocalDate registeredOn, LocalDate closedOn) {
}
