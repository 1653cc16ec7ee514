package org.renkou.health;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.renkou.common.AreaCondition;
import org.renkou.common.AreaScope;
import org.renkou.common.PageResult;
import org.renkou.common.ReportPeriod;
import org.renkou.stats.Fraction;
import org.renkou.stats.Indicator;
import org.renkou.stats.IndicatorSource;
import org.renkou.stats.PersonRef;
import org.renkou.stats.PersonRefs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Births (with the late reports, 迟报), policy compliance, check and contraception rates, method mix and the
 * procedures done (计划生育手术): counted from the health records.
 */
@Component
class HealthIndicators implements IndicatorSource {
    private static final List<String> BIRTH_CODES = List.of("BIRTHS", "BIRTHS_MALE", "BIRTHS_FEMALE", "SEX_RATIO_AT_BIRTH",
            "POLICY_BIRTH_RATE", "BIRTHS_ORDER_1", "BIRTHS_ORDER_2", "BIRTHS_ORDER_3_PLUS", "BIRTHS_COMPLIANT",
            "BIRTHS_ORDER_1_COMPLIANT", "BIRTHS_ORDER_2_COMPLIANT", "BIRTHS_ORDER_3_PLUS_COMPLIANT");

    private final JdbcClient jdbc;

    HealthIndicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Indicator> catalogue() {
        List<Indicator> list = new ArrayList<>(List.of(
                new Indicator("BIRTHS", "出生人数", "Live births", "期内出生的活产数（不含收养）", "人", 1),
                new Indicator("BIRTHS_MALE", "出生人数（男）", "Live births, boys", "期内出生的男婴数", "人", 1),
                new Indicator("BIRTHS_FEMALE", "出生人数（女）", "Live births, girls", "期内出生的女婴数", "人", 1),
                new Indicator("SEX_RATIO_AT_BIRTH", "出生人口性别比", "Sex ratio at birth",
                        "期内出生男婴数 / 女婴数 × 100", "男/百女", 100),
                Indicator.percent("POLICY_BIRTH_RATE", "符合政策生育率", "Policy-compliant birth rate",
                        "期内符合出生日当时生育政策的出生数 / 出生数"),
                new Indicator("BIRTHS_COMPLIANT", "政策内出生人数", "Policy-compliant births", "期内符合政策的出生数", "人", 1),
                new Indicator("BIRTHS_ORDER_1", "一孩出生人数", "First births", "期内孩次为 1 的出生数", "人", 1),
                new Indicator("BIRTHS_ORDER_2", "二孩出生人数", "Second births", "期内孩次为 2 的出生数", "人", 1),
                new Indicator("BIRTHS_ORDER_3_PLUS", "三孩及以上出生人数", "Third and later births", "期内孩次为 3 及以上的出生数", "人", 1),
                new Indicator("BIRTHS_ORDER_1_COMPLIANT", "一孩政策内出生人数", "First births within policy", "期内符合政策的一孩出生数", "人", 1),
                new Indicator("BIRTHS_ORDER_2_COMPLIANT", "二孩政策内出生人数", "Second births within policy", "期内符合政策的二孩出生数", "人", 1),
                new Indicator("BIRTHS_ORDER_3_PLUS_COMPLIANT", "三孩及以上政策内出生人数", "Third and later births within policy",
                        "期内符合政策的三孩及以上出生数", "人", 1),
                Indicator.percent("CHECK_RATE", "三查率", "Check rate",
                        "期内结束的三查活动花名册中已查人数 / 花名册人数"),
                Indicator.percent("CONTRACEPTION_RATE", "避孕节育措施落实率", "Contraception implementation rate",
                        "已婚育龄妇女中措施在用或有记录的未落实原因者 / 已婚育龄妇女")));
        list.add(new Indicator(LATE, "迟报出生人数", "Late-reported births",
                "期内登记（录入）的出生中，出生日期所在的统计期已由本镇报送、登记晚于报送的（迟报，计入登记所在的统计期）", "人", 1));
        for (HealthCodes.ProcedureKind k : HealthCodes.ProcedureKind.values()) {
            list.add(new Indicator("PROC_" + k.name(), "计划生育手术：" + PROCEDURE_ZH.get(k),
                    "Procedures: " + k.name().toLowerCase().replace('_', ' '), "期内施行的该种计划生育手术例数", "例", 1));
        }
        for (HealthCodes.Method m : HealthCodes.Method.values()) {
            list.add(new Indicator("METHOD_" + m.name(), "避孕方法：" + METHOD_ZH.get(m), "Method: " + m.name().toLowerCase().replace('_', ' '),
                    "期末已婚育龄妇女中采用该方法者", "人", 1));
        }
        return list;
    }

    /** Births registered in the period after the submission that covers their date (迟报). */
    private static final String LATE = "BIRTHS_LATE";

    private static final Map<HealthCodes.ProcedureKind, String> PROCEDURE_ZH = Map.of(
            HealthCodes.ProcedureKind.IUD_INSERTION, "上环", HealthCodes.ProcedureKind.IUD_REMOVAL, "取环",
            HealthCodes.ProcedureKind.STERILISATION, "结扎", HealthCodes.ProcedureKind.ABORTION, "人流",
            HealthCodes.ProcedureKind.INDUCED_LABOUR, "引产", HealthCodes.ProcedureKind.IMPLANT_INSERTION, "皮埋");

    /** A birth's registration (the day it was entered, China time) came after its period's submission in force. */
    private static final String LATE_CONDITION = "(b.recorded_at at time zone 'Asia/Shanghai')::date between :from and :to"
            + " and exists (select 1 from submitted_period s where s.town_code = substr(b.area_code, 1, 9)"
            + " and b.birth_date between s.period_from and s.period_to and s.submitted_at < b.recorded_at)";

    private static final Map<HealthCodes.Method, String> METHOD_ZH = Map.of(
            HealthCodes.Method.MALE_STERILISATION, "男扎", HealthCodes.Method.FEMALE_STERILISATION, "女扎",
            HealthCodes.Method.IUD, "上环", HealthCodes.Method.IMPLANT, "皮埋", HealthCodes.Method.INJECTION, "针剂",
            HealthCodes.Method.PILL, "口服药", HealthCodes.Method.CONDOM, "避孕套", HealthCodes.Method.OTHER, "其他");

    @Override
    public Map<String, Map<String, Fraction>> compute(Set<String> codes, String area, ReportPeriod period, LocalDate asOf) {
        Map<String, Map<String, Fraction>> out = new HashMap<>();
        if (codes.stream().anyMatch(BIRTH_CODES::contains)) {
            births(area, period, out);
        }
        if (codes.contains("CHECK_RATE")) {
            AreaCondition in = AreaScope.of(area).on("r.village_code", "r.grid_code");
            jdbc.sql("select r.village_code, count(r.checked_on), count(*) from check_roster r"
                            + " join check_campaign c on c.id = r.campaign_id where c.ends_on between :from and :to and "
                            + in.sql() + " group by r.village_code")
                    .param("from", period.from()).param("to", period.to()).params(in.params()).query(rs -> {
                        village(out, rs.getString(1)).put("CHECK_RATE", Fraction.of(rs.getLong(2), rs.getLong(3)));
                    });
        }
        if (codes.contains("CONTRACEPTION_RATE") || codes.stream().anyMatch(c -> c.startsWith("METHOD_"))) {
            contraception(area, asOf, out);
        }
        if (codes.contains(LATE)) {
            AreaCondition in = AreaScope.of(area).on("b.area_code", "b.grid_code");
            jdbc.sql("select b.area_code, count(*) from birth b join birth_compliance c on c.birth_id = b.id where "
                            + LATE_CONDITION + " and " + in.sql() + " group by b.area_code")
                    .param("from", period.from()).param("to", period.to()).params(in.params()).query(rs -> {
                        village(out, rs.getString(1)).put(LATE, Fraction.count(rs.getLong(2)));
                    });
        }
        if (codes.stream().anyMatch(c -> c.startsWith("PROC_"))) {
            procedures(area, period, out);
        }
        return out;
    }

    private static Map<String, Fraction> village(Map<String, Map<String, Fraction>> out, String code) {
        return out.computeIfAbsent(code, k -> new HashMap<>());
    }

    private void births(String area, ReportPeriod period, Map<String, Map<String, Fraction>> out) {
        AreaCondition in = AreaScope.of(area).on("b.area_code", "b.grid_code");
        jdbc.sql("""
                select b.area_code, count(*), count(*) filter (where b.sex = '1'), count(*) filter (where b.sex = '2'),
                       count(*) filter (where c.compliant), count(*) filter (where b.birth_order = 1),
                       count(*) filter (where b.birth_order = 2), count(*) filter (where b.birth_order >= 3),
                       count(*) filter (where b.birth_order = 1 and c.compliant),
                       count(*) filter (where b.birth_order = 2 and c.compliant),
                       count(*) filter (where b.birth_order >= 3 and c.compliant)
                from birth b join birth_compliance c on c.birth_id = b.id
                where b.birth_date between :from and :to and """ + in.sql() + " group by b.area_code")
                .param("from", period.from()).param("to", period.to()).params(in.params()).query(rs -> {
                    Map<String, Fraction> v = village(out, rs.getString(1));
                    long all = rs.getLong(2);
                    v.put("BIRTHS", Fraction.count(all));
                    v.put("BIRTHS_MALE", Fraction.count(rs.getLong(3)));
                    v.put("BIRTHS_FEMALE", Fraction.count(rs.getLong(4)));
                    v.put("SEX_RATIO_AT_BIRTH", Fraction.of(rs.getLong(3), rs.getLong(4)));
                    v.put("BIRTHS_COMPLIANT", Fraction.count(rs.getLong(5)));
                    v.put("POLICY_BIRTH_RATE", Fraction.of(rs.getLong(5), all));
                    v.put("BIRTHS_ORDER_1", Fraction.count(rs.getLong(6)));
                    v.put("BIRTHS_ORDER_2", Fraction.count(rs.getLong(7)));
                    v.put("BIRTHS_ORDER_3_PLUS", Fraction.count(rs.getLong(8)));
                    v.put("BIRTHS_ORDER_1_COMPLIANT", Fraction.count(rs.getLong(9)));
                    v.put("BIRTHS_ORDER_2_COMPLIANT", Fraction.count(rs.getLong(10)));
                    v.put("BIRTHS_ORDER_3_PLUS_COMPLIANT", Fraction.count(rs.getLong(11)));
                });
    }

    private void procedures(String area, ReportPeriod period, Map<String, Map<String, Fraction>> out) {
        AreaCondition in = AreaScope.of(area).on("p.area_code", "p.grid_code");
        jdbc.sql("select p.area_code, p.kind, count(*) from fp_procedure p where p.done_on between :from and :to and "
                        + in.sql() + " group by p.area_code, p.kind")
                .param("from", period.from()).param("to", period.to()).params(in.params()).query(rs -> {
                    village(out, rs.getString(1)).put("PROC_" + rs.getString(2), Fraction.count(rs.getLong(3)));
                });
    }

    private void contraception(String area, LocalDate asOf, Map<String, Map<String, Fraction>> out) {
        AreaCondition in = AreaScope.of(area).on("w.village_code", "w.grid_code");
        StringBuilder sql = new StringBuilder("select w.village_code, count(*), count(c.started_on)");
        for (HealthCodes.Method m : HealthCodes.Method.values()) {
            sql.append(", count(*) filter (where c.method = '").append(m.name()).append("')");
        }
        sql.append(" from married_wra_on(:asOf) w left join lateral (select started_on, method from contraception c")
                .append(" where c.person_id = w.person_id and c.started_on <= :asOf and (c.ended_on is null or c.ended_on > :asOf)")
                .append(" order by c.started_on desc limit 1) c on true where ")
                .append(in.sql()).append(" group by w.village_code");
        jdbc.sql(sql.toString()).param("asOf", asOf).params(in.params()).query(rs -> {
            Map<String, Fraction> v = village(out, rs.getString(1));
            v.put("CONTRACEPTION_RATE", Fraction.of(rs.getLong(3), rs.getLong(2)));
            int i = 4;
            for (HealthCodes.Method m : HealthCodes.Method.values()) {
                v.put("METHOD_" + m.name(), Fraction.count(rs.getLong(i++)));
            }
        });
    }

    /** Drill-down: the mothers of the births, the checked women, the married WRA with a measure. */
    @Override
    public PageResult<PersonRef> numeratorPersons(String code, String area, ReportPeriod period, LocalDate asOf, int page,
                                                  int size) {
        Map<String, Object> params = new HashMap<>(Map.of("asOf", asOf, "from", period.from(), "to", period.to()));
        AreaCondition in;
        String sql;
        if (BIRTH_CODES.contains(code)) {
            in = AreaScope.of(area).on("b.area_code", "b.grid_code");
            String filter = switch (code) {
                case "BIRTHS_MALE", "SEX_RATIO_AT_BIRTH" -> " and b.sex = '1'";
                case "BIRTHS_FEMALE" -> " and b.sex = '2'";
                case "POLICY_BIRTH_RATE", "BIRTHS_COMPLIANT" -> " and c.compliant";
                case "BIRTHS_ORDER_1" -> " and b.birth_order = 1";
                case "BIRTHS_ORDER_2" -> " and b.birth_order = 2";
                case "BIRTHS_ORDER_3_PLUS" -> " and b.birth_order >= 3";
                case "BIRTHS_ORDER_1_COMPLIANT" -> " and b.birth_order = 1 and c.compliant";
                case "BIRTHS_ORDER_2_COMPLIANT" -> " and b.birth_order = 2 and c.compliant";
                case "BIRTHS_ORDER_3_PLUS_COMPLIANT" -> " and b.birth_order >= 3 and c.compliant";
                default -> "";
            };
            sql = "select m.person_id, m.name, m.id_number, m.village_code from birth b join birth_compliance c on c.birth_id = b.id"
                    + " join people_on(:asOf) m on m.person_id = b.mother_id where b.birth_date between :from and :to" + filter
                    + " and " + in.sql();
        } else if (LATE.equals(code)) {
            in = AreaScope.of(area).on("b.area_code", "b.grid_code");
            sql = "select m.person_id, m.name, m.id_number, m.village_code from birth b join birth_compliance c on c.birth_id = b.id"
                    + " join people_on(:asOf) m on m.person_id = b.mother_id where " + LATE_CONDITION + " and " + in.sql();
        } else if (code.startsWith("PROC_")) {
            in = AreaScope.of(area).on("p.area_code", "p.grid_code");
            params.put("kind", HealthCodes.ProcedureKind.valueOf(code.substring(5)).name());
            sql = "select distinct m.person_id, m.name, m.id_number, m.village_code from fp_procedure p"
                    + " join people_on(:asOf) m on m.person_id = p.person_id where p.done_on between :from and :to and p.kind = :kind"
                    + " and " + in.sql();
        } else if ("CHECK_RATE".equals(code)) {
            in = AreaScope.of(area).on("r.village_code", "r.grid_code");
            sql = "select distinct m.person_id, m.name, m.id_number, m.village_code from check_roster r"
                    + " join check_campaign k on k.id = r.campaign_id join people_on(:asOf) m on m.person_id = r.person_id"
                    + " where r.checked_on is not null and k.ends_on between :from and :to and " + in.sql();
        } else {
            in = AreaScope.of(area).on("w.village_code", "w.grid_code");
            String method = code.startsWith("METHOD_") ? " and c.method = '" + HealthCodes.Method.valueOf(code.substring(7)).name() + "'" : "";
            sql = "select w.person_id, w.name, w.id_number, w.village_code from married_wra_on(:asOf) w join contraception c"
                    + " on c.person_id = w.person_id and c.started_on <= :asOf and (c.ended_on is null or c.ended_on > :asOf)"
                    + method + " where " + in.sql();
        }
        params.putAll(in.params());
        return PersonRefs.page(jdbc, sql, params, page, size);
    }
}
