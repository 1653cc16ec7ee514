package org.renkou.support;

import java.time.LocalDate;

/** A person the register shows eligible for a programme, and why (the reasons are shown to staff and stored). */
public record Eligible(long personId, String name, String maskedIdNumber, String villageCode, LocalDate birthDate,
                       String reasons) {
}
