package org.renkou.migration;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.Audited;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.PageResult;
import org.renkou.common.ValidationException;
import org.renkou.people.CodeTables;
import org.renkou.people.PersonForm;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Registering an arrival, and the verification requests sent and received (town office). */
@Controller
@Audited(target = "person")
class MigrationWebController {
    static final List<String> REASONS = List.of("租房居住办企业", "租地种养殖", "来企业务工", "其他");

    private final MigrationService migration;
    private final FloatingService floating;
    private final org.renkou.people.PersonService persons;
    private final AreaService areas;
    private final CodeTables codes;
    private final AccessService access;
    private final JsonMapper json;

    MigrationWebController(MigrationService migration, FloatingService floating, org.renkou.people.PersonService persons,
                           AreaService areas, CodeTables codes, AccessService access, JsonMapper json) {
        this.migration = migration;
        this.floating = floating;
        this.persons = persons;
        this.areas = areas;
        this.codes = codes;
        this.access = access;
        this.json = json;
    }

    static final int PAGE_SIZE = 20;

    /** A request as the list shows it: the feedback read out of its JSON. */
    record RequestRow(VerificationRequest r, Feedback feedback) {
    }

    @Audited(target = "verification_request")
    @GetMapping("/migration")
    String page(@RequestParam(defaultValue = "0") int sentPage, @RequestParam(defaultValue = "0") int receivedPage,
                Model model) {
        model.addAttribute("sentPage", sentPage);
        model.addAttribute("receivedPage", receivedPage);
        return page(PersonForm.empty(), Map.of(), model);
    }

    @PostMapping("/migration/arrivals")
    String arrive(@ModelAttribute("form") PersonForm form,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate arrivedOn,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String employer,
                  @RequestParam(required = false) String housing, @RequestParam(required = false) String landlord,
                  @RequestParam(required = false) Integer expectedStayMonths,
                  @RequestParam(defaultValue = "false") boolean keySubject, Model model, RedirectAttributes redirect) {
        try {
            migration.registerArrival(new Arrival(form, arrivedOn, reason, employer, blankToNull(housing), landlord,
                    expectedStayMonths, keySubject));
        } catch (ValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + " " + b));
            model.addAttribute("sentPage", 0);
            model.addAttribute("receivedPage", 0);
            return page(form, errors, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/migration";
    }

    @Audited(target = "verification_request")
    @PostMapping("/migration/requests/{id}/feedback")
    String answer(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean found,
                  @RequestParam(required = false) String maritalStatus, @RequestParam(required = false) Integer children,
                  @RequestParam(required = false) String contraception, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        migration.answer(id, new Feedback(found, blankToNull(maritalStatus), children, blankToNull(contraception), note));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/migration";
    }

    @Audited(target = "floating_overview")
    @GetMapping("/migration/overview")
    String overview(@RequestParam(required = false) String area, Model model) {
        model.addAttribute("o", floating.overview(area));
        model.addAttribute("area", area);
        model.addAttribute("villageNames", areas.names(Area.Level.VILLAGE));
        model.addAttribute("villages", areas.visible(Area.Level.VILLAGE));
        model.addAttribute("office", access.has(Permission.TOWN_OFFICE));
        model.addAttribute("noticesIn", access.has(Permission.TOWN_OFFICE)
                ? floating.notices("IN") : List.of());
        return "migration/overview";
    }

    @GetMapping("/migration/persons/{id}")
    String moves(@PathVariable long id, Model model) {
        model.addAttribute("p", persons.get(id));
        model.addAttribute("today", org.renkou.common.Dates.today());
        return "migration/moves";
    }

    @PostMapping("/migration/persons/{id}/{move}")
    String move(@PathVariable long id, @PathVariable String move,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                @RequestParam(required = false) String placeCode, @RequestParam(required = false) String reason,
                @RequestParam(required = false) String contact, RedirectAttributes redirect) {
        Departure d = new Departure(on, placeCode, blankToNull(reason), blankToNull(contact));
        return org.renkou.common.Forms.save(redirect, "/migration/persons/" + id, () -> switch (move) {
            case "departure" -> floating.depart(id, d);
            case "return" -> floating.returnHome(id, d);
            case "leaving" -> floating.leave(id, d);
            default -> throw new org.renkou.common.NotFoundException("move " + move);
        });
    }

    private String page(PersonForm form, Map<String, String> errors, Model model) {
        access.require(Permission.WRITE_REGISTER);
        boolean office = access.has(Permission.TOWN_OFFICE);
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", errors);
        model.addAttribute("codes", codes);
        model.addAttribute("reasons", REASONS);
        model.addAttribute("villages", areas.visible(Area.Level.VILLAGE));
        model.addAttribute("office", office);
        model.addAttribute("sent", rows(office ? migration.requests("OUT") : List.of(), (int) model.getAttribute("sentPage")));
        model.addAttribute("received", rows(office ? migration.requests("IN") : List.of(),
                (int) model.getAttribute("receivedPage")));
        model.addAttribute("grids", areas.inScope(Area.Level.GRID));
        model.addAttribute("overdue", office ? migration.overdue() : List.of());
        LocalDate today = org.renkou.common.Dates.today();
        model.addAttribute("timeliness", office ? migration.timeliness(today.withDayOfYear(1), today) : null);
        return "migration/migration";
    }

    private PageResult<RequestRow> rows(List<VerificationRequest> requests, int page) {
        return PageResult.of(requests, page, PAGE_SIZE).map(r -> new RequestRow(r,
                r.feedback() == null ? null : json.readValue(r.feedback(), Feedback.class)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
