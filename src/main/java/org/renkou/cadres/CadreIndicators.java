package org.renkou.cadres;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.AreaCondition;
import org.renkou.common.AreaScope;
import org.renkou.common.ReportPeriod;
import org.renkou.stats.Fraction;
import org.renkou.stats.Indicator;
import org.renkou.stats.IndicatorSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cadre team of an area on {@code asOf}: its posts (a village-level unit without a 专干 post counts one vacant
 * post), filled and vacant, the holders by kind; and the hours of training the team's cadres attended in the period,
 * counted where each cadre holds their first post. Counts of staff posts, not of residents: nothing to suppress.
 */
@Component
class CadreIndicators implements IndicatorSource {
    static final String POSTS = "CADRE_POSTS";
    static final String FILLED = "CADRE_POSTS_FILLED";
    static final String VACANT = "CADRE_POSTS_VACANT";
    static final String HOURS = "CADRE_TRAINING_HOURS";
    static final Map<Post.Kind, String> BY_KIND = Map.of(Post.Kind.TOWN_STAFF, "CADRE_TOWN_STAFF",
            Post.Kind.VILLAGE_CADRE, "CADRE_VILLAGE_CADRES", Post.Kind.WOMENS_GROUP_LEADER, "CADRE_WOMENS_GROUP_LEADERS",
            Post.Kind.FLOATING_ASSISTANT, "CADRE_FLOATING_ASSISTANTS", Post.Kind.VOLUNTEER, "CADRE_VOLUNTEERS");

    private final JdbcClient jdbc;
    private final AreaService areas;
    private final CadreService cadres;

    CadreIndicators(JdbcClient jdbc, AreaService areas, CadreService cadres) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.cadres = cadres;
    }

    @Override
    public boolean countsPersons() {
        return false;
    }

    @Override
    public List<Indicator> catalogue() {
        return List.of(
                new Indicator(POSTS, "计生干部岗位", "Cadre team posts", "计生干部队伍的岗位数（每个村居应有一名专干）", "个", 1),
                new Indicator(FILLED, "在岗计生干部岗位", "Cadre posts filled", "统计日期有人在岗的岗位数", "个", 1),
                new Indicator(VACANT, "空缺计生干部岗位", "Cadre posts vacant", "统计日期无人在岗的岗位数，含未设专干的村居", "个", 1),
                new Indicator("CADRE_TOWN_STAFF", "镇计生办工作人员", "Town office staff", "在岗的镇计生办工作人员", "人", 1),
                new Indicator("CADRE_VILLAGE_CADRES", "村居计生专干", "Village cadres (专干)", "在岗的村居计划生育专干", "人", 1),
                new Indicator("CADRE_WOMENS_GROUP_LEADERS", "妇女组长", "Women's group leaders", "在岗的妇女组长", "人", 1),
                new Indicator("CADRE_FLOATING_ASSISTANTS", "流动人口协管员", "Floating-population assistants", "在岗的流动人口协管员", "人", 1),
                new Indicator("CADRE_VOLUNTEERS", "计生志愿者", "Volunteers", "在岗的计生志愿者", "人", 1),
                new Indicator(HOURS, "计生干部培训学时", "Cadre training hours", "期内开始的培训中计生干部参训的学时合计", "学时", 1));
    }

    @Override
    public Map<String, Map<String, Fraction>> compute(Set<String> codes, String area, ReportPeriod period, LocalDate asOf) {
        Map<String, Map<String, Fraction>> out = new HashMap<>();
        AreaCondition in = AreaScope.of(area).on("p.area_code", "p.area_code");
        Set<String> withCadrePost = new HashSet<>();
        jdbc.sql("select left(p.area_code, 12), p.kind, count(*), count(*) filter (where p.cadre_id is not null and p.since <= :asOf)"
                        + " from cadre_post p where " + in.sql() + " group by 1, 2")
                .param("asOf", asOf).params(in.params()).query(rs -> {
                    String unit = rs.getString(1);
                    Post.Kind kind = Post.Kind.valueOf(rs.getString(2));
                    long posts = rs.getLong(3);
                    long filled = rs.getLong(4);
                    Map<String, Fraction> v = out.computeIfAbsent(unit, k -> new HashMap<>());
                    v.merge(POSTS, Fraction.count(posts), Fraction::plus);
                    v.merge(FILLED, Fraction.count(filled), Fraction::plus);
                    v.merge(VACANT, Fraction.count(posts - filled), Fraction::plus);
                    v.merge(BY_KIND.get(kind), Fraction.count(filled), Fraction::plus);
                    if (kind == Post.Kind.VILLAGE_CADRE) {
                        withCadrePost.add(unit);
                    }
                });
        for (Area v : areas.byLevel(Area.Level.VILLAGE)) {
            if (v.code().startsWith(area) && !withCadrePost.contains(v.code())) {
                Map<String, Fraction> values = out.computeIfAbsent(v.code(), k -> new HashMap<>());
                values.merge(POSTS, Fraction.count(1), Fraction::plus);
                values.merge(VACANT, Fraction.count(1), Fraction::plus);
            }
        }
        if (codes.contains(HOURS)) {
            Map<Long, Integer> hours = cadres.hoursByCadre(period);
            jdbc.sql("select distinct on (p.cadre_id) p.cadre_id, left(p.area_code, 12) from cadre_post p where p.cadre_id is not null"
                            + " and " + in.sql() + " order by p.cadre_id, p.id")
                    .params(in.params()).query(rs -> {
                        Integer h = hours.get(rs.getLong(1));
                        if (h != null) {
                            out.computeIfAbsent(rs.getString(2), k -> new HashMap<>()).merge(HOURS, Fraction.count(h), Fraction::plus);
                        }
                    });
        }
        return out;
    }
}
