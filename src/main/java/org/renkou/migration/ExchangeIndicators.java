package org.renkou.migration;

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

/** 反馈及时率: of the verification requests sent in the period, those answered by their deadline. */
@Component
class ExchangeIndicators implements IndicatorSource {
    private final JdbcClient jdbc;

    ExchangeIndicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Indicator> catalogue() {
        return List.of(Indicator.percent("EXCHANGE_FEEDBACK_TIMELINESS", "流动人口信息反馈及时率",
                "Exchange feedback timeliness", "期内发出的协查中在期限内收到反馈的 / 期内发出的协查"));
    }

    @Override
    public Map<String, Map<String, Fraction>> compute(Set<String> codes, String area, ReportPeriod period, LocalDate asOf) {
        AreaCondition in = AreaScope.of(area).on("x.village", "null");
        Map<String, Map<String, Fraction>> result = new HashMap<>();
        jdbc.sql("""
                select x.village, count(*) filter (where answered_at is not null
                                          and (answered_at at time zone 'Asia/Shanghai')::date <= deadline), count(*)
                from verification_request v, lateral (select person_village(v.person_id) as village) x
                where direction = 'OUT' and (created_at at time zone 'Asia/Shanghai')::date between :from and :to and """
                        + in.sql() + " group by x.village")
                .param("from", period.from()).param("to", period.to()).params(in.params()).query(rs -> {
                    result.put(rs.getString(1), Map.of("EXCHANGE_FEEDBACK_TIMELINESS", Fraction.of(rs.getLong(2), rs.getLong(3))));
                });
        return result;
    }
}
