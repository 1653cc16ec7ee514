package org.renkou.people;

import java.time.LocalDate;
import org.springframework.modulith.NamedInterface;

/** A member of a household as a visitor's list shows them: the ID number masked, the version for a change. */
@NamedInterface("register")
public record HouseholdMember(long householdId, long personId, String name, String sex, LocalDate birthDate,
                              String idNumber, String relation, PersonStatus status, String phone, String maritalStatus,
                              int version) {
}
