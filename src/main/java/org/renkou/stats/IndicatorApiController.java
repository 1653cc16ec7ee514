package org.renkou.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.renkou.common.PageResult;
import org.renkou.access.AuditAction;
import org.renkou.access.Audited;
import org.renkou.access.NotAudited;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = "Indicators", description = "Figures computed from the individual records for any area and period")
@NotAudited("aggregates (small cells suppressed for roles without personal access)")
class IndicatorApiController {
    private final IndicatorService indicators;

    IndicatorApiController(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @GetMapping
    @Operation(summary = "Indicators for an area (and everything below it) and a period")
    List<IndicatorValue> values(
            @RequestParam String area,
            @Parameter(description = "2012, 2012Q1, 2012-03, FP2012 (2011-10-01..2012-09-30), FPH2012, or 2012-01-01..2012-03-15")
            @RequestParam String period,
            @Parameter(description = "the day people are counted on; default: the period's last day, or today while the period runs (it then ends today)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) List<String> codes) {
        return indicators.values(indicators.query(area, period, date, codes));
    }

    @GetMapping("/by-area")
    @Operation(summary = "Indicators for the area and every town and village-level unit below it")
    List<IndicatorService.AreaValues> byArea(@RequestParam String area, @RequestParam String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) List<String> codes) {
        return indicators.everyArea(indicators.query(area, period, date, codes));
    }

    @GetMapping("/catalogue")
    @Operation(summary = "Every indicator: code, names, definition (Chinese and English) and unit")
    List<IndicatorService.Definition> catalogue() {
        return indicators.definitions();
    }

    @Audited(target = "indicator", action = AuditAction.DRILL_DOWN)
    @GetMapping("/{code}/persons")
    @Operation(summary = "The persons behind an indicator's numerator (drill-down; ID numbers masked), paged:"
            + " {items, total, page, size}, total counting them all")
    PageResult<PersonRef> persons(@PathVariable String code, @RequestParam String area, @RequestParam String period,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        IndicatorService.Query q = indicators.query(area, period, date, List.of(code));
        return indicators.numeratorPersons(code, q, page, size);
    }
}
