package org.renkou.health;

import java.time.LocalDate;

/**
 * A birth to record for a mother. A live birth here ({@code registerChild}) enters the child in the register,
 * in the mother's household; an earlier child (of a former marriage, adopted, deceased, or born before the
 * register) is recorded only so the birth-order rule can count it. {@code registeredOn}: 生育登记.
 */
public record BirthForm(String childName, String sex, LocalDate birthDate, String place, Long fatherId,
                        String fatherName, Boolean formerMarriage, Boolean adopted, LocalDate diedOn,
                        Boolean registerChild, String childIdNumber,
                        LocalDate registeredOn) {

    public boolean isFormerMarriage() {
        return Boolean.TRUE.equals(formerMarriage);
    }

    public boolean isAdopted() {
        return Boolean.TRUE.equals(adopted);
    }

    public boolean isRegisterChild() {
        return Boolean.TRUE.equals(registerChild);
    }
}
