package org.renkou.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

/** Visits, cash and goods by giver, and allowances paid, in a period. Money figures are in yuan, counted in fen. */
@Component
class SupportIndicators implements IndicatorSource {
    /** The goods the seed report counts: indicator code → item name as recorded. */
    static final Map<String, String> GOODS = new LinkedHashMap<>();

    static {
        GOODS.put("GOODS_OIL", "食用油");
        GOODS.put("GOODS_RICE", "大米");
        GOODS.put("GOODS_MEAT", "猪肉");
        GOODS.put("GOODS_NEW_YEAR_PICTURES", "年画");
        GOODS.put("GOODS_CONTRACEPTIVES", "避孕药具");
    }

    /**
     * The name a goods line is kept under: an item given by its code (OIL, or GOODS_OIL, in any case) becomes its
     * name (食用油), so the goods indicators count it; other items stay as written, trimmed.
     */
    static String itemName(String item) {
        String s = item.trim();
        String code = s.toUpperCase(java.util.Locale.ROOT);
        String name = GOODS.get(code.startsWith("GOODS_") ? code : "GOODS_" + code);
        return name != null ? name : s;
    }

    private final JdbcClient jdbc;

    SupportIndicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Indicator> catalogue() {
        List<Indicator> list = new ArrayList<>(List.of(
                new Indicator("SUPPORT_TOWN_HOUSEHOLDS", "镇慰问困难家庭户数", "Households visited by the town", "期内镇慰问的户数", "户", 1),
                new Indicator("SUPPORT_TOWN_CASH", "镇慰问金", "Cash given by the town", "期内镇慰问金合计", "元", 1),
                new Indicator("SUPPORT_ASSOC_HOUSEHOLDS", "村（居）计生协会慰问户数", "Households visited by village associations",
                        "期内各村（居）计生协会慰问的户数", "户", 1),
                new Indicator("SUPPORT_ASSOC_CASH", "村（居）计生协会慰问金", "Cash given by village associations",
                        "期内各村（居）计生协会慰问金合计", "元", 1),
                new Indicator("ALLOWANCE_PAID", "扶助补贴发放金额", "Allowances paid", "期内各月应发并已列入发放批次的扶助和补贴金额", "元", 1)));
        GOODS.forEach((code, item) -> list.add(new Indicator(code, "慰问物资：" + item, "Goods given: " + item,
                "期内慰问发放的" + item + "数量", "件", 1)));
        return list;
    }

    @Override
    public Map<String, Map<String, Fraction>> compute(Set<String> codes, String area, ReportPeriod period, LocalDate asOf) {
        Map<String, Map<String, Fraction>> out = new HashMap<>();
        AreaCondition visitIn = AreaScope.of(area).on("v.village_code", "null");
        jdbc.sql("""
                select v.village_code,
                       count(distinct v.household_id) filter (where v.giver = 'TOWN'),
                       coalesce(sum(v.cash_fen) filter (where v.giver = 'TOWN'), 0),
                       count(distinct v.household_id) filter (where v.giver = 'ASSOCIATION'),
                       coalesce(sum(v.cash_fen) filter (where v.giver = 'ASSOCIATION'), 0)
                from support_visit v where v.visited_on between :from and :to and\s"""
                        + visitIn.sql() + " group by v.village_code")
                .param("from", period.from()).param("to", period.to()).params(visitIn.params()).query(rs -> {
                    Map<String, Fraction> v = out.computeIfAbsent(rs.getString(1), k -> new HashMap<>());
                    v.put("SUPPORT_TOWN_HOUSEHOLDS", Fraction.count(rs.getLong(2)));
                    v.put("SUPPORT_TOWN_CASH", Fraction.count(rs.getLong(3)));
                    v.put("SUPPORT_ASSOC_HOUSEHOLDS", Fraction.count(rs.getLong(4)));
                    v.put("SUPPORT_ASSOC_CASH", Fraction.count(rs.getLong(5)));
                });
        jdbc.sql("select v.village_code, g.item, sum(g.quantity)::bigint from support_visit v join support_visit_goods g on g.visit_id = v.id"
                        + " where v.visited_on between :from and :to and " + visitIn.sql() + " group by 1, 2")
                .param("from", period.from()).param("to", period.to()).params(visitIn.params()).query(rs -> {
                    String village = rs.getString(1);
                    String item = rs.getString(2);
                    long quantity = rs.getLong(3);
                    GOODS.forEach((code, name) -> {
                        if (name.equals(item)) {
                            out.computeIfAbsent(village, k -> new HashMap<>()).put(code, Fraction.count(quantity));
                        }
                    });
                });
        AreaCondition applicationIn = AreaScope.of(area).on("a.village_code", "null");
        jdbc.sql("select a.village_code, sum(l.amount_fen) from payment_line l join allowance_application a on a.id = l.application_id"
                        + " where l.month between :from and :to and " + applicationIn.sql() + " group by 1")
                .param("from", period.from()).param("to", period.to()).params(applicationIn.params()).query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put("ALLOWANCE_PAID", Fraction.count(rs.getLong(2)));
                });
        return out;
    }
}
