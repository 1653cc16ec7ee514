package org.renkou.health;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.renkou.common.AreaCondition;
import org.renkou.common.AreaScope;
import org.renkou.common.Messages;
import org.renkou.common.ReportPeriod;
import org.renkou.stats.Chart;
import org.renkou.stats.ChartSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Births by month and sex over the period. */
@Component
class BirthCharts implements ChartSource {
    private final JdbcClient jdbc;
    private final Messages messages;

    BirthCharts(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public List<Chart> charts(String area, ReportPeriod period, LocalDate asOf) {
        YearMonth first = YearMonth.from(period.from());
        List<String> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        List<BigDecimal> boys = Chart.zeros(months.size());
        List<BigDecimal> girls = Chart.zeros(months.size());
        AreaCondition in = AreaScope.of(area).on("b.area_code", "b.grid_code");
        jdbc.sql("select to_char(b.birth_date, 'YYYY-MM'), b.sex, count(*) from birth b where not b.adopted"
                        + " and b.birth_date between :from and :to and " + in.sql() + " group by 1, 2")
                .param("from", period.from()).param("to", period.to()).params(in.params()).query(rs -> {
                    int i = months.indexOf(rs.getString(1));
                    ("1".equals(rs.getString(2)) ? boys : girls).set(i, BigDecimal.valueOf(rs.getLong(3)));
                });
        return List.of(new Chart("births-month", messages.get("chart.birthsByMonth"), "bar", months,
                List.of(new Chart.Series(messages.get("chart.boys"), boys), new Chart.Series(messages.get("chart.girls"), girls))));
    }
}
