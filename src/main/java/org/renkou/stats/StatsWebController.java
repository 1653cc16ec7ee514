package org.renkou.stats;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.Audited;
import org.renkou.access.CurrentUser;
import org.renkou.access.NotAudited;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.Csv;
import org.renkou.common.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard of an area and period, its chart tables as CSV, and the drill-down to persons. */
@Controller
@NotAudited("the dashboard and its charts: aggregates")
class StatsWebController {
    private final IndicatorService indicators;
    private final DashboardService dashboards;
    private final AreaService areas;
    private final AccessService access;
    private final JsonMapper json;

    StatsWebController(IndicatorService indicators, DashboardService dashboards, AreaService areas, AccessService access,
                       JsonMapper json) {
        this.json = json;
        this.indicators = indicators;
        this.dashboards = dashboards;
        this.areas = areas;
        this.access = access;
    }

    @GetMapping("/stats")
    String dashboard(@RequestParam(required = false) String area, @RequestParam(required = false) String period,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                     Model model) {
        IndicatorService.Query q = query(area, period, date);
        DashboardService.Dashboard d = dashboards.dashboard(q);
        model.addAttribute("d", d);
        model.addAttribute("chartJson", chartJson(d.charts()));
        model.addAttribute("q", q);
        model.addAttribute("period", period(period));
        model.addAttribute("areas", choosable());
        model.addAttribute("drillDown", access.has(Permission.READ_PERSONS) && access.has(Permission.READ_RESIDENTS));
        return "stats/dashboard";
    }

    @GetMapping("/stats/charts/{id}.csv")
    void chartCsv(@PathVariable String id, @RequestParam(required = false) String area,
                  @RequestParam(required = false) String period,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  HttpServletResponse response) throws IOException {
        Chart chart = dashboards.dashboard(query(area, period, date)).chart(id);
        if (chart == null) {
            throw new NotFoundException("chart " + id);
        }
        List<String> header = new ArrayList<>(List.of(""));
        chart.series().forEach(s -> header.add(s.name()));
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < chart.categories().size(); i++) {
            List<String> row = new ArrayList<>(List.of(chart.categories().get(i)));
            for (Chart.Series s : chart.series()) {
                BigDecimal v = s.values().get(i);
                row.add(v == null ? "" : v.toPlainString());
            }
            rows.add(row.toArray(String[]::new));
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + id + ".csv\"");
        Csv.write(response.getOutputStream(), header.toArray(String[]::new), rows);
    }

    @Audited(target = "indicator", action = AuditAction.DRILL_DOWN)
    @GetMapping("/stats/persons")
    String persons(@RequestParam String code, @RequestParam(required = false) String area,
                   @RequestParam(required = false) String period,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size, Model model) {
        IndicatorService.Query q = query(area, period, List.of(code), date);
        model.addAttribute("persons", indicators.numeratorPersons(code, q, page, size));
        model.addAttribute("indicator", indicators.catalogue().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow());
        model.addAttribute("q", q);
        model.addAttribute("area", areas.get(q.area()));
        model.addAttribute("villageNames", areas.names(Area.Level.VILLAGE));
        model.addAttribute("period", period(period));
        return "stats/persons";
    }

    /** Each chart's data as JSON by its id, for charts.js to draw (data-chart on the chart's element). */
    java.util.Map<String, String> chartJson(List<Chart> charts) {
        java.util.Map<String, String> byId = new java.util.HashMap<>();
        charts.forEach(c -> byId.put(c.id(), json.writeValueAsString(c)));
        return byId;
    }

    IndicatorService.Query query(String area, String period, LocalDate date) {
        return query(area, period, null, date);
    }

    private IndicatorService.Query query(String area, String period, List<String> codes, LocalDate date) {
        return indicators.query(area == null || area.isBlank() ? defaultArea() : area.trim(), period(period), date, codes);
    }

    /**
     * The family-planning statistical year to date (1 October to today: events up to today, people counted today),
     * unless another period is asked for.
     */
    String period(String period) {
        if (period != null && !period.isBlank()) {
            return period.trim();
        }
        LocalDate today = indicators.today();
        return LocalDate.of(today.getMonthValue() >= 10 ? today.getYear() : today.getYear() - 1, 10, 1) + ".." + today;
    }

    /** The user's own area: the first town they may see, or the first of their areas. */
    private String defaultArea() {
        CurrentUser user = access.current();
        if (!user.scope().all() && !user.scope().codes().isEmpty()) {
            return user.scope().codes().get(0);
        }
        return areas.byLevel(Area.Level.TOWN).stream().findFirst().map(Area::code)
                .orElseGet(() -> areas.roots().get(0).code());
    }

    /** The areas a user may choose: county and towns for town-wide users, plus the villages they may see. */
    List<Area> choosable() {
        CurrentUser user = access.current();
        List<Area> list = new ArrayList<>();
        for (Area.Level level : List.of(Area.Level.COUNTY, Area.Level.TOWN, Area.Level.VILLAGE)) {
            list.addAll(areas.inScope(level));
        }
        if (!user.scope().all()) { // a cadre's or a grid worker's grids: for a grid worker, all there is
            list.addAll(areas.inScope(Area.Level.GRID));
        }
        return list;
    }
}
