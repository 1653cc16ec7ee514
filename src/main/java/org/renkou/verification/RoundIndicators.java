package org.renkou.verification;

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

/**
 * Register coverage (覆盖率) and accuracy (准确率) of a period: over the verification rounds that end in it, from
 * their visits (API.md): coverage = persons found who are in the register / persons found; accuracy = records
 * checked and found correct / records checked.
 */
@Component
class RoundIndicators implements IndicatorSource {
    private final JdbcClient jdbc;

    RoundIndicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Indicator> catalogue() {
        return List.of(Indicator.percent("REGISTER_COVERAGE", "全员人口个案覆盖率", "Register coverage",
                        "期内结束的入户核查中，找到的实有人口已在个案库的 / 找到的实有人口（核对无误、更正、新增）"),
                Indicator.percent("REGISTER_ACCURACY", "全员人口个案准确率", "Register accuracy",
                        "期内结束的入户核查中，核对的个案信息无误的 / 核对的个案（无误、更正、不在此居住、死亡）"));
    }

    @Override
    public Map<String, Map<String, Fraction>> compute(Set<String> codes, String area, ReportPeriod period, LocalDate asOf) {
        Map<String, Map<String, Fraction>> out = new HashMap<>();
        AreaCondition in = AreaScope.of(area).on("r.village_code", "r.grid_code");
        jdbc.sql("select r.village_code, count(*) filter (where r.result in ('CORRECT', 'CORRECTED')),"
                        + " count(*) filter (where r.result in ('CORRECT', 'CORRECTED', 'NEW')),"
                        + " count(*) filter (where r.result = 'CORRECT'), count(*) filter (where r.result <> 'NEW')"
                        + " from verification_result r join verification_round v on v.id = r.round_id"
                        + " where v.ends_on between :from and :to and " + in.sql() + " group by 1")
                .param("from", period.from()).param("to", period.to()).params(in.params())
                .query(rs -> {
                    Map<String, Fraction> v = out.computeIfAbsent(rs.getString(1), k -> new HashMap<>());
                    v.put("REGISTER_COVERAGE", Fraction.of(rs.getLong(2), rs.getLong(3)));
                    v.put("REGISTER_ACCURACY", Fraction.of(rs.getLong(4), rs.getLong(5)));
                });
        return out;
    }
}
