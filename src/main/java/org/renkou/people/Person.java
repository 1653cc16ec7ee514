package org.renkou.people;

import java.time.LocalDate;
import org.springframework.modulith.NamedInterface;

/**
 * A person of the register (全员人口个案) as stored. Codes are national codes: sex GB/T 2261.1, marital status
 * GB/T 2261.2, ethnicity GB 3304, relation to the household head GB/T 4761, education GB/T 4658.
 */
@NamedInterface("register")
public record Person(long id, String idNumber, boolean idNumberFlagged, String name, String sex,
                     LocalDate birthDate, String ethnicity, String maritalStatus, String education,
                     Long householdId, String householdNo, String relation, String hukouCode, String villageCode,
                     String gridCode, PersonStatus status, LocalDate arrivedOn, LocalDate leftOn, LocalDate diedOn,
                     String moveReason, String otherPlaceCode, String phone, String address, Long motherId,
                     boolean enteredByMistake, int version) {

    public Person withIdNumber(String shown) {
        return new Person(id, shown, idNumberFlagged, name, sex, birthDate, ethnicity, maritalStatus, education,
                householdId, householdNo, relation, hukouCode, villageCode, gridCode, status, arrivedOn, leftOn,
                diedOn, moveReason, otherPlaceCode, phone, address, motherId, enteredByMistake, version);
    }
}
