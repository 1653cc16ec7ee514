package org.renkou.stats;

import java.time.LocalDate;
import java.util.List;
import org.renkou.common.ReportPeriod;

/** How a feature contributes dashboard charts that are not simply indicators by area (a pyramid, a time series). */
public interface ChartSource {

    List<Chart> charts(String area, ReportPeriod period, LocalDate asOf);
}
