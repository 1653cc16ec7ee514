package org.renkou.people;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.renkou.common.AreaCondition;
import org.renkou.common.AreaScope;
import org.renkou.common.Messages;
import org.renkou.common.ReportPeriod;
import org.renkou.stats.Chart;
import org.renkou.stats.ChartSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The population pyramid on a date, and the inflow population at the end of each of the last years. */
@Component
class PopulationCharts implements ChartSource {
    private static final int BANDS = 18; // 0-4, 5-9, ..., 85+
    private static final int YEARS = 6;

    private final JdbcClient jdbc;
    private final Messages messages;

    PopulationCharts(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public List<Chart> charts(String area, ReportPeriod period, LocalDate asOf) {
        return List.of(pyramid(area, asOf), inflowOverYears(area, asOf));
    }

    private Chart pyramid(String area, LocalDate asOf) {
        List<BigDecimal> men = Chart.zeros(BANDS);
        List<BigDecimal> women = Chart.zeros(BANDS);
        PeopleOnDate.aggregate(jdbc, "least(extract(year from age(date '" + asOf + "', x.birth_date))::int / 5, " + (BANDS - 1)
                + ") as band, x.sex, count(*) filter (where x.status in ('REGISTERED', 'INFLOW'))", "1, 2", area, asOf, rs -> {
                    List<BigDecimal> list = "1".equals(rs.getString(2)) ? men : women;
                    list.set(rs.getInt(1), list.get(rs.getInt(1)).add(BigDecimal.valueOf(rs.getLong(3))));
                });
        List<String> bands = new ArrayList<>();
        for (int b = 0; b < BANDS; b++) {
            bands.add(b == BANDS - 1 ? (b * 5) + "+" : (b * 5) + "–" + (b * 5 + 4));
        }
        return new Chart("pyramid", messages.get("chart.pyramid"), "pyramid", bands,
                List.of(new Chart.Series(messages.get("chart.male"), men), new Chart.Series(messages.get("chart.female"), women)));
    }

    /** The inflow population on 31 December of each of the last years (on the date itself for its year). */
    private Chart inflowOverYears(String area, LocalDate asOf) {
        int first = asOf.getYear() - YEARS + 1;
        List<String> years = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        Map<String, Object> dates = new HashMap<>();
        for (int y = first; y <= asOf.getYear(); y++) {
            LocalDate d = y == asOf.getYear() ? asOf : LocalDate.of(y, 12, 31);
            years.add(String.valueOf(y));
            columns.add("count(*) filter (where s.valid_from <= :on" + y + " and (s.valid_to is null or s.valid_to > :on" + y + "))");
            dates.put("on" + y, d);
        }
        AreaCondition inArea = AreaScope.of(area).on("p.village_code", "p.grid_code");
        List<BigDecimal> counts = jdbc.sql("select " + String.join(", ", columns) + " from person p"
                        + " join person_status_period s on s.person_id = p.id and s.status = 'INFLOW'"
                        + " where not p.entered_by_mistake and " + inArea.sql())
                .params(dates).params(inArea.params()).query((rs, n) -> {
                    List<BigDecimal> row = new ArrayList<>();
                    for (int c = 1; c <= YEARS; c++) {
                        row.add(BigDecimal.valueOf(rs.getLong(c)));
                    }
                    return row;
                }).single();
        return new Chart("inflow-years", messages.get("chart.inflowYears"), "line", years,
                List.of(new Chart.Series(messages.get("chart.inflow"), counts)));
    }
}
