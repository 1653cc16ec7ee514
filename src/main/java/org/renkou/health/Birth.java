package org.renkou.health;

import java.time.LocalDate;

/**
 * A child of a mother (a birth recorded here or an earlier child), with whether it complied with the rules in
 * force on its date and why ({@code compliant} is null for adopted children, which are not births).
 */
public record Birth(long id, long motherId, Long childId, Long fatherId, String fatherName, String childName,
                    String sex, LocalDate birthDate, String place, String areaCode, int birthOrder,
                    boolean formerMarriage, boolean adopted, LocalDate diedOn, LocalDate registeredOn,
                    Boolean compliant, String ruleSet, String reason) {
}
