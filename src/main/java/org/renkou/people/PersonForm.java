package org.renkou.people;

import java.time.LocalDate;
import org.springframework.modulith.NamedInterface;

/**
 * What a user or client submits to create or change a person. {@code confirmIdNumber} accepts an ID number
 * with a wrong check character as printed on the card (it then stays flagged). {@code version} is the
 * version the user read; a change made by somebody else since then is refused.
 */
@NamedInterface("register")
public record PersonForm(String idNumber, Boolean confirmIdNumber, String name, String sex, LocalDate birthDate,
                         String ethnicity, String maritalStatus, String education, String householdNo,
                         String relation, String hukouCode, String villageCode, String gridCode, PersonStatus status,
                         LocalDate arrivedOn, LocalDate leftOn, LocalDate diedOn, String moveReason,
                         String otherPlaceCode, String phone, String address, Long motherId, Integer version) {

    public static PersonForm of(Person p) {
        return new PersonForm(p.idNumber(), p.idNumberFlagged(), p.name(), p.sex(), p.birthDate(), p.ethnicity(),
                p.maritalStatus(), p.education(), p.householdNo(), p.relation(), p.hukouCode(), p.villageCode(),
                p.gridCode(), p.status(), p.arrivedOn(), p.leftOn(), p.diedOn(), p.moveReason(),
                p.otherPlaceCode(), p.phone(), p.address(), p.motherId(), p.version());
    }

    public static PersonForm empty() {
        return new PersonForm(null, false, null, null, null, "01", null, null, null, null, null, null, null,
                PersonStatus.REGISTERED, null, null, null, null, null, null, null, null, null);
    }

    public boolean confirmed() {
        return Boolean.TRUE.equals(confirmIdNumber);
    }
}
