package org.renkou.supplies;

import java.time.LocalDate;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.NotAudited;
import org.renkou.access.Role;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.Dates;
import org.renkou.common.Forms;
import org.renkou.common.FieldProblem;
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

    SupplyWebController(SupplyService supplies, AreaService areas, AccessService access) {
        this.supplies = supplies;
        this.areas = areas;
        this.access = access;
    }

    @GetMapping("/supplies")
    String page(Model model) {
        model.addAttribute("villageNames", areas.names(Area.Level.VILLAGE));
        model.addAttribute("points", supplies.points());
        model.addAttribute("items", supplies.items());
        model.addAttribute("stock", supplies.stock());
        model.addAttribute("low", supplies.lowStock());
        model.addAttribute("issued", supplies.issuedByMonth(Dates.today().getYear()));
        model.addAttribute("kinds", SupplyService.KINDS);
        model.addAttribute("office", access.current().role() == Role.ADMIN || access.current().role() == Role.TOWN_OFFICER);
        model.addAttribute("today", Dates.today());
        return "supplies/supplies";
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
