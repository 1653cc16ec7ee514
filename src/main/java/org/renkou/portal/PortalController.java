package org.renkou.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.NotAudited;
import org.renkou.common.ValidationException;
import org.renkou.health.ResidentHealth;
import org.renkou.people.Residents;
import org.renkou.supplies.SupplyService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public service column (mobile first): information, consultation and complaints with a private link,
 * appointments, and a resident's own record after a one-time code. It never shows anyone else's data.
 */
@Controller
@NotAudited("the public portal: a resident is no staff account; ResidentLogin and the own-record page audit as portal:<person>")
class PortalController {
    private final PortalPages pages;
    private final PortalService requests;
    private final AppointmentService appointments;
    private final ResidentLogin login;
    private final Residents residents;
    private final ResidentHealth health;
    private final Notifications notifications;
    private final SupplyService supplies;
    private final AuditService audit;

    PortalController(PortalPages pages, PortalService requests, AppointmentService appointments, ResidentLogin login,
                     Residents residents, ResidentHealth health, Notifications notifications, SupplyService supplies,
                     AuditService audit) {
        this.pages = pages;
        this.requests = requests;
        this.appointments = appointments;
        this.login = login;
        this.residents = residents;
        this.health = health;
        this.notifications = notifications;
        this.supplies = supplies;
        this.audit = audit;
    }

    @GetMapping("/portal")
    String home(Model model) {
        model.addAttribute("pages", pages.pages());
        model.addAttribute("points", supplies.points().stream().filter(p -> p.active()).toList());
        return "portal/home";
    }

    @GetMapping("/portal/pages/{slug}")
    String page(@PathVariable String slug, Model model) {
        model.addAttribute("page", pages.page(slug));
        return "portal/page";
    }

    @GetMapping("/portal/ask")
    String ask() {
        return "portal/ask";
    }

    @PostMapping("/portal/ask")
    String submit(@RequestParam(required = false) String kind, @RequestParam(required = false) String subject,
                  @RequestParam(required = false) String body, @RequestParam(required = false) String contactName,
                  @RequestParam(required = false) String contactPhone, HttpServletRequest request, Model model) {
        try {
            PortalService.Submitted s = requests.submit(kind, null, subject, body, contactName, contactPhone, request.getRemoteAddr());
            ResidentSession.opened(request, s.trackingNo(), s.secret());
            return "redirect:/portal/requests/" + s.trackingNo();
        } catch (ValidationException e) {
            model.addAttribute("errors", e.messages());
            model.addAttribute("subject", subject);
            model.addAttribute("body", body);
            return "portal/ask";
        }
    }

    /**
     * A private link ({@code ?t=} secret) is opened once: the secret goes into the session and the browser is sent
     * on to the address without it. That address shows the request to this browser only.
     */
    @GetMapping("/portal/requests/{tracking}")
    String request(@PathVariable String tracking, @RequestParam(name = "t", required = false) String secret,
                   HttpServletRequest request, Model model) {
        if (secret != null) {
            requests.byLink(tracking, secret);
            ResidentSession.opened(request, tracking, secret);
            return "redirect:/portal/requests/" + tracking;
        }
        String known = ResidentSession.secret(request, tracking).orElse(null);
        model.addAttribute("r", requests.byLink(tracking, known));
        model.addAttribute("privateLink", privateLink("/portal/requests/{r}", tracking, known));
        return "portal/request";
    }

    private static String privateLink(String path, String reference, String secret) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).queryParam("t", secret)
                .buildAndExpand(reference).toUriString();
    }

    @GetMapping("/portal/appointments")
    String slots(Model model) {
        List<AppointmentService.Slot> slots = appointments.openSlots();
        model.addAttribute("slots", slots);
        model.addAttribute("slotGroups", byServiceAndPoint(slots));
        return "portal/appointments";
    }

    /** The open slots of one service at one point, in time order. */
    record SlotGroup(String service, String pointName, List<AppointmentService.Slot> slots) {
    }

    /**
     * A resident chooses the service first, then the time: one group per service and point rather than one long
     * list of every slot (fifty lines on a phone).
     */
    private static List<SlotGroup> byServiceAndPoint(List<AppointmentService.Slot> slots) {
        Map<List<Object>, List<AppointmentService.Slot>> groups = new LinkedHashMap<>();
        slots.stream().sorted(Comparator.comparing(AppointmentService.Slot::service))
                .forEach(s -> groups.computeIfAbsent(List.of(s.service(), s.pointId()), k -> new ArrayList<>()).add(s));
        return groups.values().stream().map(g -> new SlotGroup(g.get(0).service(), g.get(0).pointName(), g)).toList();
    }

    @PostMapping("/portal/appointments")
    String book(@RequestParam long slotId, @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
                HttpServletRequest request, RedirectAttributes redirect) {
        try {
            AppointmentService.Appointment a = appointments.book(slotId, name, phone, request.getRemoteAddr());
            ResidentSession.opened(request, a.reference(), a.secret());
            return "redirect:/portal/appointments/" + a.reference();
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.messages());
            return "redirect:/portal/appointments";
        }
    }

    /** Like a request's private link: opened once, then shown at the address without the secret. */
    @GetMapping("/portal/appointments/{reference}")
    String appointment(@PathVariable String reference, @RequestParam(name = "t", required = false) String secret,
                       HttpServletRequest request, Model model) {
        if (secret != null) {
            appointments.byLink(reference, secret);
            ResidentSession.opened(request, reference, secret);
            return "redirect:/portal/appointments/" + reference;
        }
        String known = ResidentSession.secret(request, reference).orElse(null);
        model.addAttribute("a", appointments.byLink(reference, known));
        model.addAttribute("slots", appointments.openSlots());
        model.addAttribute("privateLink", privateLink("/portal/appointments/{r}", reference, known));
        return "portal/appointment";
    }

    /** The secret comes with the form (not the address); the browser may then see the booking without it. */
    @PostMapping("/portal/appointments/{reference}/cancel")
    String cancel(@PathVariable String reference, @RequestParam("t") String secret, HttpServletRequest request) {
        appointments.cancel(reference, secret);
        ResidentSession.opened(request, reference, secret);
        return "redirect:/portal/appointments/" + reference;
    }

    @PostMapping("/portal/appointments/{reference}/change")
    String change(@PathVariable String reference, @RequestParam("t") String secret, @RequestParam long slotId,
                  HttpServletRequest request, RedirectAttributes redirect) {
        try {
            appointments.change(reference, secret, slotId);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.messages());
        }
        ResidentSession.opened(request, reference, secret);
        return "redirect:/portal/appointments/" + reference;
    }

    @GetMapping("/portal/me")
    String me(HttpServletRequest request, Model model) {
        Optional<Long> person = ResidentSession.person(request);
        if (person.isEmpty()) {
            model.addAttribute("awaitingCode", ResidentSession.pending(request).isPresent());
            return "portal/login";
        }
        long id = person.get();
        Residents.OwnRecord own = residents.ownRecord(id);
        String phone = residents.phone(id).orElse("");
        model.addAttribute("me", own);
        model.addAttribute("health", health.of(id));
        model.addAttribute("appointments", appointments.forPhone(phone));
        model.addAttribute("notifications", notifications.forPhone(phone));
        model.addAttribute("optedOut", notifications.optedOut(phone));
        audit.recordAs("portal:" + id, AuditAction.VIEW, "person", String.valueOf(id), "own record");
        return "portal/me";
    }

    @PostMapping("/portal/me/code")
    String sendCode(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String name,
                    HttpServletRequest request, RedirectAttributes redirect) {
        try {
            // the page answers the same whether or not such a person exists
            login.start(idNumber, name, request.getRemoteAddr()).ifPresentOrElse(p -> ResidentSession.pending(request, p),
                    () -> ResidentSession.pending(request, -1L));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.messages());
        }
        return "redirect:/portal/me";
    }

    @PostMapping("/portal/me/verify")
    String verify(@RequestParam(required = false) String code, HttpServletRequest request, RedirectAttributes redirect) {
        long pending = ResidentSession.pending(request).orElse(-1L);
        if (pending > 0 && login.verify(pending, code)) {
            ResidentSession.verified(request, pending);
        } else {
            redirect.addFlashAttribute("errors", List.of("验证码不正确或已过期；连续输错多次将暂停查询 15 分钟。"));
        }
        return "redirect:/portal/me";
    }

    @PostMapping("/portal/me/opt-out")
    String optOut(@RequestParam(defaultValue = "false") boolean out, HttpServletRequest request) {
        ResidentSession.person(request).flatMap(residents::phone).ifPresent(phone -> notifications.setOptOut(phone, out));
        return "redirect:/portal/me";
    }

    @PostMapping("/portal/me/logout")
    String logout(HttpServletRequest request) {
        ResidentSession.end(request);
        return "redirect:/portal";
    }
}
