package org.renkou.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.renkou.area.Area;
import org.renkou.stats.Indicator;
import org.renkou.stats.IndicatorService;
import org.renkou.stats.IndicatorValue;
import org.springframework.stereotype.Service;

/**
 * The yearly assessment (考核): each unit's targets against the actual values of the indicators over the
 * family-planning year FP{year} — never typed in — with points, score and rank.
 */
@Service
public class AssessmentService {
    private final AgreementService agreements;
    private final IndicatorService indicators;

    AssessmentService(AgreementService agreements, IndicatorService indicators) {
        this.agreements = agreements;
        this.indicators = indicators;
    }

    /** Every unit below the area (a town's village-level units, a county's towns), ranked by score. */
    public List<Assessment> assess(String area, int year) {
        List<Area> units = agreements.units(area);
        Map<String, Agreement> byUnit = agreements(year, units);
        return assess(units, byUnit, actualValues(area, year, byUnit.values()));
    }

    /**
     * Every town's assessment of its village-level units for a county (30 towns × 27 units), keyed by town: one
     * counting pass over the whole county and one read of all the agreements, not one of each per town.
     */
    public Map<String, List<Assessment>> assessEveryTown(String county, int year) {
        Map<String, List<Area>> unitsOfTown = new LinkedHashMap<>();
        List<Area> below = agreements.units(county);
        if (below.stream().allMatch(a -> a.level() == Area.Level.VILLAGE)) { // a town: itself
            unitsOfTown.put(county, below);
        }
        for (Area town : below) {
            if (town.level() == Area.Level.TOWN) {
                unitsOfTown.put(town.code(), agreements.units(town.code()));
            }
        }
        Map<String, Agreement> byUnit = agreements(year, unitsOfTown.values().stream().flatMap(List::stream).toList());
        Map<String, Map<String, BigDecimal>> actual = new HashMap<>();
        Set<String> codes = codes(byUnit.values());
        if (!codes.isEmpty()) {
            IndicatorService.Query q = indicators.query(county, "FP" + year, null, List.copyOf(codes));
            indicators.everyArea(q).forEach(a -> actual.put(a.area(), known(a.values())));
        }
        Map<String, List<Assessment>> result = new LinkedHashMap<>();
        unitsOfTown.forEach((town, units) -> result.put(town, assess(units, byUnit, actual)));
        return result;
    }

    private Map<String, Agreement> agreements(int year, List<Area> units) {
        return agreements.forUnits(year, units.stream().map(Area::code).toList()).stream()
                .collect(Collectors.toMap(Agreement::areaCode, Function.identity()));
    }

    private List<Assessment> assess(List<Area> units, Map<String, Agreement> byUnit,
                                    Map<String, Map<String, BigDecimal>> actual) {
        Map<String, Indicator> catalogue = indicators.catalogue().stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity()));
        List<Assessment> unranked = new ArrayList<>();
        for (Area unit : units) {
            Agreement a = byUnit.get(unit.code());
            List<Assessment.Item> items = a == null ? List.of()
                    : items(a, actual.getOrDefault(unit.code(), Map.of()), catalogue);
            BigDecimal score = items.stream().map(Assessment.Item::points).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(1, RoundingMode.HALF_UP);
            unranked.add(new Assessment(unit.code(), unit.name(), score, 0, items));
        }
        return ranked(unranked);
    }

    /** Ranks by score, equal scores sharing a rank (1, 2, 2, 4); units without an agreement come last, unranked. */
    static List<Assessment> ranked(List<Assessment> list) {
        List<Assessment> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing((Assessment a) -> a.items().isEmpty())
                .thenComparing(Assessment::score, Comparator.reverseOrder())
                .thenComparing(Assessment::areaCode));
        List<Assessment> result = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Assessment a = sorted.get(i);
            int rank = a.items().isEmpty() ? 0
                    : i > 0 && a.score().compareTo(sorted.get(i - 1).score()) == 0 ? result.get(i - 1).rank() : i + 1;
            result.add(new Assessment(a.areaCode(), a.areaName(), a.score(), rank, a.items()));
        }
        return result;
    }

    private List<Assessment.Item> items(Agreement a, Map<String, BigDecimal> actual, Map<String, Indicator> catalogue) {
        return a.targets().stream().map(t -> {
            BigDecimal value = actual.get(t.indicator());
            return new Assessment.Item(t.indicator(), indicators.name(catalogue.get(t.indicator())),
                    t.comparison().sign(), t.target(), value, t.met(value), t.weight(), t.points(value));
        }).toList();
    }

    private static Set<String> codes(Iterable<Agreement> list) {
        Set<String> codes = new LinkedHashSet<>();
        list.forEach(a -> a.targets().forEach(t -> codes.add(t.indicator())));
        return codes;
    }

    /** The values that were counted (a rate of 0 of 0 has none). */
    private static Map<String, BigDecimal> known(List<IndicatorValue> values) {
        Map<String, BigDecimal> unit = new HashMap<>();
        for (IndicatorValue v : values) {
            if (v.value() != null) {
                unit.put(v.code(), v.value());
            }
        }
        return unit;
    }

    /** The indicators the agreements name, for each unit, from one counting pass per indicator source. */
    private Map<String, Map<String, BigDecimal>> actualValues(String area, int year, Iterable<Agreement> list) {
        Set<String> codes = codes(list);
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        if (codes.isEmpty()) {
            return values;
        }
        IndicatorService.Query q = indicators.query(area, "FP" + year, null, List.copyOf(codes));
        for (IndicatorService.Breakdown b : indicators.breakdown(q)) {
            values.put(b.area().code(), known(b.values()));
        }
        return values;
    }
}
