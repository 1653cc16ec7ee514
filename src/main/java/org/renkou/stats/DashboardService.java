package org.renkou.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.renkou.common.Messages;
import org.renkou.common.PlanModes;
import org.springframework.stereotype.Service;

/**
 * One area's dashboard for a period: the indicators, their breakdown one level down, and the charts (each
 * with the table behind it). Built from one counting pass per source plus the features' own charts.
 */
@Service
public class DashboardService {
    static final List<String> BY_AREA = List.of("POP_RESIDENT", "POP_REGISTERED", "POP_INFLOW", "POP_OUTFLOW",
            "CHECK_RATE", "CONTRACEPTION_RATE", "BIRTHS_MALE", "BIRTHS_FEMALE");

    /** The persons counted in a period whose records were made after it ended (people's indicator). */
    static final String ENTERED_LATER = "POP_ENTERED_LATER";

    /**
     * {@code enteredLater}: how many of the persons counted were entered after the period ended, so a past period's
     * figures differ from those reported then.
     */
    public record Dashboard(IndicatorService.Query query, List<IndicatorValue> values,
                            List<IndicatorService.Breakdown> breakdown, List<Chart> charts, long enteredLater) {
        public Chart chart(String id) {
            return charts.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
        }
    }

    private final IndicatorService indicators;
    private final List<ChartSource> chartSources;
    private final Messages messages;
    private final PlanModes plans;
    private final SmallCells smallCells;

    DashboardService(IndicatorService indicators, List<ChartSource> chartSources, Messages messages, PlanModes plans,
                     SmallCells smallCells) {
        this.plans = plans;
        this.smallCells = smallCells;
        this.indicators = indicators;
        this.chartSources = chartSources;
        this.messages = messages;
    }

    public Dashboard dashboard(IndicatorService.Query q) {
        java.util.Set<String> codes = new java.util.LinkedHashSet<>(q.codes());
        codes.addAll(BY_AREA);
        codes.add(ENTERED_LATER);
        List<java.util.concurrent.CompletableFuture<List<Chart>>> sourceCharts = chartSources.stream()
                .map(s -> Parallel.start(() -> plans.custom(() -> s.charts(q.area(), q.period(), q.asOf())))).toList();
        IndicatorService.Result result = indicators.valuesAndBreakdown(
                new IndicatorService.Query(q.area(), q.period(), q.asOf(), codes));
        List<IndicatorValue> values = result.values().stream().filter(v -> q.codes().contains(v.code())).toList();
        List<IndicatorService.Breakdown> breakdown = result.breakdown();
        List<Chart> charts = new ArrayList<>();
        if (!breakdown.isEmpty()) {
            charts.add(byArea("population-areas", "chart.populationByArea", breakdown,
                    List.of("POP_RESIDENT", "POP_REGISTERED", "POP_INFLOW", "POP_OUTFLOW")));
            charts.add(byArea("rates-areas", "chart.ratesByArea", breakdown, List.of("CHECK_RATE", "CONTRACEPTION_RATE")));
        }
        boolean suppress = smallCells.apply();
        sourceCharts.forEach(f -> Parallel.join(f).forEach(c -> charts.add(suppress ? smallCells.suppressed(c) : c)));
        Map<String, IndicatorValue> byCode = result.values().stream().collect(Collectors.toMap(IndicatorValue::code, Function.identity()));
        charts.add(pie("sex-at-birth", "chart.sexAtBirth", byCode, List.of("BIRTHS_MALE", "BIRTHS_FEMALE")));
        charts.add(pie("method-mix", "chart.methodMix", byCode, byCode.keySet().stream().filter(c -> c.startsWith("METHOD_"))
                .sorted().toList()));
        charts.add(bars("support", "chart.support", byCode, List.of("SUPPORT_TOWN_CASH", "SUPPORT_ASSOC_CASH")));
        charts.add(bars("goods", "chart.goods", byCode, byCode.keySet().stream().filter(c -> c.startsWith("GOODS_")).sorted().toList()));
        charts.add(bars("publicity", "chart.publicity", byCode, byCode.keySet().stream().filter(c -> c.startsWith("PUBLICITY_"))
                .sorted().toList()));
        IndicatorValue later = byCode.get(ENTERED_LATER);
        return new Dashboard(q, values, breakdown, charts, later == null ? 0 : later.numerator());
    }

    private Chart byArea(String id, String title, List<IndicatorService.Breakdown> breakdown, List<String> codes) {
        List<Chart.Series> series = new ArrayList<>();
        for (String code : codes) {
            List<BigDecimal> values = breakdown.stream().map(b -> b.values().stream().filter(v -> v.code().equals(code))
                    .findFirst().map(IndicatorValue::value).orElse(null)).toList();
            String name = breakdown.get(0).values().stream().filter(v -> v.code().equals(code)).findFirst()
                    .map(IndicatorValue::name).orElse(code);
            series.add(new Chart.Series(name, values));
        }
        return new Chart(id, messages.get(title), "bar", breakdown.stream().map(b -> b.area().name()).toList(), series);
    }

    /** One bar per indicator (money in yuan, counts as they are). */
    private Chart bars(String id, String title, Map<String, IndicatorValue> values, List<String> codes) {
        Chart pie = pie(id, title, values, codes);
        return new Chart(id, pie.title(), "bar", pie.categories(), pie.series());
    }

    private Chart pie(String id, String title, Map<String, IndicatorValue> values, List<String> codes) {
        List<String> names = new ArrayList<>();
        List<BigDecimal> numbers = new ArrayList<>();
        for (String c : codes) {
            IndicatorValue v = values.get(c);
            if (v != null) {
                names.add(v.name());
                numbers.add(v.value());
            }
        }
        return new Chart(id, messages.get(title), "pie", names, List.of(new Chart.Series(messages.get(title), numbers)));
    }
}
