package org.renkou.verification;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.renkou.access.AccessService;
import org.renkou.access.Audited;
import org.renkou.access.NotAudited;
import org.renkou.access.Permission;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.AreaScope;
import org.renkou.common.ConflictException;
import org.renkou.common.Dates;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.ValidationException;
import org.renkou.people.RegisterChecks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The town office's pages of verification rounds (清查核对): the rounds with their figures and the form to plan one,
 * a round's live progress by village and grid, and the changes a round made to the register with their undo.
 */
@Controller
@RequestMapping("/verification")
@Audited(target = "verification_round")
class VerificationWebController {
    /** The results that change the register, as the changes list filters them. */
    static final List<String> CHANGE_KINDS = List.of("CORRECTED", "NOT_LIVING_HERE", "DECEASED", "NEW");
    private static final int PAGE_SIZE = 50;

    /** The plan form as the page sends it: villages or whole towns ticked. */
    record PlanForm(String name, List<String> areaCodes, LocalDate startsOn, LocalDate endsOn) {
        static PlanForm empty() {
            return new PlanForm("", List.of(), null, null);
        }

        public boolean ticked(String code) {
            return areaCodes != null && areaCodes.contains(code);
        }
    }

    /** A round as the list shows it. */
    record RoundRow(Round round, String status, Figures figures, String areas) {
    }

    private final VerificationRounds rounds;
    private final RoundChanges changes;
    private final RegisterChecks typedRounds;
    private final AccessService access;
    private final AreaService areas;
    private final Messages messages;
    private final Clock clock;

    VerificationWebController(VerificationRounds rounds, RoundChanges changes, RegisterChecks typedRounds,
                              AccessService access, AreaService areas, Messages messages, Clock clock) {
        this.clock = clock;
        this.rounds = rounds;
        this.changes = changes;
        this.typedRounds = typedRounds;
        this.access = access;
        this.areas = areas;
        this.messages = messages;
    }

    /** The towns and villages a round may be planned over: the office's own. */
    @ModelAttribute("plannable")
    List<Area> plannable() {
        AreaScope scope = access.current().scope();
        return java.util.stream.Stream.of(Area.Level.TOWN, Area.Level.VILLAGE).flatMap(l -> areas.byLevel(l).stream())
                .filter(a -> scope.contains(a.code())).sorted(java.util.Comparator.comparing(Area::code)).toList();
    }

    /** Names of the towns and villages, for the areas of rounds. */
    @ModelAttribute("areaNames")
    Map<String, String> areaNames() {
        Map<String, String> names = new java.util.HashMap<>(areas.names(Area.Level.TOWN));
        names.putAll(areas.names(Area.Level.VILLAGE));
        return names;
    }

    @GetMapping
    String list(Model model) {
        return listPage(PlanForm.empty(), Map.of(), model);
    }

    @PostMapping
    String plan(@ModelAttribute("form") PlanForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        try {
            rejectBindingErrors(binding);
            Round r = rounds.plan(form.name(), form.areaCodes(), form.startsOn(), form.endsOn());
            redirect.addFlashAttribute("planned", true);
            return "redirect:/verification/" + r.id();
        } catch (ValidationException e) {
            return listPage(form, byField(e.problems()), model);
        }
    }

    @GetMapping("/{id:\\d+}")
    String round(@PathVariable long id, Model model) {
        progressModel(id, model);
        return "verification/round";
    }

    @NotAudited("the progress figures by area, polled by the round page every few seconds: counts, no personal data")
    @GetMapping("/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        progressModel(id, model);
        return "verification/round :: progress";
    }

    @Audited(target = "verification_change")
    @GetMapping("/{id}/changes")
    String changes(@PathVariable long id, @RequestParam(required = false) String village,
                   @RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page,
                   HttpServletRequest request, Model model) {
        Round r = rounds.get(id);
        String villageCode = village == null || village.isBlank() ? null : village.trim();
        String result = kind == null || !CHANGE_KINDS.contains(kind) ? null : kind;
        model.addAttribute("round", r);
        model.addAttribute("result", changes.list(id, villageCode, result, Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("village", villageCode);
        model.addAttribute("kind", result);
        model.addAttribute("kinds", CHANGE_KINDS);
        model.addAttribute("villages", areas.byLevel(Area.Level.VILLAGE).stream()
                .filter(v -> r.areaCodes().stream().anyMatch(c -> v.code().startsWith(c))).toList());
        model.addAttribute("query", request.getQueryString());
        return "verification/changes";
    }

    @Audited(target = "verification_change")
    @PostMapping("/{id}/changes/{changeId}/undo")
    String undo(@PathVariable long id, @PathVariable long changeId, @RequestParam(required = false) String back,
                RedirectAttributes redirect) {
        try {
            changes.undo(id, changeId);
            redirect.addFlashAttribute("undone", changeId);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(e.getMessage()));
        }
        String query = back == null || back.isBlank() || !back.matches("[\\w=&%.-]*") ? "" : "?" + back;
        return "redirect:/verification/" + id + "/changes" + query;
    }

    private String listPage(PlanForm form, Map<String, String> errors, Model model) {
        access.require(Permission.TOWN_OFFICE);
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", errors);
        model.addAttribute("rounds", rounds.visible().stream()
                .map(r -> new RoundRow(r, rounds.status(r), rounds.figures(r.id()), areaList(r))).toList());
        model.addAttribute("typed", typedRounds.rounds());
        return "verification/rounds";
    }

    private void progressModel(long id, Model model) {
        access.require(Permission.TOWN_OFFICE);
        Round r = rounds.get(id);
        model.addAttribute("round", r);
        model.addAttribute("status", rounds.status(r));
        model.addAttribute("roundAreas", areaList(r));
        model.addAttribute("figures", rounds.figures(id));
        Map<String, List<VerificationRounds.AreaProgress>> progress = rounds.progress(id);
        model.addAttribute("progress", progress);
        model.addAttribute("idle", idleGrids(progress));
        model.addAttribute("refreshedAt", java.time.LocalTime.now(clock.withZone(Dates.ZONE)).withNano(0));
    }

    /** The round's areas by name. */
    private String areaList(Round r) {
        Map<String, String> names = areaNames();
        return String.join("、", r.areaCodes().stream().map(c -> names.getOrDefault(c, c)).toList());
    }

    /** The grids nobody has visited a household of yet, each as "village grid". */
    private static List<String> idleGrids(Map<String, List<VerificationRounds.AreaProgress>> progress) {
        return progress.values().stream().filter(l -> !l.isEmpty())
                .flatMap(l -> l.stream().skip(1).filter(g -> !g.figures().started()).map(g -> l.get(0).areaName() + g.areaName()))
                .toList();
    }

    private void rejectBindingErrors(BindingResult binding) {
        if (binding.hasFieldErrors()) {
            throw new ValidationException(binding.getFieldErrors().stream()
                    .map(f -> messages.problem(f.getField(), f.getField().endsWith("On") ? "date" : "invalid",
                            String.valueOf(f.getRejectedValue()))).toList());
        }
    }

    private static Map<String, String> byField(List<FieldProblem> problems) {
        Map<String, String> m = new LinkedHashMap<>();
        problems.forEach(p -> m.merge(p.field(), p.message(), (a, b) -> a + " " + b));
        return m;
    }
}
