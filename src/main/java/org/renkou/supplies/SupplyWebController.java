package org.renkou.supplies;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.NotAudited;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.Dates;
import org.renkou.common.FieldProblem;
import org.renkou.common.Forms;
import org.renkou.common.Messages;
import org.renkou.common.PageResult;
import org.renkou.common.ValidationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Distribution points with their stock, movements, low-stock alerts and surveys. */
@Controller
@NotAudited("supply points, stock, ledgers and surveys: no personal data; audited by SupplyService")
class SupplyWebController {
    private final SupplyService supplies;
    private final AreaService areas;
    private final AccessService access;
    private final Messages messages;

    SupplyWebController(SupplyService supplies, AreaService areas, AccessService access, Messages messages) {
        this.supplies = supplies;
        this.areas = areas;
        this.access = access;
        this.messages = messages;
    }

    static final int PAGE_SIZE = 20;

    /** A row of the stock table: a point and its balance of each item, in the order of the items. */
    record StockRow(SupplyPoint point, List<Stock> balances) {
        boolean low() {
            return balances.stream().anyMatch(Stock::low);
        }
    }

    @GetMapping("/supplies")
    String page(@RequestParam(required = false) String area, @RequestParam(defaultValue = "false") boolean lowOnly,
                @RequestParam(defaultValue = "0") int page, Model model) {
        var scope = access.current().scope();
        List<SupplyPoint> points = supplies.points().stream().filter(p -> scope.contains(p.villageCode())).toList();
        Map<Long, List<Stock>> stock = supplies.stock().stream()
                .collect(Collectors.groupingBy(Stock::pointId, LinkedHashMap::new, Collectors.toList()));
        List<StockRow> rows = points.stream().filter(SupplyPoint::active)
                .filter(p -> area == null || area.isBlank() || p.villageCode().startsWith(area))
                .map(p -> new StockRow(p, stock.getOrDefault(p.id(), List.of())))
                .filter(r -> !lowOnly || r.low()).toList();
        model.addAttribute("villageNames", areas.names(Area.Level.VILLAGE));
        model.addAttribute("villages", areas.visible(Area.Level.VILLAGE));
        model.addAttribute("points", points);
        model.addAttribute("items", supplies.items());
        model.addAttribute("rows", PageResult.of(rows, page, PAGE_SIZE));
        model.addAttribute("lowCount", rows.stream().filter(StockRow::low).count());
        model.addAttribute("area", area);
        model.addAttribute("lowOnly", lowOnly);
        model.addAttribute("issued", supplies.issuedByMonth(Dates.today().getYear()));
        model.addAttribute("kinds", SupplyService.KINDS);
        model.addAttribute("office", access.has(Permission.TOWN_OFFICE));
        model.addAttribute("today", Dates.today());
        return "supplies/supplies";
    }

    /** The one form of the page: stock received at or issued from a point. */
    @PostMapping("/supplies/ledger")
    String record(@RequestParam(required = false) Long pointId, @RequestParam(required = false) Long itemId,
                  @RequestParam(defaultValue = "0") int quantity, @RequestParam(defaultValue = "out") String direction,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate movedOn,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return Forms.save(redirect, "/supplies", () -> {
            if (pointId == null || itemId == null) {
                throw new ValidationException(List.of(messages.problem(pointId == null ? "pointId" : "itemId", "required")));
            }
            return supplies.move(pointId, itemId, "out".equals(direction) ? -Math.abs(quantity) : Math.abs(quantity), movedOn, note);
        });
    }

    @PostMapping("/supplies/points")
    String addPoint(@RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                    @RequestParam(required = false) String villageCode, @RequestParam(required = false) String keeper,
                    @RequestParam(required = false) String opening, RedirectAttributes redirect) {
        return Forms.save(redirect, "/supplies", () -> supplies.addPoint(name, kind, villageCode, keeper, opening));
    }

    @PostMapping("/supplies/points/{id}/ledger")
    String move(@PathVariable long id, @RequestParam long itemId, @RequestParam(defaultValue = "0") int quantity,
                @RequestParam(defaultValue = "in") String direction,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate movedOn,
                @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return Forms.save(redirect, "/supplies", () -> supplies.move(id, itemId, "out".equals(direction) ? -Math.abs(quantity) : Math.abs(quantity),
                movedOn, note));
    }

    @PostMapping("/supplies/surveys")
    String survey(@RequestParam(required = false) String villageCode,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate surveyedOn,
                  @RequestParam(defaultValue = "0") int sample, @RequestParam(defaultValue = "0") int acquired,
                  @RequestParam(defaultValue = "0") int aware, RedirectAttributes redirect) {
        return Forms.save(redirect, "/supplies", () -> supplies.recordSurvey(villageCode, surveyedOn, sample, acquired, aware));
    }
}
