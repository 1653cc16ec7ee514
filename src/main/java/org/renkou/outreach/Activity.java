package org.renkou.outreach;

import java.time.LocalDate;
import java.util.List;

/** A publicity activity (宣传) of a kind with its count, on a date, in an area, for a campaign; with photos. */
public record Activity(long id, LocalDate heldOn, String areaCode, String campaign, String kind, int count, String note,
                       List<Long> photoIds) {
}
