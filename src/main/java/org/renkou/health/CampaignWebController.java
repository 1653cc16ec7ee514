package org.renkou.health;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.Audited;
import org.renkou.access.NotAudited;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.Dates;
import org.renkou.common.Forms;
import org.renkou.common.PageResult;
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

/** Check campaigns: planning, live progress, result entry on a clinic day, printed rosters, the task list. */
@Controller
@Audited(target = "check_campaign")
class CampaignWebController {
    private final CampaignService campaigns;
    private final RosterPdf rosterPdf;
    private final AreaService areas;
    private final AccessService access;

    CampaignWebController(CampaignService campaigns, RosterPdf rosterPdf, AreaService areas, AccessService access) {
        this.campaigns = campaigns;
        this.rosterPdf = rosterPdf;
        this.areas = areas;
        this.access = access;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("villageNames", areas.names(Area.Level.VILLAGE));
    }

    @GetMapping("/health/campaigns")
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.campaigns());
        model.addAttribute("office", access.has(Permission.TOWN_OFFICE));
        model.addAttribute("kinds", HealthCodes.CheckKind.values());
        model.addAttribute("towns", areas.byLevel(Area.Level.TOWN));
        model.addAttribute("today", Dates.today());
        return "health/campaigns";
    }

    @PostMapping("/health/campaigns")
    String create(@RequestParam(required = false) String name,
                  @RequestParam(required = false) List<HealthCodes.CheckKind> kinds,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
                  @RequestParam(required = false) List<String> areaCodes, RedirectAttributes redirect) {
        long[] id = {0};
        String back = Forms.save(redirect, "/health/campaigns",
                () -> id[0] = campaigns.create(new CampaignForm(name, kinds, startsOn, endsOn, areaCodes)).id());
        return id[0] == 0 ? back : "redirect:/health/campaigns/" + id[0];
    }

    @GetMapping("/health/campaigns/{id}")
    String campaign(@PathVariable long id, Model model) {
        model.addAttribute("c", campaigns.campaign(id));
        model.addAttribute("progress", campaigns.progress(id));
        return "health/campaign";
    }

    /** The live part of the campaign page, refreshed by htmx while the campaign runs. */
    @NotAudited("a campaign's progress in counts")
    @GetMapping("/health/campaigns/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        campaign(id, model);
        return "health/campaign :: progress";
    }

    @GetMapping("/health/campaigns/{id}/entry")
    String entry(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("c", campaigns.campaign(id));
        model.addAttribute("q", q);
        model.addAttribute("matches", campaigns.lookup(id, q));
        model.addAttribute("results", HealthCodes.CheckResult.values());
        model.addAttribute("today", Dates.today());
        return "health/entry";
    }

    @PostMapping("/health/campaigns/{id}/results")
    String result(@PathVariable long id, @RequestParam long personId, @RequestParam HealthCodes.CheckResult result,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkedOn,
                  RedirectAttributes redirect) {
        String back = Forms.save(redirect, "/health/campaigns/" + id + "/entry",
                () -> redirect.addFlashAttribute("entered", campaigns.recordResult(id, new CheckResultForm(personId, result, checkedOn))));
        return back;
    }

    @Audited(target = "check_campaign", action = AuditAction.LIST)
    @GetMapping("/health/campaigns/{id}/roster")
    String roster(@PathVariable long id, @RequestParam(required = false) String village,
                  @RequestParam(defaultValue = "false") boolean unchecked, Model model) {
        model.addAttribute("c", campaigns.campaign(id));
        model.addAttribute("roster", campaigns.roster(id, village, unchecked));
        model.addAttribute("village", village);
        model.addAttribute("unchecked", unchecked);
        return "health/roster";
    }

    @Audited(target = "check_campaign", action = AuditAction.EXPORT)
    @GetMapping("/health/campaigns/{id}/roster.pdf")
    ResponseEntity<byte[]> rosterPdf(@PathVariable long id, @RequestParam(required = false) String village) {
        Campaign c = campaigns.campaign(id);
        byte[] pdf = rosterPdf.render(c, campaigns.roster(id, village, false), village);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"roster-" + id + (village == null ? "" : "-" + village) + ".pdf\"")
                .body(pdf);
    }

    @Audited(target = "person", action = AuditAction.LIST)
    @GetMapping("/health/tasks")
    String tasks(@RequestParam(required = false) Task.Kind kind, @RequestParam(required = false) String area,
                 @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        Comparator<Task> order = switch (sort == null ? "" : sort) {
            case "name" -> Comparator.comparing(Task::name);
            case "village" -> Comparator.comparing(Task::villageCode, Comparator.nullsLast(Comparator.naturalOrder()));
            case "due" -> Comparator.comparing(Task::due, Comparator.nullsLast(Comparator.naturalOrder()));
            default -> Comparator.comparing(Task::kind);
        };
        List<Task> tasks = campaigns.tasks().stream()
                .filter(t -> kind == null || t.kind() == kind)
                .filter(t -> area == null || area.isBlank() || (t.villageCode() != null && t.villageCode().startsWith(area)))
                .sorted("desc".equals(dir) ? order.reversed() : order).toList();
        model.addAttribute("tasks", PageResult.of(tasks, page, 50));
        model.addAttribute("kinds", Task.Kind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("area", area);
        model.addAttribute("villages", areas.visible(Area.Level.VILLAGE));
        model.addAttribute("outcomes", HealthCodes.FollowupOutcome.values());
        model.addAttribute("writer", access.has(Permission.WRITE_HEALTH));
        return "health/tasks";
    }

    @PostMapping("/health/campaigns/{id}/followups/{personId}")
    String close(@PathVariable long id, @PathVariable long personId,
                 @RequestParam(required = false) HealthCodes.FollowupOutcome outcome,
                 @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return Forms.save(redirect, "/health/tasks", () -> campaigns.closeFollowup(id, personId,
                new FollowupForm(outcome, note)));
    }
}
