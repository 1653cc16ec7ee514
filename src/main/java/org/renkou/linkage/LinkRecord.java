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

    /** Names repeat across a register (张伟, 王秀英): each is normalised and read in pinyin once. */
    private static final java.util.Map<String, String[]> NAMES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int NAMES_KEPT = 200_000;

    static LinkRecord of(long id, String name, String idNumber, String sex, LocalDate birthDate, String householdNo,
                         String hukouCode, String villageCode, String phone) {
        String[] forms = NAMES.get(name == null ? "" : name);
        if (forms == null) {
            String normalised = Normalised.name(name);
            forms = new String[]{normalised, Pinyin.of(normalised)};
            if (NAMES.size() > NAMES_KEPT) {
                NAMES.clear();
            }
            NAMES.put(name == null ? "" : name, forms);
        }
        IdNumber.Parsed parsed = Normalised.parsedIdNumber(idNumber);
        return new LinkRecord(id, forms[0], forms[1], parsed == null ? null : parsed.normalized(),
                parsed != null && parsed.valid(), sex, birthDate, blankToNull(householdNo),
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
