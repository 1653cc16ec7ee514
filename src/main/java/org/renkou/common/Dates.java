package org.renkou.common;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/** Renkou's calendar is China's: every "today" is today in Asia/Shanghai. */
public final class Dates {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Dates() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public static int age(LocalDate birthDate, LocalDate on) {
        return Period.between(birthDate, on).getYears();
    }
}
