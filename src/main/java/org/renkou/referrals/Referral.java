package org.renkou.referrals;

import java.time.LocalDate;

/**
 * A floating person (or their family) referred to a partner office for a service: who referred, to whom, when,
 * by when an answer is due, and the office's answer (outcome and date) once given. The ID number is masked unless
 * the reader may see whole numbers.
 */
public record Referral(long id, long personId, String name, String idNumber, String villageCode, String gridCode,
                       boolean forFamily, Kind kind, long partnerId, String partnerName, LocalDate referredOn,
                       String referredBy, String need, LocalDate due, boolean overdue, Outcome outcome,
                       LocalDate answeredOn, String answeredBy, String answerNote) {

    /** The six services of the town report: 申办户口, 子女入学入托, 就医, 劳动技能培训, 购房租房, 困难救助. */
    public enum Kind { HUKOU, SCHOOLING, MEDICAL, TRAINING, HOUSING, RELIEF }

    /** GIVEN is a service given (counted in the indicators); the others close the referral without one. */
    public enum Outcome { GIVEN, REFUSED, NOT_NEEDED, UNREACHABLE }

    public boolean open() {
        return outcome == null;
    }
}
