package org.renkou.linkage;

import org.renkou.access.Audited;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.renkou.common.ConflictException;
import org.renkou.common.ValidationException;
import org.renkou.people.Person;
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
    /** One row of the side-by-side view: the field's message key, both values, whether they differ. */
    record Row(String field, Object left, Object right, boolean differs) {
    }

    private final LinkageService linkage;
    private final PersonService persons;

    LinkageWebController(LinkageService linkage, PersonService persons) {
        this.linkage = linkage;
        this.persons = persons;
    }

    @GetMapping("/linkage")
    String queue(@RequestParam(required = false) String area, @RequestParam(defaultValue = "OPEN") String status,
                 @RequestParam(required = false) Long run, @RequestParam(name = "import", required = false) Long importJob,
                 @RequestParam(required = false) Integer page, Model model) {
        var result = linkage.pairs(area, status.isBlank() ? null : status, run, importJob, page, 50);
        Map<Long, String> names = new LinkedHashMap<>();
        for (var p : result.items()) {
            names.computeIfAbsent(p.leftId(), id -> persons.get(id).name());
            names.computeIfAbsent(p.rightId(), id -> persons.get(id).name());
        }
        model.addAttribute("result", result);
        model.addAttribute("runs", linkage.recentRuns());
        model.addAttribute("names", names);
        model.addAttribute("area", area);
        model.addAttribute("status", status);
        model.addAttribute("run", run);
        model.addAttribute("importJob", importJob);
        return "linkage/queue";
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
        LinkageRepository.Pair pair = linkage.pair(id);
        Person left = persons.get(pair.leftId());
        Person right = persons.get(pair.rightId());
        model.addAttribute("pair", pair);
        model.addAttribute("reasons", linkage.reasons(pair.reasons()));
        model.addAttribute("left", left);
        model.addAttribute("right", right);
        model.addAttribute("rows", rows(left, right));
        return "linkage/pair";
    }

    @PostMapping("/linkage/pairs/{id}/merge")
    String merge(@PathVariable long id, @RequestParam long survivorId, RedirectAttributes redirect) {
        return decided(id, redirect, () -> linkage.merge(id, survivorId));
    }

    @PostMapping("/linkage/pairs/{id}/distinct")
    String distinct(@PathVariable long id, RedirectAttributes redirect) {
        return decided(id, redirect, () -> linkage.distinct(id));
    }

    @PostMapping("/linkage/pairs/{id}/undo")
    String undo(@PathVariable long id, RedirectAttributes redirect) {
        return decided(id, redirect, () -> linkage.undo(id));
    }

    private static String decided(long id, RedirectAttributes redirect, Runnable decision) {
        try {
            decision.run();
            redirect.addFlashAttribute("saved", true);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(e.getMessage()));
        }
        return "redirect:/linkage/pairs/" + id;
    }

    private static List<Row> rows(Person a, Person b) {
        List<Row> rows = new ArrayList<>();
        add(rows, "name", a.name(), b.name());
        add(rows, "idNumber", a.idNumber(), b.idNumber());
        add(rows, "sex", a.sex(), b.sex());
        add(rows, "birthDate", a.birthDate(), b.birthDate());
        add(rows, "ethnicity", a.ethnicity(), b.ethnicity());
        add(rows, "maritalStatus", a.maritalStatus(), b.maritalStatus());
        add(rows, "householdNo", a.householdNo(), b.householdNo());
        add(rows, "relation", a.relation(), b.relation());
        add(rows, "hukouCode", a.hukouCode(), b.hukouCode());
        add(rows, "villageCode", a.villageCode(), b.villageCode());
        add(rows, "status", a.status(), b.status());
        add(rows, "phone", a.phone(), b.phone());
        add(rows, "address", a.address(), b.address());
        return rows;
    }

    private static void add(List<Row> rows, String field, Object left, Object right) {
        rows.add(new Row(field, left, right, !Objects.equals(left, right)));
    }
}
