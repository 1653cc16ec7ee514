package org.renkou.supplies;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.renkou.common.AreaCondition;
import org.renkou.common.AreaScope;
import org.renkou.common.ReportPeriod;
import org.renkou.stats.Fraction;
import org.renkou.stats.Indicator;
import org.renkou.stats.IndicatorSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Distribution points, quantities issued, and the survey rates (获得率, 知晓率). */
@Component
class SupplyIndicators implements IndicatorSource {
    private final JdbcClient jdbc;

    SupplyIndicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts of stock and goods handed out, not persons: nothing to suppress. */
    @Override
    public boolean countsPersons() {
        return false;
    }

    @Override
    public List<Indicator> catalogue() {
        return List.of(new Indicator("SUPPLY_POINTS", "免费药具发放点", "Distribution points", "在用的免费避孕药具发放点数", "个", 1),
                new Indicator("SUPPLY_ISSUED", "药具发放数量", "Supplies issued", "期内各发放点发出的药具数量", "件", 1),
                Indicator.percent("SUPPLY_ACQUISITION_RATE", "避孕药具获得率", "Acquisition rate", "期内调查中能获得药具的人数 / 调查人数"),
                Indicator.percent("POLICY_AWARENESS_RATE", "政策知晓率", "Policy awareness rate", "期内调查中知晓政策的人数 / 调查人数"));
    }

    @Override
    public Map<String, Map<String, Fraction>> compute(Set<String> codes, String area, ReportPeriod period, LocalDate asOf) {
        Map<String, Map<String, Fraction>> out = new HashMap<>();
        AreaCondition pointIn = AreaScope.of(area).on("p.village_code", "null");
        jdbc.sql("select p.village_code, count(*) from supply_point p where p.active and " + pointIn.sql() + " group by 1")
                .params(pointIn.params())
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put("SUPPLY_POINTS", Fraction.count(rs.getLong(2)));
                });
        jdbc.sql("select p.village_code, -sum(l.quantity) from supply_ledger l join supply_point p on p.id = l.point_id"
                        + " where l.quantity < 0 and l.moved_on between :from and :to and " + pointIn.sql() + " group by 1")
                .param("from", period.from()).param("to", period.to()).params(pointIn.params())
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put("SUPPLY_ISSUED", Fraction.count(rs.getLong(2)));
                });
        AreaCondition surveyIn = AreaScope.of(area).on("s.village_code", "null");
        jdbc.sql("select s.village_code, sum(s.acquired), sum(s.aware), sum(s.sample) from supply_survey s"
                        + " where s.surveyed_on between :from and :to and " + surveyIn.sql() + " group by 1")
                .param("from", period.from()).param("to", period.to()).params(surveyIn.params())
                .query(rs -> {
                    Map<String, Fraction> v = out.computeIfAbsent(rs.getString(1), k -> new HashMap<>());
                    v.put("SUPPLY_ACQUISITION_RATE", Fraction.of(rs.getLong(2), rs.getLong(4)));
                    v.put("POLICY_AWARENESS_RATE", Fraction.of(rs.getLong(3), rs.getLong(4)));
                });
        return out;
    }
}
