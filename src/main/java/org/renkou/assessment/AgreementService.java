package org.renkou.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.renkou.access.AccessService;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.access.Permission;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.ValidationException;
import org.renkou.stats.Indicator;
import org.renkou.stats.IndicatorService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The target agreements the town office signs each year with its units (and the district with the town). */
@Service
public class AgreementService {
    static final int MAX_TARGETS = 30;
    static final int MAX_NAME = 50;

    private final JdbcClient jdbc;
    private final AccessService access;
    private final AuditService audit;
    private final AreaService areas;
    private final IndicatorService indicators;
    private final Messages messages;

    AgreementService(JdbcClient jdbc, AccessService access, AuditService audit, AreaService areas,
                     IndicatorService indicators, Messages messages) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.areas = areas;
        this.indicators = indicators;
        this.messages = messages;
    }

    /** What a town office enters for one unit and year. */
    public record Draft(LocalDate signedOn, String signedBy, String counterSigned, List<Target> targets) {
    }

    /** Sets (creates or replaces) the agreement of a unit for a year. */
    @Transactional
    public Agreement save(int year, String areaCode, Draft draft) {
        CurrentUser user = access.require(Permission.TOWN_OFFICE);
        Area unit = unit(areaCode);
        requireScope(user, unit.code());
        check(year, draft);
        jdbc.sql("delete from target_agreement where year = ? and area_code = ?").params(year, unit.code()).update();
        long id = jdbc.sql("""
                        insert into target_agreement (year, area_code, signed_on, signed_by, counter_signed, updated_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(year, unit.code(), draft.signedOn(), blankToNull(draft.signedBy()),
                        blankToNull(draft.counterSigned()), user.username())
                .query(Long.class).single();
        List<Target> targets = draft.targets();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            jdbc.sql("""
                            insert into target_item (agreement_id, position, indicator_code, comparison, target, floor,
                                                     weight, rule) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, i, t.indicator(), t.comparison().name(), t.target(), t.floor(), t.weight(),
                            t.rule().name())
                    .update();
        }
        audit.record(AuditAction.UPDATE, "target_agreement", String.valueOf(id), year + " " + unit.code());
        return find(year, unit.code()).orElseThrow();
    }

    public Optional<Agreement> find(int year, String areaCode) {
        return forUnits(year, List.of(areaCode)).stream().findFirst();
    }

    /** The agreements of a year with the given units, each with its targets in order. */
    public List<Agreement> forUnits(int year, List<String> areaCodes) {
        if (areaCodes.isEmpty()) {
            return List.of();
        }
        List<Agreement> heads = jdbc.sql("""
                        select id, year, area_code, signed_on, signed_by, counter_signed from target_agreement
                        where year = ? and area_code = any (?) order by area_code""")
                .params(year, areaCodes.toArray(String[]::new))
                .query((rs, n) -> new Agreement(rs.getLong("id"), rs.getInt("year"), rs.getString("area_code"),
                        rs.getObject("signed_on", LocalDate.class), rs.getString("signed_by"),
                        rs.getString("counter_signed"), new ArrayList<>()))
                .list();
        if (heads.isEmpty()) {
            return heads;
        }
        // the targets of all of them in one query (a county's assessment reads 810 agreements)
        Map<Long, Agreement> byId = heads.stream().collect(Collectors.toMap(Agreement::id, a -> a));
        jdbc.sql("""
                        select agreement_id, indicator_code, comparison, target, floor, weight, rule from target_item
                        where agreement_id = any (?) order by agreement_id, position""")
                .param(byId.keySet().toArray(Long[]::new))
                .query((rs, n) -> byId.get(rs.getLong("agreement_id")).targets().add(new Target(rs.getString("indicator_code"),
                        Target.Comparison.valueOf(rs.getString("comparison")), rs.getBigDecimal("target"),
                        rs.getBigDecimal("floor"), rs.getInt("weight"), Target.Rule.valueOf(rs.getString("rule")))))
                .list();
        return heads;
    }

    /**
     * Starts a year from the one before (the template): every unit below the area that has an agreement for
     * {@code fromYear} and none for {@code toYear} gets the same targets, unsigned. Answers how many were copied.
     */
    @Transactional
    public int copy(String area, int fromYear, int toYear) {
        List<String> units = units(area).stream().map(Area::code).toList();
        int copied = 0;
        Set<String> existing = forUnits(toYear, units).stream().map(Agreement::areaCode).collect(Collectors.toSet());
        for (Agreement old : forUnits(fromYear, units)) {
            if (!existing.contains(old.areaCode())) {
                save(toYear, old.areaCode(), new Draft(null, null, null, old.targets()));
                copied++;
            }
        }
        return copied;
    }

    /** The units assessed under an area: the village-level units of a town, the towns of a county. */
    public List<Area> units(String area) {
        CurrentUser user = access.current();
        Area parent = areas.find(area).orElseThrow(() -> new ValidationException(
                List.of(messages.problem("area", "areaUnknown", area))));
        if (parent.level() != Area.Level.TOWN && parent.level() != Area.Level.COUNTY) {
            throw new ValidationException(List.of(messages.problem("area", "assessment.level", area)));
        }
        return areas.children(parent.code()).stream()
                .filter(a -> a.level() != Area.Level.GRID && user.scope().contains(a.code()))
                .toList();
    }

    private Area unit(String areaCode) {
        Area a = areas.find(areaCode).orElseThrow(() -> new NotFoundException("area " + areaCode));
        if (a.level() != Area.Level.VILLAGE && a.level() != Area.Level.TOWN) {
            throw new ValidationException(List.of(messages.problem("area", "assessment.unit", areaCode)));
        }
        return a;
    }

    private static void requireScope(CurrentUser user, String code) {
        if (!user.scope().contains(code)) {
            throw new AccessDeniedException("area " + code + " is outside the user's areas");
        }
    }

    private void check(int year, Draft d) {
        List<FieldProblem> problems = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            problems.add(messages.problem("year", "invalid", year));
        }
        for (String[] name : List.of(new String[]{"signedBy", d.signedBy()}, new String[]{"counterSigned", d.counterSigned()})) {
            if (name[1] != null && name[1].length() > MAX_NAME) {
                problems.add(messages.problem(name[0], "maxLength", MAX_NAME));
            }
        }
        List<Target> targets = d.targets() == null ? List.of() : d.targets();
        if (targets.isEmpty()) {
            problems.add(messages.problem("targets", "required"));
        } else if (targets.size() > MAX_TARGETS) {
            problems.add(messages.problem("targets", "assessment.tooMany", MAX_TARGETS));
        }
        Set<String> known = indicators.catalogue().stream().map(Indicator::code).collect(Collectors.toSet());
        for (int i = 0; i < targets.size(); i++) {
            problems.addAll(check("targets[" + i + "]", targets.get(i), known));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private List<FieldProblem> check(String at, Target t, Set<String> known) {
        List<FieldProblem> problems = new ArrayList<>();
        if (t.indicator() == null || !known.contains(t.indicator())) {
            problems.add(named(at + ".indicator", "indicator", "indicatorCode", t.indicator()));
        }
        if (t.comparison() == null) {
            problems.add(named(at + ".comparison", "comparison", "required"));
        }
        if (t.rule() == null) {
            problems.add(named(at + ".rule", "rule", "required"));
        }
        if (t.target() == null || t.target().abs().compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0) {
            problems.add(named(at + ".target", "target", t.target() == null ? "required" : "invalid", t.target()));
        }
        if (t.weight() < 1 || t.weight() > 100) {
            problems.add(named(at + ".weight", "weight", "assessment.weight"));
        }
        if (t.rule() == Target.Rule.PRO_RATA && t.target() != null && !floorOnTheRightSide(t)) {
            problems.add(named(at + ".floor", "floor", "assessment.floor"));
        }
        return problems;
    }

    /** Pro rata needs ≥ or ≤ and a floor below the target (for ≥) or above it (for ≤). */
    private static boolean floorOnTheRightSide(Target t) {
        if (t.floor() == null || t.comparison() == null || t.comparison() == Target.Comparison.EQ) {
            return false;
        }
        int c = t.floor().compareTo(t.target());
        return t.comparison() == Target.Comparison.GE ? c < 0 : c > 0;
    }

    /** A problem whose field path is indexed ({@code targets[2].weight}) but whose message names the field. */
    private FieldProblem named(String path, String field, String rule, Object... args) {
        FieldProblem p = messages.problem(field, rule, args);
        return new FieldProblem(path, p.rule(), p.message());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
