package org.renkou.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Population figures on a date, from the residence-status periods (a person who arrived after the date does
 * not count). All of them come from one pass over the register as it stood on that date.
 */
@Component
class PopulationIndicators implements IndicatorSource {
    private static final String RESIDENT = "status in ('REGISTERED', 'INFLOW')";
    private static final String WRA_AGE = "sex = '2' and birth_date > (date '%1$s' - interval '50 years')::date"
            + " and birth_date <= (date '%1$s' - interval '15 years')::date";
    private static final String MARRIED = "marital_status in ('20', '21', '22', '23')";
    /**
     * Persons counted in a period whose record was made after it ended: a past period's figures changed by them.
     * Records taken over by a bulk load of an existing register (no "created" entry in their history) are not.
     */
    static final String ENTERED_LATER = "POP_ENTERED_LATER";

    private record Definition(Indicator indicator, String condition) {
    }

    private static final Map<String, Definition> DEFINITIONS = new LinkedHashMap<>();

    static {
        define(Indicator.count("POP_RESIDENT", "常住人口", "Resident population", "户籍在本地且居住在本地的人口加流入人口"), RESIDENT);
        define(Indicator.count("POP_REGISTERED", "户籍人口", "Registered (hukou) population", "户籍在本地的人口，含流出人口"),
                "status in ('REGISTERED', 'OUTFLOW')");
        define(Indicator.count("POP_INFLOW", "流入人口", "Inflow population", "户籍在外地、居住在本地的人口"), "status = 'INFLOW'");
        define(Indicator.count("POP_INFLOW_MALE", "流入人口（男）", "Inflow population, male", "流入人口中的男性"),
                "status = 'INFLOW' and sex = '1'");
        define(Indicator.count("POP_INFLOW_FEMALE", "流入人口（女）", "Inflow population, female", "流入人口中的女性"),
                "status = 'INFLOW' and sex = '2'");
        define(Indicator.count("POP_INFLOW_WRA", "流入育龄妇女", "Inflow women of reproductive age", "流入人口中 15–49 岁的妇女"),
                "status = 'INFLOW' and " + WRA_AGE);
        define(Indicator.count("POP_OUTFLOW", "流出人口", "Outflow population", "户籍在本地、居住在外地的人口"), "status = 'OUTFLOW'");
        define(Indicator.count("WRA", "育龄妇女", "Women of reproductive age", "常住人口中 15–49 岁的妇女"), RESIDENT + " and " + WRA_AGE);
        define(Indicator.count("WRA_MARRIED", "已婚育龄妇女", "Married women of reproductive age", "育龄妇女中在婚者"),
                RESIDENT + " and " + WRA_AGE + " and " + MARRIED);
        define(Indicator.count(ENTERED_LATER, "期末后录入的人口个案", "Records entered after the period",
                "期末计入人口（户籍、流出、流入）的个案中，在统计期结束之后才录入登记库的（补录，不含批量接收的原有个案）；"
                        + "这些个案使已过去的统计期的数字有了变化"),
                "status in ('REGISTERED', 'INFLOW', 'OUTFLOW') and (x.created_at at time zone 'Asia/Shanghai')::date > date '%2$s'"
                        + " and exists (select 1 from person_change c where c.person_id = x.person_id and c.field = 'created')");
        define(Indicator.count("ID_NUMBER_FLAGGED", "身份证号按原样确认人数", "ID numbers confirmed as printed",
                "常住和流出人口中校验码错误、按证件原样确认的身份证号（数据质量）"), "status in ('REGISTERED', 'INFLOW', 'OUTFLOW') and id_number_flagged");
    }

    private static void define(Indicator i, String condition) {
        DEFINITIONS.put(i.code(), new Definition(i, condition));
    }

    private final JdbcClient jdbc;

    PopulationIndicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Indicator> catalogue() {
        return DEFINITIONS.values().stream().map(Definition::indicator).toList();
    }

    @Override
    public Map<String, Map<String, Fraction>> compute(Set<String> codes, String area, ReportPeriod period, LocalDate asOf) {
        List<String> columns = new ArrayList<>();
        for (String code : codes) {
            columns.add("count(*) filter (where " + condition(code, period, asOf) + ")");
        }
        Map<String, Map<String, Fraction>> result = new HashMap<>();
        PeopleOnDate.aggregate(jdbc, "x.village_code, " + String.join(", ", columns), "x.village_code", area, asOf, rs -> {
            Map<String, Fraction> village = result.computeIfAbsent(rs.getString(1), v -> new HashMap<>());
            int i = 2;
            for (String code : codes) {
                village.merge(code, Fraction.count(rs.getLong(i++)), Fraction::plus);
            }
        });
        return result;
    }

    @Override
    public PageResult<PersonRef> numeratorPersons(String code, String area, ReportPeriod period, LocalDate asOf, int page,
                                                  int size) {
        AreaCondition in = AreaScope.of(area).on("x.village_code", "x.grid_code");
        String sql = "select x.person_id, x.name, x.id_number, x.village_code from (select o.*, r.created_at"
                + " from people_on(:asOf) o join person r on r.id = o.person_id) x where "
                + in.sql() + " and " + condition(code, period, asOf);
        Map<String, Object> params = new HashMap<>(in.params());
        params.put("asOf", asOf);
        return PersonRefs.page(jdbc, sql, params, page, size);
    }

    /** The code's condition for people counted on {@code asOf} in {@code period} (%1$s the date, %2$s the period's end). */
    private static String condition(String code, ReportPeriod period, LocalDate asOf) {
        return "(" + DEFINITIONS.get(code).condition().formatted(asOf, period.to()) + ")";
    }
}
