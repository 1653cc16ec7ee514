package org.renkou.referrals;

import java.time.LocalDate;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.Audited;
import org.renkou.access.Permission;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.ConflictException;
import org.renkou.common.Forms;
import org.renkou.common.IdNumber;
import org.renkou.common.NotFoundException;
import org.renkou.common.ValidationException;
import org.renkou.people.Person;
import org.renkou.people.PersonCriteria;
import org.renkou.people.PersonService;
import org.renkou.people.PersonStatus;
import org.renkou.people.PersonSummary;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The referral pages: the list with its filters, the form that refers a floating person (found by name or ID
 * number), and a referral's page with the partner office's answer. Refusals come back as field errors.
 */
@Controller
@Audited(target = "referral")
class ReferralWebController {
    private static final int PAGE_SIZE = 20;

    private final ReferralService referrals;
    private final PersonService persons;
    private final AreaService areas;
    private final AccessService access;
    private final ReferralSettings settings;

    ReferralWebController(ReferralService referrals, PersonService persons, AreaService areas, AccessService access,
                          ReferralSettings settings) {
        this.referrals = referrals;
        this.persons = persons;
        this.areas = areas;
        this.access = access;
        this.settings = settings;
    }

    /** What the page binds for a new referral (kept as typed when refused). */
    public static class ReferralPage {
        private Long personId;
        private boolean forFamily;
        private Referral.Kind kind;
        private Long partnerId;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate referredOn;
        private String need;

        public Long getPersonId() { return personId; }
        public void setPersonId(Long personId) { this.personId = personId; }
        public boolean isForFamily() { return forFamily; }
        public void setForFamily(boolean forFamily) { this.forFamily = forFamily; }
        public Referral.Kind getKind() { return kind; }
        public void setKind(Referral.Kind kind) { this.kind = kind; }
        public Long getPartnerId() { return partnerId; }
        public void setPartnerId(Long partnerId) { this.partnerId = partnerId; }
        public LocalDate getReferredOn() { return referredOn; }
        public void setReferredOn(LocalDate referredOn) { this.referredOn = referredOn; }
        public String getNeed() { return need; }
        public void setNeed(String need) { this.need = need; }

        ReferralService.ReferralForm toForm() {
            return new ReferralService.ReferralForm(personId, forFamily, kind, partnerId, referredOn, need);
        }
    }

    /** What the page binds for the office's answer. */
    public static class AnswerPage {
        private Referral.Outcome outcome;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate answeredOn;
        private String note;

        public Referral.Outcome getOutcome() { return outcome; }
        public void setOutcome(Referral.Outcome outcome) { this.outcome = outcome; }
        public LocalDate getAnsweredOn() { return answeredOn; }
        public void setAnsweredOn(LocalDate answeredOn) { this.answeredOn = answeredOn; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("villageNames", areas.names(Area.Level.VILLAGE));
        model.addAttribute("kinds", Referral.Kind.values());
        model.addAttribute("office", access.has(Permission.TOWN_OFFICE));
        model.addAttribute("deadlineDays", settings.deadlineDays());
    }

    @GetMapping("/referrals")
    String list(@RequestParam(required = false) Referral.Kind kind, @RequestParam(required = false) Long partnerId,
                @RequestParam(required = false) ReferralService.State state, @RequestParam(required = false) String village,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", referrals.search(new ReferralService.Criteria(kind, partnerId, state, village, page, PAGE_SIZE)));
        model.addAttribute("partners", referrals.partners());
        model.addAttribute("villages", areas.visible(Area.Level.VILLAGE));
        model.addAttribute("states", ReferralService.State.values());
        model.addAttribute("kind", kind);
        model.addAttribute("partnerId", partnerId);
        model.addAttribute("state", state);
        model.addAttribute("village", village);
        return "referrals/list";
    }

    /** The form; {@code q} finds floating people by name (its start) or whole ID number, {@code personId} picks one. */
    @Audited(target = "person")
    @GetMapping("/referrals/new")
    String newForm(@RequestParam(required = false) String q, @RequestParam(required = false) Long personId, Model model) {
        ReferralPage form = new ReferralPage();
        form.setPersonId(personId);
        form.setReferredOn(referrals.today());
        model.addAttribute("q", q);
        return form(form, q, model);
    }

    @PostMapping("/referrals")
    String refer(@ModelAttribute("form") ReferralPage form, BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(form, null, model);
        }
        try {
            Referral r = referrals.refer(form.toForm());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/referrals/" + r.id();
        } catch (ValidationException e) {
            Forms.reject(binding, e.problems());
            return form(form, null, model);
        }
    }

    @GetMapping("/referrals/{id}")
    String show(@PathVariable long id, Model model) {
        Referral r = referrals.get(id);
        AnswerPage answer = new AnswerPage();
        answer.setAnsweredOn(referrals.today());
        return detail(r, answer, model);
    }

    @PostMapping("/referrals/{id}/answer")
    String answer(@PathVariable long id, @ModelAttribute("answer") AnswerPage answer, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        Referral r = referrals.get(id);
        if (binding.hasErrors()) {
            return detail(r, answer, model);
        }
        try {
            referrals.answer(id, new ReferralService.AnswerForm(answer.getOutcome(), answer.getAnsweredOn(), answer.getNote()));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/referrals/" + id;
        } catch (ValidationException e) {
            Forms.reject(binding, e.problems());
            return detail(r, answer, model);
        } catch (ConflictException e) {
            model.addAttribute("conflict", e.getMessage());
            return detail(referrals.get(id), answer, model);
        }
    }

    private String form(ReferralPage form, String q, Model model) {
        access.require(Permission.TOWN_OFFICE);
        model.addAttribute("form", form);
        model.addAttribute("partners", referrals.partners());
        model.addAttribute("found", q == null || q.isBlank() ? null : floating(q.trim()));
        model.addAttribute("person", form.getPersonId() == null ? null : chosen(form.getPersonId()));
        return "referrals/form";
    }

    private String detail(Referral r, AnswerPage answer, Model model) {
        model.addAttribute("r", r);
        model.addAttribute("answer", answer);
        model.addAttribute("mayAnswer", r.open() && referrals.mayAnswer(r));
        model.addAttribute("outcomes", Referral.Outcome.values());
        return "referrals/referral";
    }

    /** Floating people of the user's areas by whole ID number or by the start of the name (one page). */
    private List<PersonSummary> floating(String q) {
        boolean idNumber = q.matches("[0-9]{17}[0-9Xx]");
        return persons.search(new PersonCriteria(idNumber ? q.toUpperCase() : null, idNumber ? null : q, null, PersonStatus.INFLOW,
                null, null, null, null, null, 0, PAGE_SIZE)).items();
    }

    /** A person as the form shows them (ID number masked unless the user sees whole ones). */
    record Chosen(long id, String name, String idNumber, String villageCode, PersonStatus status) {
    }

    /** The chosen person, or null when they are unknown or outside the user's areas (the service says why on saving). */
    private Chosen chosen(long personId) {
        try {
            Person p = persons.get(personId);
            String id = p.idNumber() == null || access.has(Permission.SEE_WHOLE_ID_NUMBERS) ? p.idNumber() : IdNumber.mask(p.idNumber());
            return new Chosen(p.id(), p.name(), id, p.villageCode(), p.status());
        } catch (NotFoundException | AccessDeniedException e) {
            return null;
        }
    }

    /** The service's refusals as field errors of the form (the message already names the field and the rule). */
}
