package org.renkou.support;

import java.time.LocalDate;
import java.util.List;

/** A visit as entered: the cash as written in yuan (at most two decimals), goods lines. */
public record VisitForm(Long householdId, Long familyId, LocalDate visitedOn, String giver, String giverName,
                        String cashYuan, String note, List<Visit.Goods> goods) {
}
