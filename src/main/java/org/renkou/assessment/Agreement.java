package org.renkou.assessment;

import java.time.LocalDate;
import java.util.List;

/** A year's target agreement (目标管理责任书) with one unit: its targets, signed on a date by named persons. */
public record Agreement(long id, int year, String areaCode, LocalDate signedOn, String signedBy, String counterSigned,
                        List<Target> targets) {

    public int totalWeight() {
        return targets.stream().mapToInt(Target::weight).sum();
    }
}
