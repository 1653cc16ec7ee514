package org.renkou.referrals;

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
 * Equal services given in a period (referrals answered "service given" on a date in it), all kinds and by kind,
 * counted where the person lived when referred; and the referrals still open on {@code asOf} past their deadline.
 */
@Component
class ReferralIndicators implements IndicatorSource {
    static final String ALL = "EQUAL_SERVICES";
    static final String OVERDUE = "REFERRALS_OPEN_OVERDUE";
    static final String MADE = "REFERRALS_MADE";
    /** Not answered on {@code :asOf} though referred more than {@code :deadlineDays} before. */
    private static final String OVERDUE_CONDITION =
            "r.referred_on + :deadlineDays < :asOf and (r.answered_on is null or r.answered_on > :asOf)";
    private static final Map<Referral.Kind, String> NAMES = Map.of(Referral.Kind.HUKOU, "申办户口",
            Referral.Kind.SCHOOLING, "子女入学入托", Referral.Kind.MEDICAL, "就医", Referral.Kind.TRAINING, "劳动技能培训",
            Referral.Kind.HOUSING, "购房租房", Referral.Kind.RELIEF, "困难救助");
    private static final Map<Referral.Kind, String> NAMES_EN = Map.of(Referral.Kind.HUKOU, "hukou matters",
            Referral.Kind.SCHOOLING, "school and kindergarten places", Referral.Kind.MEDICAL, "medical care",
            Referral.Kind.TRAINING, "skills training", Referral.Kind.HOUSING, "housing", Referral.Kind.RELIEF, "hardship relief");

    private final JdbcClient jdbc;
    private final ReferralSettings settings;

    ReferralIndicators(JdbcClient jdbc, ReferralSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    static String code(Referral.Kind kind) {
        return ALL + "_" + kind.name();
    }

    @Override
    public List<Indicator> catalogue() {
        List<Indicator> list = new ArrayList<>();
        list.add(new Indicator(ALL, "流动人口均等化服务", "Equal services to floating people",
                "期内转介并答复为已提供服务的次数（申办户口、入学入托、就医、技能培训、购房租房、困难救助）", "人次", 1));
        for (Referral.Kind k : Referral.Kind.values()) {
            list.add(new Indicator(code(k), "均等化服务：" + NAMES.get(k), "Equal services: " + NAMES_EN.get(k),
                    "期内答复为已提供" + NAMES.get(k) + "服务的转介数", "人次", 1));
        }
        list.add(new Indicator(MADE, "均等化服务转介", "Referrals made", "期内向合作部门转介流动人口的次数", "人次", 1));
        list.add(new Indicator(OVERDUE, "逾期未答复转介", "Open referrals past the deadline",
                "截至统计日期仍未答复且已超过答复期限（renkou.referrals.deadline-days 天）的转介数", "件", 1));
        return list;
    }

    @Override
    public Map<String, Map<String, Fraction>> compute(Set<String> codes, String area, ReportPeriod period, LocalDate asOf) {
        Map<String, Map<String, Fraction>> out = new HashMap<>();
        AreaCondition in = AreaScope.of(area).on("r.village_code", "r.grid_code");
        jdbc.sql("select r.village_code, r.kind, count(*) from referral r where r.outcome = 'GIVEN'"
                        + " and r.answered_on between :from and :to and " + in.sql() + " group by 1, 2")
                .param("from", period.from()).param("to", period.to()).params(in.params())
                .query(rs -> {
                    Map<String, Fraction> v = out.computeIfAbsent(rs.getString(1), k -> new HashMap<>());
                    Fraction n = Fraction.count(rs.getLong(3));
                    v.put(code(Referral.Kind.valueOf(rs.getString(2))), n);
                    v.merge(ALL, n, Fraction::plus);
                });
        jdbc.sql("select r.village_code, count(*) from referral r where r.referred_on between :from and :to and "
                        + in.sql() + " group by 1")
                .param("from", period.from()).param("to", period.to()).params(in.params())
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(MADE, Fraction.count(rs.getLong(2)));
                });
        jdbc.sql("select r.village_code, count(*) from referral r where " + OVERDUE_CONDITION + " and " + in.sql()
                        + " group by 1")
                .param("deadlineDays", settings.deadlineDays()).param("asOf", asOf).params(in.params())
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(OVERDUE, Fraction.count(rs.getLong(2)));
                });
        return out;
    }

    /** The persons of the services given (one line per service), of the referrals made, or of the overdue ones. */
    @Override
    public PageResult<PersonRef> numeratorPersons(String code, String area, ReportPeriod period, LocalDate asOf, int page,
                                                  int size) {
        AreaCondition in = AreaScope.of(area).on("r.village_code", "r.grid_code");
        Map<String, Object> params = new HashMap<>(in.params());
        params.put("asOf", asOf);
        String condition;
        if (code.equals(OVERDUE)) {
            condition = OVERDUE_CONDITION;
            params.put("deadlineDays", settings.deadlineDays());
        } else {
            condition = code.equals(MADE) ? "r.referred_on between :from and :to"
                    : "r.outcome = 'GIVEN' and r.answered_on between :from and :to";
            params.put("from", period.from());
            params.put("to", period.to());
            if (!code.equals(MADE) && !code.equals(ALL)) {
                condition += " and r.kind = :kind";
                params.put("kind", code.substring(ALL.length() + 1));
            }
        }
        String sql = "select r.person_id, m.name, m.id_number, r.village_code from referral r"
                + " join lateral (select x.name, x.id_number from people_on(:asOf) x where x.person_id = r.person_id) m on true"
                + " where " + condition + " and " + in.sql();
        return PersonRefs.page(jdbc, sql, params, page, size);
    }
}
