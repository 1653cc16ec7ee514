package org.renkou.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.Audited;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.ConflictException;
import org.renkou.common.Dates;
import org.renkou.common.Forms;
import org.renkou.common.FieldProblem;
import org.renkou.common.PageResult;
import org.renkou.common.ReportPeriod;
import org.renkou.common.ValidationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Family support pages: visits with goods and their totals, families in difficulty, allowances and batches. */
@Controller
@Audited(target = "household")
class SupportWebController {
    private static final int PAGE_SIZE = 20;
    private final SupportService support;
    private final AllowanceService allowances;
    private final AreaService areas;
    private final AccessService access;

    SupportWebController(SupportService support, AllowanceService allowances, AreaService areas, AccessService access) {
        this.support = support;
        this.allowances = allowances;
        this.areas = areas;
        this.access = access;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("villageNames", areas.names(Area.Level.VILLAGE));
        model.addAttribute("office", access.has(Permission.TOWN_OFFICE));
    }

    @GetMapping("/support")
    String page(@RequestParam(required = false) String period, @RequestParam(required = false) String area,
                @RequestParam(required = false) Long household,
                @RequestParam(defaultValue = "0") int visitsPage, @RequestParam(defaultValue = "0") int familiesPage,
                Model model) {
        String p = period == null || period.isBlank() ? String.valueOf(Dates.today().getYear()) : period.trim();
        ReportPeriod parsed = ReportPeriod.parse(p);
        model.addAttribute("period", p);
        model.addAttribute("area", area);
        model.addAttribute("villages", areas.visible(Area.Level.VILLAGE));
        model.addAttribute("totals", support.totals(area, parsed));
        model.addAttribute("visits", support.visits(area, parsed, visitsPage, PAGE_SIZE));
        model.addAttribute("families", support.families(area, familiesPage, PAGE_SIZE));
        model.addAttribute("household", household);
        model.addAttribute("today", Dates.today());
        return "support/support";
    }

    @PostMapping("/support/visits")
    String visit(@RequestParam(required = false) Long householdId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
                 @RequestParam(required = false) String giver, @RequestParam(required = false) String giverName,
                 @RequestParam(required = false) String cashYuan, @RequestParam(required = false) String note,
                 @RequestParam(required = false) List<String> item, @RequestParam(required = false) List<String> quantity,
                 @RequestParam(required = false) List<String> unit, RedirectAttributes redirect) {
        List<Visit.Goods> goods = new ArrayList<>();
        for (int i = 0; item != null && i < item.size(); i++) {
            String q = quantity != null && i < quantity.size() ? quantity.get(i) : null;
            if (item.get(i) != null && !item.get(i).isBlank() || q != null && !q.isBlank()) {
                goods.add(new Visit.Goods(item.get(i), parse(q), unit != null && i < unit.size() ? unit.get(i) : null));
            }
        }
        return Forms.save(redirect, "/support", () -> support.recordVisit(new VisitForm(householdId, null, visitedOn, giver, giverName,
                cashYuan, note, goods)));
    }

    @PostMapping("/support/families")
    String family(@RequestParam(required = false) Long householdId, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String liaison1, @RequestParam(required = false) String liaison2,
                  RedirectAttributes redirect) {
        return Forms.save(redirect, "/support", () -> support.registerFamily(householdId == null ? -1 : householdId, reason,
                liaison1, liaison2, null));
    }

    @Audited(target = "allowance_programme", action = AuditAction.LIST)
    @GetMapping("/support/allowances")
    String allowances(@RequestParam(required = false) Long programme, @RequestParam(defaultValue = "0") int page, Model model) {
        List<Programme> programmes = allowances.programmes();
        Programme p = programme == null ? programmes.get(0) : allowances.programme(programme);
        model.addAttribute("programmes", programmes);
        model.addAttribute("p", p);
        PageResult<Eligible> eligible = allowances.eligible(p.id(), null, Dates.today(), page, 100);
        model.addAttribute("eligible", eligible.items());
        model.addAttribute("eligiblePage", eligible);
        model.addAttribute("applications", allowances.applications(p.id()));
        model.addAttribute("batches", (Boolean) model.getAttribute("office") ? allowances.batches(p.id()) : List.of());
        model.addAttribute("today", Dates.today());
        return "support/allowances";
    }

    @Audited(target = "allowance_programme")
    @PostMapping("/support/allowances/{programme}/applications")
    String apply(@PathVariable long programme, @RequestParam long beneficiaryId, @RequestParam(required = false) String bankAccount,
                 @RequestParam(required = false) String applicantIdNumber, RedirectAttributes redirect) {
        return Forms.save(redirect, "/support/allowances?programme=" + programme,
                () -> allowances.apply(programme, beneficiaryId, null, applicantIdNumber, bankAccount));
    }

    @Audited(target = "allowance_application", action = AuditAction.UPDATE)
    @PostMapping("/support/applications/{id}/{decision}")
    String decide(@PathVariable long id, @PathVariable String decision, @RequestParam long programme,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return Forms.save(redirect, "/support/allowances?programme=" + programme, () -> allowances.decide(id, decision, note));
    }

    @Audited(target = "payment_batch")
    @PostMapping("/support/allowances/{programme}/batches")
    String batch(@PathVariable long programme,
                 @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") java.time.YearMonth firstMonth,
                 @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") java.time.YearMonth lastMonth,
                 RedirectAttributes redirect) {
        return Forms.save(redirect, "/support/allowances?programme=" + programme, () -> allowances.createBatch(programme,
                firstMonth == null ? null : firstMonth.atDay(1), lastMonth == null ? null : lastMonth.atDay(1)));
    }

    @Audited(target = "payment_batch", action = AuditAction.EXPORT)
    @GetMapping("/support/batches/{id}/bank-file")
    ResponseEntity<byte[]> bankFile(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"batch-" + id + ".csv\"")
                .body(allowances.bankFile(id));
    }

    private static BigDecimal parse(String q) {
        try {
            return q == null || q.isBlank() ? null : new BigDecimal(q.trim());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
