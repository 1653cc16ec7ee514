package org.renkou.linkage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.renkou.access.Audited;
import org.renkou.access.NotAudited;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.ConflictException;
import org.renkou.common.ValidationException;
import org.renkou.people.CodeTables;
import org.renkou.people.PersonService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The review queue (消重): pairs ranked by score, one pair side by side, and the decisions. */
@Controller
@Audited(target = "linkage_pair")
class LinkageWebController {
    private static final String VALUE = "value.";

    private final LinkageService linkage;
    private final PersonService persons;
    private final PairReview review;
    private final CodeTables codes;
    private final AutoMerges autoMerges;
    private final AreaService areas;

    LinkageWebController(LinkageService linkage, PersonService persons, PairReview review, CodeTables codes,
                         AutoMerges autoMerges, AreaService areas) {
        this.autoMerges = autoMerges;
        this.areas = areas;
        this.codes = codes;
        this.linkage = linkage;
        this.persons = persons;
        this.review = review;
    }

    @GetMapping("/linkage")
    String queue(@RequestParam(required = false) String area, @RequestParam(defaultValue = "OPEN") String status,
                 @RequestParam(required = false) Long run, @RequestParam(name = "import", required = false) Long importJob,
                 @RequestParam(required = false) Integer page, Model model) {
        var result = linkage.pairs(area, status.isBlank() ? null : status, run, importJob, page, 50);
        model.addAttribute("result", result);
        model.addAttribute("runs", linkage.recentRuns());
        model.addAttribute("names", names(result.items()));
        model.addAttribute("area", area);
        model.addAttribute("status", status);
        model.addAttribute("run", run);
        model.addAttribute("importJob", importJob);
        List<Area> choices = areaChoices();
        model.addAttribute("areaChoices", choices);
        Map<String, String> areaNames = new LinkedHashMap<>();
        choices.forEach(a -> areaNames.put(a.code(), a.name()));
        model.addAttribute("areaNames", areaNames);
        return "linkage/queue";
    }

    /** The areas a reviewer may search in by name, not by a code typed from memory: their town(s), then villages. */
    private List<Area> areaChoices() {
        List<Area> choices = new ArrayList<>(areas.inScope(Area.Level.TOWN));
        choices.addAll(areas.inScope(Area.Level.VILLAGE));
        return choices;
    }

    @PostMapping("/linkage/runs")
    String startRun(@RequestParam String area, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("runId", linkage.startRun(area));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.problems().stream().map(p -> p.message()).toList());
        }
        return "redirect:/linkage";
    }

    @GetMapping("/linkage/pairs/{id}")
    String pair(@PathVariable long id, Model model) {
        model.addAttribute("review", review.of(id));
        model.addAttribute("codes", codes);
        return "linkage/pair";
    }

    /** {@code value.FIELD} parameters say, field by field, the id of the record whose value stays. */
    @PostMapping("/linkage/pairs/{id}/merge")
    String merge(@PathVariable long id, @RequestParam long survivorId, @RequestParam Map<String, String> params,
                 RedirectAttributes redirect) {
        Map<String, Long> values = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(VALUE) && value.matches("\\d{1,18}")) {
                values.put(name.substring(VALUE.length()), Long.valueOf(value));
            }
        });
        return decided(id, redirect, () -> linkage.merge(id, survivorId, values));
    }

    @GetMapping("/linkage/auto")
    String autoPreview(@RequestParam(required = false) String area, @RequestParam(required = false) Integer page,
                       Model model) {
        AutoMerges.Preview preview = autoMerges.preview(area, page, 50);
        model.addAttribute("preview", preview);
        model.addAttribute("result", preview.pairs());
        model.addAttribute("names", names(preview.pairs().items()));
        model.addAttribute("area", area);
        model.addAttribute("jobs", autoMerges.recent());
        List<Area> choices = areaChoices();
        model.addAttribute("areaChoices", choices);
        Map<String, String> areaNames = new LinkedHashMap<>();
        choices.forEach(a -> areaNames.put(a.code(), a.name()));
        model.addAttribute("areaNames", areaNames);
        return "linkage/auto";
    }

    /** Starts the bulk merge of what the preview showed and opens its page, where it can be watched. */
    @PostMapping("/linkage/auto")
    String autoMerge(@RequestParam(required = false) String area, @RequestParam long upTo,
                     @RequestParam(required = false) java.time.Instant asOf) {
        return "redirect:/linkage/auto/jobs/" + autoMerges.start(area, upTo, asOf);
    }

    @GetMapping("/linkage/auto/jobs/{id}")
    String autoMergeJob(@PathVariable long id, Model model) {
        model.addAttribute("job", autoMerges.job(id));
        return "linkage/auto-job";
    }

    @GetMapping("/linkage/auto/jobs/{id}/progress")
    @NotAudited("a bulk merge's counts and the numbers of the pairs not merged, polled every second: no names, no records")
    String autoMergeProgress(@PathVariable long id, Model model) {
        model.addAttribute("job", autoMerges.job(id));
        return "linkage/auto-job :: status";
    }

    @PostMapping("/linkage/pairs/{id}/distinct")
    String distinct(@PathVariable long id, RedirectAttributes redirect) {
        return decided(id, redirect, () -> linkage.distinct(id));
    }

    @PostMapping("/linkage/pairs/{id}/undo")
    String undo(@PathVariable long id, RedirectAttributes redirect) {
        return decided(id, redirect, () -> linkage.undo(id));
    }

    private Map<Long, String> names(List<LinkageRepository.Pair> pairs) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (var p : pairs) {
            names.computeIfAbsent(p.leftId(), id -> persons.get(id).name());
            names.computeIfAbsent(p.rightId(), id -> persons.get(id).name());
        }
        return names;
    }

    private static String decided(long id, RedirectAttributes redirect, Runnable decision) {
        try {
            decision.run();
            redirect.addFlashAttribute("saved", true);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(e.getMessage()));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.problems().stream().map(p -> p.message()).toList());
        }
        return "redirect:/linkage/pairs/" + id;
    }
}
