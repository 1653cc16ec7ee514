package org.renkou.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.PageResult;
import org.renkou.common.PlanModes;
import org.renkou.common.ReportPeriod;
import org.renkou.common.ValidationException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The catalogue of indicators, assembled from every feature's {@link IndicatorSource}, computed on demand
 * from the individual records for any area the user may see and any period.
 */
@Service
public class IndicatorService {
    private final Map<String, IndicatorSource> sourceOf = new LinkedHashMap<>();
    private final Map<String, Indicator> catalogue = new LinkedHashMap<>();
    private final AreaService areas;
    private final AccessService access;
    private final Messages messages;
    private final PlanModes plans;
    private final java.time.Clock clock;
    private final SmallCells smallCells;

    IndicatorService(List<IndicatorSource> sources, AreaService areas, AccessService access,
                     Messages messages, PlanModes plans, java.time.Clock clock, SmallCells smallCells) {
        this.plans = plans;
        this.clock = clock;
        this.smallCells = smallCells;
        for (IndicatorSource s : sources) {
            for (Indicator i : s.catalogue()) {
                if (catalogue.putIfAbsent(i.code(), i) != null) {
                    throw new IllegalStateException("indicator " + i.code() + " defined twice");
                }
                sourceOf.put(i.code(), s);
            }
        }
        this.areas = areas;
        this.access = access;
        this.messages = messages;
    }

    public List<Indicator> catalogue() {
        return List.copyOf(catalogue.values());
    }

    /** An indicator as the catalogue API describes it: its definition in both languages. */
    public record Definition(String code, String nameZh, String nameEn, String definition, String definitionEn,
                             String unit, int scale) {
    }

    public List<Definition> definitions() {
        return catalogue.values().stream()
                .map(i -> new Definition(i.code(), i.nameZh(), i.nameEn(), i.definition(),
                        messages.english("indicator.definition." + i.code()), i.unit(), i.scale()))
                .toList();
    }

    /** A request as the API and pages take it, checked: period text, optional date, optional codes. */
    public record Query(String area, ReportPeriod period, LocalDate asOf, Set<String> codes) {
    }

    /** Today in China, from the application's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** People are counted on the period's last day, or today while it runs: never on a day still to come. */
    private LocalDate countedOn(ReportPeriod p) {
        LocalDate today = today();
        return p.contains(today) ? today : p.to();
    }

    public Query query(String area, String period, LocalDate date, List<String> codes) {
        List<FieldProblem> problems = new ArrayList<>();
        ReportPeriod p = null;
        try {
            p = ReportPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            problems.add(messages.problem("period", "period", period));
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String c : codes == null || codes.isEmpty() ? catalogue.keySet() : codes) {
            if (!catalogue.containsKey(c.trim())) {
                problems.add(messages.problem("codes", "indicatorCode", c));
            }
            wanted.add(c.trim());
        }
        if (area == null || areas.find(area).isEmpty()) {
            problems.add(messages.problem("area", "areaUnknown", area));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new Query(area, p, date != null ? date : countedOn(p), wanted);
    }

    /** Every requested indicator for the area (and everything below it) and the period. */
    public List<IndicatorValue> values(Query q) {
        requireArea(q.area());
        return sum(byVillage(q), q.codes(), "");
    }

    /** An area below the queried one with its values. */
    public record Breakdown(Area area, List<IndicatorValue> values) {
    }

    /**
     * The values of each area one level below the queried one (the towns of a county, the villages of a town),
     * from the same single pass per source; empty below village level.
     */
    public List<Breakdown> breakdown(Query q) {
        return valuesAndBreakdown(q).breakdown();
    }

    /** The area's values and their breakdown one level down. */
    public record Result(List<IndicatorValue> values, List<Breakdown> breakdown) {
    }

    /** Both from one counting pass per source. */
    public Result valuesAndBreakdown(Query q) {
        requireArea(q.area());
        Map<String, Map<String, Fraction>> villages = byVillage(q);
        List<Breakdown> breakdown = areas.visibleChildren(q.area(), access.current().scope()).stream()
                .filter(a -> a.level() != Area.Level.GRID)
                .map(c -> new Breakdown(c, sum(villages, q.codes(), c.code()))).toList();
        return new Result(sum(villages, q.codes(), ""), breakdown);
    }

    /** An area with its values. */
    public record AreaValues(String area, List<IndicatorValue> values) {
    }

    /**
     * The values of the area and of every town and village-level unit below it (a county's whole tree), from
     * one counting pass per source.
     */
    public List<AreaValues> everyArea(Query q) {
        requireArea(q.area());
        Map<String, Map<String, Fraction>> villages = byVillage(q);
        Map<String, Map<String, Fraction>> towns = new HashMap<>();
        villages.forEach((village, values) -> values.forEach((code, f) ->
                towns.computeIfAbsent(village.substring(0, 9), t -> new HashMap<>()).merge(code, f, Fraction::plus)));
        List<AreaValues> all = new ArrayList<>(List.of(new AreaValues(q.area(), sum(villages, q.codes(), ""))));
        for (Area.Level level : List.of(Area.Level.TOWN, Area.Level.VILLAGE)) {
            Map<String, Map<String, Fraction>> totals = level == Area.Level.TOWN ? towns : villages;
            for (Area a : areas.byLevel(level)) {
                if (a.code().startsWith(q.area()) && !a.code().equals(q.area()) && access.current().scope().contains(a.code())) {
                    all.add(new AreaValues(a.code(), values(totals.getOrDefault(a.code(), Map.of()), q.codes())));
                }
            }
        }
        return all;
    }

    /** Each source counts once, grouped by village-level unit. */
    private Map<String, Map<String, Fraction>> byVillage(Query q) {
        Map<IndicatorSource, Set<String>> bySource = new LinkedHashMap<>();
        for (String code : q.codes()) {
            bySource.computeIfAbsent(sourceOf.get(code), s -> new LinkedHashSet<>()).add(code);
        }
        List<java.util.concurrent.CompletableFuture<Map<String, Map<String, Fraction>>>> counted = new ArrayList<>();
        bySource.forEach((source, codes) -> counted.add(Parallel.start(() -> plans.custom(() -> source.compute(codes, q.area(),
                q.period(), q.asOf())))));
        Map<String, Map<String, Fraction>> villages = new HashMap<>();
        for (var f : counted) {
            Parallel.join(f).forEach((village, values) -> {
                if (village != null) {
                    villages.computeIfAbsent(village, v -> new HashMap<>()).putAll(values);
                }
            });
        }
        return villages;
    }

    private List<IndicatorValue> sum(Map<String, Map<String, Fraction>> villages, Set<String> codes, String prefix) {
        Map<String, Fraction> total = new HashMap<>();
        villages.forEach((village, values) -> {
            if (village.startsWith(prefix)) {
                values.forEach((code, f) -> total.merge(code, f, Fraction::plus));
            }
        });
        return values(total, codes);
    }

    private List<IndicatorValue> values(Map<String, Fraction> total, Set<String> codes) {
        return codes.stream().map(c -> {
            Indicator i = catalogue.get(c);
            return value(i, total.getOrDefault(c, i.zero()));
        }).toList();
    }

    /** A page of the persons behind a numerator, for users who may read persons in that area (audited by the handlers). */
    public PageResult<PersonRef> numeratorPersons(String code, Query q, int page, int size) {
        CurrentUser user = access.require(Permission.READ_PERSONS);
        requireArea(q.area());
        if (user.floatingOnly()) {
            throw new AccessDeniedException("the police liaison reads floating people only");
        }
        IndicatorSource source = sourceOf.get(code);
        access.require(source.drillDownPermission());
        PageResult<PersonRef> persons = source.numeratorPersons(code, q.area(), q.period(), q.asOf(), page, size);
        return persons;
    }

    public String name(Indicator i) {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? i.nameEn() : i.nameZh();
    }

    private void requireArea(String area) {
        CurrentUser user = access.current();
        if (!user.scope().contains(area)) {
            throw new AccessDeniedException("area " + area + " is outside the user's areas");
        }
    }

    private IndicatorValue value(Indicator i, Fraction f) {
        BigDecimal value;
        if (i.money()) {
            value = BigDecimal.valueOf(f.numerator(), 2);
        } else if (f.denominator() == null) {
            value = BigDecimal.valueOf(f.numerator());
        } else if (f.denominator() == 0) {
            value = null;
        } else {
            value = BigDecimal.valueOf(f.numerator() * (long) i.scale())
                    .divide(BigDecimal.valueOf(f.denominator()), 1, RoundingMode.HALF_UP);
        }
        IndicatorValue v = new IndicatorValue(i.code(), name(i), value, f.numerator(), f.denominator(), i.unit(), false);
        return !i.money() && sourceOf.get(i.code()).countsPersons() && smallCells.hides(f) && smallCells.apply()
                ? smallCells.suppressed(v) : v;
    }
}
