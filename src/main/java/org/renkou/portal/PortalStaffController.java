package org.renkou.portal;

import org.renkou.access.Permission;
import java.time.LocalDate;
import java.util.List;
import org.renkou.access.Audited;
import org.renkou.access.NotAudited;
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

/** Staff: the queue of consultations and complaints with deadlines, answers and follow-up visits. */
@Controller
@Audited(target = "portal_request")
class PortalStaffController {
    private final PortalService requests;
    private static final int PAGE_SIZE = 50;
    private final PortalPages pages;
    private final org.renkou.access.AccessService access;

    PortalStaffController(PortalService requests, PortalPages pages, org.renkou.access.AccessService access) {
        this.requests = requests;
        this.pages = pages;
        this.access = access;
    }

    @GetMapping("/requests")
    String queue(@RequestParam(required = false) String kind, @RequestParam(defaultValue = "true") boolean open,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        PortalService.Queue queue = requests.queue(kind, open, page, PAGE_SIZE);
        model.addAttribute("queue", queue.requests());
        model.addAttribute("answeredInTime", queue.answeredInTime());
        model.addAttribute("today", Dates.today());
        model.addAttribute("kind", kind);
        model.addAttribute("open", open);
        boolean office = access.has(Permission.TOWN_OFFICE);
        model.addAttribute("pages", office ? pages.pages() : List.of());
        model.addAttribute("office", office);
        return "portal/queue";
    }

    @NotAudited("public pages; audited by PortalPages")
    @PostMapping("/requests/pages")
    String page(@RequestParam(required = false) String slug, @RequestParam(required = false) String title,
                @RequestParam(required = false) String body, RedirectAttributes redirect) {
        return Forms.save(redirect, "/requests", () -> {
            pages.save(slug, title, body);
            return slug;
        });
    }

    @PostMapping("/requests/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) String answer, RedirectAttributes redirect) {
        return Forms.save(redirect, "/requests", () -> requests.answer(id, answer));
    }

    @PostMapping("/requests/{id}/assign")
    String assign(@PathVariable long id, @RequestParam String username, RedirectAttributes redirect) {
        return Forms.save(redirect, "/requests", () -> requests.assign(id, username));
    }

    @PostMapping("/requests/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        return Forms.save(redirect, "/requests", () -> requests.close(id));
    }

    @PostMapping("/requests/{id}/followups")
    String followUp(@PathVariable long id, @RequestParam(required = false) String note,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
                    RedirectAttributes redirect) {
        return Forms.save(redirect, "/requests", () -> {
            requests.followUp(id, null, visitedOn, note);
            return id;
        });
    }
}
