package org.renkou.portal;

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

/** Requests from the public in a period, how many were answered by their deadline, and the answer time. */
@Component
class PortalIndicators implements IndicatorSource {
    private final JdbcClient jdbc;

    PortalIndicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Indicator> catalogue() {
        return List.of(new Indicator("PORTAL_REQUESTS", "群众咨询投诉件数", "Requests from the public", "期内受理的咨询、投诉和建议", "件", 1),
                Indicator.percent("PORTAL_ANSWERED_IN_TIME", "诉求按期答复率", "Requests answered in time", "期内受理并在期限内答复的 / 期内受理的"),
                new Indicator("PORTAL_ANSWER_HOURS", "平均答复时间", "Average answer time", "期内已答复诉求从受理到答复的平均小时数", "小时", 1));
    }

    @Override
    public Map<String, Map<String, Fraction>> compute(Set<String> codes, String area, ReportPeriod period, LocalDate asOf) {
        Map<String, Map<String, Fraction>> out = new HashMap<>();
        AreaCondition in = AreaScope.of(area).on("village_code", "null");
        jdbc.sql("""
                select village_code, count(*),
                       count(*) filter (where answered_at is not null and (answered_at at time zone 'Asia/Shanghai')::date <= due_on),
                       coalesce(sum(extract(epoch from answered_at - created_at) / 3600) filter (where answered_at is not null), 0)::bigint,
                       count(answered_at)
                from portal_request where (created_at at time zone 'Asia/Shanghai')::date between :from and :to and\s"""
                        + in.sql() + " group by 1")
                .param("from", period.from()).param("to", period.to()).params(in.params()).query(rs -> {
                    Map<String, Fraction> v = out.computeIfAbsent(rs.getString(1), k -> new HashMap<>());
                    v.put("PORTAL_REQUESTS", Fraction.count(rs.getLong(2)));
                    v.put("PORTAL_ANSWERED_IN_TIME", Fraction.of(rs.getLong(3), rs.getLong(2)));
                    v.put("PORTAL_ANSWER_HOURS", Fraction.of(rs.getLong(4), rs.getLong(5)));
                });
        return out;
    }
}
