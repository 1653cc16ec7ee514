package org.renkou.people;

import java.time.LocalDate;

/** A line of a person list: the ID number is always masked here. */
public record PersonSummary(long id, String idNumber, String name, String sex, LocalDate birthDate, int age,
                            String villageCode, String villageName, String gridCode, PersonStatus status,
                            String householdNo, Long householdId, String relation) {
}
