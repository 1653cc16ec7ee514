package org.renkou.health;

import java.time.LocalDate;

/** 再生育审批: an approved permit for one more child, recorded on the couple (the mother's record). */
public record BirthPermit(long id, long motherId, Long fatherId, LocalDate approvedOn, String reason) {
}
