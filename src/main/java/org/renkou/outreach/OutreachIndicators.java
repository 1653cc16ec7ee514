package org.renkou.outreach;

import java.time.LocalDate;
import java.util.ArrayList;
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

/** Publicity counts by kind and training totals in a period (activities of a whole town count for the town). */
@Component
class OutreachIndicators implements IndicatorSource {
    private static final Map<String, String[]> KINDS = Map.of(
            "VEHICLE_TRIP", new String[]{"宣传车出动", "台次"}, "BANNER", new String[]{"悬挂横幅", "条"},
            "SLOGAN", new String[]{"宣传标语", "条"}, "SHOWCASE", new String[]{"宣传橱窗", "个"},
            "MATERIALS", new String[]{"发放宣传资料", "份"}, "LETTER", new String[]{"公开信", "封"},
            "PERFORMANCE", new String[]{"文艺演出", "场"}, "VISIT", new String[]{"入户走访", "户"},
            "OTHER", new String[]{"其他宣传活动", "次"});

    private final JdbcClient jdbc;

    OutreachIndicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts of activities and materials, not persons: nothing to suppress. */
    @Override
    public boolean countsPersons() {
        return false;
    }

    @Override
    public List<Indicator> catalogue() {
        List<Indicator> list = new ArrayList<>();
        for (String kind : OutreachService.KINDS) {
            String[] zh = KINDS.get(kind);
            list.add(new Indicator("PUBLICITY_" + kind, zh[0], "Publicity: " + kind.toLowerCase().replace('_', ' '),
                    "期内" + zh[0] + "的数量", zh[1], 1));
        }
        list.add(new Indicator("TRAINING_SESSIONS", "培训期数", "Training sessions", "期内开始的培训期数", "期", 1));
        list.add(new Indicator("TRAINING_PARTICIPANTS", "培训人次", "Training participants", "期内培训的参训人次", "人次", 1));
        list.add(new Indicator("TRAINING_PARTICIPANT_DAYS", "培训人天", "Training participant-days", "参训人数 × 培训天数", "人天", 1));
        return list;
    }

    @Override
    public Map<String, Map<String, Fraction>> compute(Set<String> codes, String area, ReportPeriod period, LocalDate asOf) {
        Map<String, Map<String, Fraction>> out = new HashMap<>();
        AreaCondition activityIn = AreaScope.of(area).on("a.area_code", "a.area_code");
        jdbc.sql("select a.area_code, a.kind, sum(a.count) from outreach_activity a where a.held_on between :from and :to"
                        + " and " + activityIn.sql() + " group by 1, 2")
                .param("from", period.from()).param("to", period.to()).params(activityIn.params())
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put("PUBLICITY_" + rs.getString(2),
                            Fraction.count(rs.getLong(3)));
                });
        AreaCondition trainingIn = AreaScope.of(area).on("t.area_code", "t.area_code");
        jdbc.sql("select t.area_code, count(*), sum(t.participants), sum(t.participants * t.days) from training_session t"
                        + " where t.starts_on between :from and :to and " + trainingIn.sql() + " group by 1")
                .param("from", period.from()).param("to", period.to()).params(trainingIn.params())
                .query(rs -> {
                    Map<String, Fraction> v = out.computeIfAbsent(rs.getString(1), k -> new HashMap<>());
                    v.put("TRAINING_SESSIONS", Fraction.count(rs.getLong(2)));
                    v.put("TRAINING_PARTICIPANTS", Fraction.count(rs.getLong(3)));
                    v.put("TRAINING_PARTICIPANT_DAYS", Fraction.count(rs.getLong(4)));
                });
        return out;
    }
}
