package org.renkou.linkage;

import java.time.LocalDate;
import org.renkou.common.IdNumber;

/**
 * A person as linkage compares them: the fields that tell two records of one person from two people, already
 * normalised. {@code idValid} is a complete 18-character number with a right check character (a number
 * "confirmed as printed" with a wrong one is not proof of a different person).
 */
record LinkRecord(long id, String name, String pinyin, String idNumber, boolean idValid, String sex,
                  LocalDate birthDate, String householdNo, String hukouCode, String villageCode, String phone) {

    static LinkRecord of(long id, String name, String idNumber, String sex, LocalDate birthDate, String householdNo,
                         String hukouCode, String villageCode, String phone) {
        String n = Normalised.name(name);
        String id18 = Normalised.idNumber(idNumber);
        boolean valid = id18 != null && IdNumber.parse(id18).valid();
        return new LinkRecord(id, n, Pinyin.of(n), id18, valid, sex, birthDate, blankToNull(householdNo),
                blankToNull(hukouCode), villageCode, Normalised.phone(phone));
    }

    /** The ID number without its check character: a block that keeps numbers differing only there together. */
    String idFirst17() {
        return idNumber != null && idNumber.length() == 18 ? idNumber.substring(0, 17) : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
