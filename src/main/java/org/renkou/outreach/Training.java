package org.renkou.outreach;

import java.time.LocalDate;

/** A training session for staff: from a date for some days, where, by whom, for how many participants. */
public record Training(long id, String title, LocalDate startsOn, int days, String place, String trainer,
                       int participants, String areaCode, String note) {

    @com.fasterxml.jackson.annotation.JsonProperty
    public int participantDays() {
        return days * participants;
    }
}
