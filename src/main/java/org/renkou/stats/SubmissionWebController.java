package org.renkou.stats;

import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.NotAudited;
import org.renkou.access.Permission;
import org.renkou.common.ConflictException;
import org.renkou.common.ValidationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of submitted reports: the list, one submission with its history, submitting and returning. */
@Controller
@NotAudited("submitted aggregate tables; SubmissionService audits submissions and returns")
class SubmissionWebController {
    private final SubmissionService submissions;
    private final AccessService access;

    SubmissionWebController(SubmissionService submissions, AccessService access) {
        this.submissions = submissions;
        this.access = access;
    }

    @GetMapping("/stats/submissions")
    String list(@RequestParam(required = false) String area, @RequestParam(required = false) String period,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", submissions.list(area, period, Math.max(0, page), 50));
        model.addAttribute("area", area);
        model.addAttribute("period", period);
        return "stats/submissions";
    }

    @GetMapping("/stats/submissions/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("d", submissions.detail(id));
        model.addAttribute("reviewer", access.has(Permission.REVIEW_SUBMISSIONS));
        model.addAttribute("office", access.has(Permission.TOWN_OFFICE));
        return "stats/submission";
    }

    @PostMapping("/stats/submissions")
    String submit(@RequestParam(required = false) String area, @RequestParam(required = false) String period,
                  RedirectAttributes redirect) {
        try {
            Submission s = submissions.submit(area, period);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/stats/submissions/" + s.id();
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.messages());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(e.getMessage()));
        }
        redirect.addAttribute("area", area);
        redirect.addAttribute("period", period);
        return "redirect:/stats/tables";
    }

    @PostMapping("/stats/submissions/{id}/return")
    String returnForCorrection(@PathVariable long id, @RequestParam(required = false) String reason,
                               RedirectAttributes redirect) {
        try {
            submissions.returnForCorrection(id, reason);
            redirect.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.messages());
            redirect.addFlashAttribute("draft", reason);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(e.getMessage()));
        }
        return "redirect:/stats/submissions/" + id;
    }
}
