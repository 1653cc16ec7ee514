package org.renkou.health;

import java.time.LocalDate;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.Audited;
import org.renkou.access.NotAudited;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.Dates;
import org.renkou.common.Forms;
import org.renkou.common.Messages;
import org.renkou.common.ReportPeriod;
import org.renkou.common.ValidationException;
import org.renkou.people.CodeTables;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of reproductive-health work: the WRA register, a woman's record, births and policy rules. */
@Controller
@Audited(target = "person")
class HealthWebController {
    private final WomenService women;
    private final BirthService births;
    private final AreaService areas;
    private final AccessService access;
    private final CodeTables codes;
    private final Messages messages;

    HealthWebController(WomenService women, BirthService births, AreaService areas, AccessService access,
                        CodeTables codes, Messages messages) {
        this.messages = messages;
        this.women = women;
        this.births = births;
        this.areas = areas;
        this.access = access;
        this.codes = codes;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("villageNames", areas.names(Area.Level.VILLAGE));
        model.addAttribute("methods", HealthCodes.Method.values());
        model.addAttribute("reasons", HealthCodes.NoMethodReason.values());
        model.addAttribute("procedureKinds", HealthCodes.ProcedureKind.values());
        model.addAttribute("codes", codes);
    }

    @GetMapping("/health")
    String register(@RequestParam(required = false) String area,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                    @RequestParam(defaultValue = "false") boolean married, @RequestParam(defaultValue = "0") int page,
                    Model model) {
        LocalDate on = date != null ? date : Dates.today();
        model.addAttribute("result", women.register(area, on, married, Math.max(0, page), 50));
        model.addAttribute("villages", areas.visible(Area.Level.VILLAGE));
        model.addAttribute("area", area);
        model.addAttribute("date", on);
        model.addAttribute("married", married);
        return "health/register";
    }

    @GetMapping("/health/women/{id}")
    String woman(@PathVariable long id, Model model) {
        WomanRecord w = women.woman(id);
        if (!"2".equals(w.person().sex())) {
            return "redirect:/persons/" + id; // a man has no women's health record: his register page instead
        }
        model.addAttribute("w", w);
        model.addAttribute("writer", access.has(Permission.WRITE_HEALTH));
        model.addAttribute("today", Dates.today());
        return "health/woman";
    }

    @PostMapping("/health/women/{id}/contraception")
    String contraception(@PathVariable long id, @RequestParam(required = false) HealthCodes.Method method,
                         @RequestParam(required = false) HealthCodes.NoMethodReason noMethodReason,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedOn,
                         @RequestParam(required = false) String provider, RedirectAttributes redirect) {
        return Forms.save(redirect, "/health/women/" + id, () -> women.recordContraception(id,
                new ContraceptionForm(method, noMethodReason, startedOn, provider)));
    }

    @PostMapping("/health/women/{id}/pregnancies")
    String pregnancy(@PathVariable long id,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate detectedOn,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedOn,
                     RedirectAttributes redirect) {
        return Forms.save(redirect, "/health/women/" + id, () -> women.recordPregnancy(id,
                new PregnancyForm(detectedOn, expectedOn, null, null)));
    }

    @PostMapping("/health/women/{id}/procedures")
    String procedure(@PathVariable long id, @RequestParam(required = false) HealthCodes.ProcedureKind kind,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn,
                     @RequestParam(required = false) String provider, RedirectAttributes redirect) {
        return Forms.save(redirect, "/health/women/" + id, () -> women.recordProcedure(id, new ProcedureForm(kind, doneOn, provider)));
    }

    @PostMapping("/health/women/{id}/pregnancies/{pregnancy}")
    String outcome(@PathVariable long id, @PathVariable long pregnancy,
                   @RequestParam(required = false) HealthCodes.PregnancyOutcome outcome,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate outcomeOn,
                   RedirectAttributes redirect) {
        return Forms.save(redirect, "/health/women/" + id, () -> women.closePregnancy(pregnancy,
                new PregnancyForm(null, null, outcome, outcomeOn)));
    }

    @PostMapping("/health/women/{id}/births")
    String birth(@PathVariable long id, @RequestParam(required = false) String childName,
                 @RequestParam(required = false) String sex,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
                 @RequestParam(required = false) String place, @RequestParam(required = false) String fatherName,
                 @RequestParam(defaultValue = "false") boolean formerMarriage,
                 @RequestParam(defaultValue = "false") boolean adopted,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate diedOn,
                 @RequestParam(defaultValue = "false") boolean registerChild,
                 @RequestParam(required = false) String childIdNumber,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate registeredOn,
                 RedirectAttributes redirect) {
        return Forms.save(redirect, "/health/women/" + id, () -> births.recordBirth(id, new BirthForm(childName, sex, birthDate,
                place, null, fatherName, formerMarriage, adopted, diedOn, registerChild, childIdNumber, registeredOn)));
    }

    @PostMapping("/health/women/{id}/permits")
    String permit(@PathVariable long id,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate approvedOn,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return Forms.save(redirect, "/health/women/" + id, () -> births.recordPermit(id, approvedOn, reason));
    }

    @GetMapping("/health/births")
    String births(@RequestParam(required = false) String area, @RequestParam(required = false) String period, Model model) {
        String p = period == null || period.isBlank() ? String.valueOf(Dates.today().getYear()) : period.trim();
        ReportPeriod parsed;
        try {
            parsed = ReportPeriod.parse(p);
        } catch (IllegalArgumentException e) {
            parsed = ReportPeriod.parse(String.valueOf(Dates.today().getYear()));
            model.addAttribute("errors", List.of(messages.problem("period", "period", p).message()));
        }
        model.addAttribute("births", births.births(area, parsed));
        model.addAttribute("period", p);
        model.addAttribute("area", area);
        return "health/births";
    }

    @NotAudited("birth policy rules, no personal data")
    @GetMapping("/health/rules")
    String rules(Model model) {
        access.require(Permission.READ_HEALTH);
        model.addAttribute("rules", births.ruleSets());
        model.addAttribute("admin", access.has(Permission.ADMINISTER));
        return "health/rules";
    }

    @NotAudited("birth policy rules; audited by BirthService")
    @PostMapping("/health/rules")
    String saveRule(@RequestParam(required = false) Long id, @RequestParam(required = false) String name,
                    @RequestParam(required = false) String regionPrefix,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
                    @RequestParam(required = false) Integer maxChildren,
                    @RequestParam(defaultValue = "false") boolean permitAllowsMore,
                    @RequestParam(required = false) String note, @RequestParam(defaultValue = "save") String action,
                    RedirectAttributes redirect) {
        PolicyRuleSet rule = new PolicyRuleSet(id, name, regionPrefix, validFrom, validTo, maxChildren, permitAllowsMore, note);
        if ("preview".equals(action)) {
            try {
                redirect.addFlashAttribute("preview", births.preview(rule));
                redirect.addFlashAttribute("previewId", id);
            } catch (ValidationException e) {
                redirect.addFlashAttribute("errors", e.messages());
            }
            return "redirect:/health/rules";
        }
        return Forms.save(redirect, "/health/rules", () -> births.saveRuleSet(rule));
    }
}
