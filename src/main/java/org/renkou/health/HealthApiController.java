package org.renkou.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.renkou.access.AuditAction;
import org.renkou.access.Audited;
import org.renkou.access.NotAudited;
import org.renkou.common.Dates;
import org.renkou.common.PageResult;
import org.renkou.common.ReportPeriod;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/health")
@Tag(name = "Reproductive health", description = "WRA register, contraception, check campaigns, pregnancies, births, policy rules")
@Audited(target = "person")
class HealthApiController {
    private final WomenService women;
    private final CampaignService campaigns;
    private final BirthService births;
    private final RosterPdf rosterPdf;

    HealthApiController(WomenService women, CampaignService campaigns, BirthService births, RosterPdf rosterPdf) {
        this.rosterPdf = rosterPdf;
        this.women = women;
        this.campaigns = campaigns;
        this.births = births;
    }

    @GetMapping("/women")
    @Operation(summary = "Women of reproductive age (15–49 on the date) of an area, floating women included")
    PageResult<WomanRow> register(@RequestParam(required = false) String area,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                  @RequestParam(defaultValue = "false") boolean married,
                                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return women.register(area, date != null ? date : Dates.today(), married, Math.max(0, page), Math.min(Math.max(1, size), 500));
    }

    @GetMapping("/women/{id}")
    @Operation(summary = "One woman: contraception history, checks, pregnancies, children, permits")
    WomanRecord woman(@PathVariable long id) {
        return women.woman(id);
    }

    @PostMapping("/women/{id}/contraception")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a measure (or a reason for none) from a date; it ends the one in force")
    Contraception contraception(@PathVariable long id, @RequestBody ContraceptionForm form) {
        return women.recordContraception(id, form);
    }

    @PostMapping("/women/{id}/pregnancies")
    @ResponseStatus(HttpStatus.CREATED)
    Pregnancy pregnancy(@PathVariable long id, @RequestBody PregnancyForm form) {
        return women.recordPregnancy(id, form);
    }

    @PostMapping("/women/{id}/procedures")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a family-planning procedure done on a day (上环, 取环, 结扎, 人流, 引产, 皮埋)")
    Procedure procedure(@PathVariable long id, @RequestBody ProcedureForm form) {
        return women.recordProcedure(id, form);
    }

    @PostMapping("/pregnancies/{id}/outcome")
    Pregnancy outcome(@PathVariable long id, @RequestBody PregnancyForm form) {
        return women.closePregnancy(id, form);
    }

    @PostMapping("/women/{id}/births")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a child of the mother; a live birth registers the child in her household")
    Birth birth(@PathVariable long id, @RequestBody BirthForm form) {
        return births.recordBirth(id, form);
    }

    record PermitForm(LocalDate approvedOn, String reason) {
    }

    @PostMapping("/women/{id}/permits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an approved permit for another child (再生育审批)")
    BirthPermit permit(@PathVariable long id, @RequestBody PermitForm form) {
        return births.recordPermit(id, form.approvedOn(), form.reason());
    }

    @GetMapping("/births")
    @Operation(summary = "Births of an area in a period, each with its policy classification and reason")
    List<Birth> births(@RequestParam(required = false) String area, @RequestParam String period) {
        return births.births(area, ReportPeriod.parse(period));
    }

    @Audited(target = "check_campaign")
    @GetMapping("/campaigns")
    List<Campaign> campaigns() {
        return campaigns.campaigns();
    }

    @Audited(target = "check_campaign")
    @PostMapping("/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a check campaign; its roster is every married WRA of its areas on the start date")
    Campaign create(@RequestBody CampaignForm form) {
        return campaigns.create(form);
    }

    @Audited(target = "check_campaign")
    @GetMapping("/campaigns/{id}")
    Campaign campaign(@PathVariable long id) {
        return campaigns.campaign(id);
    }

    @NotAudited("a campaign's progress in counts")
    @GetMapping("/campaigns/{id}/progress")
    @Operation(summary = "Check progress per village-level unit")
    List<Campaign.Progress> progress(@PathVariable long id) {
        return campaigns.progress(id);
    }

    @Audited(target = "check_campaign", action = AuditAction.LIST)
    @GetMapping("/campaigns/{id}/roster")
    List<RosterLine> roster(@PathVariable long id, @RequestParam(required = false) String village,
                            @RequestParam(defaultValue = "false") boolean unchecked) {
        return campaigns.roster(id, village, unchecked);
    }

    @Audited(target = "check_campaign", action = AuditAction.SEARCH)
    @GetMapping("/campaigns/{id}/lookup")
    @Operation(summary = "Find a woman of the roster by ID number (exact) or name (prefix)")
    List<RosterLine> lookup(@PathVariable long id, @RequestParam String q) {
        return campaigns.lookup(id, q);
    }

    @Audited(target = "check_campaign", action = AuditAction.EXPORT)
    @GetMapping(value = "/campaigns/{id}/roster.pdf", produces = "application/pdf")
    @Operation(summary = "The printable roster (PDF), of one village or all the user may see")
    byte[] rosterPdf(@PathVariable long id, @RequestParam(required = false) String village) {
        return rosterPdf.render(campaigns.campaign(id), campaigns.roster(id, village, false), village);
    }

    @PostMapping("/campaigns/{id}/results")
    RosterLine result(@PathVariable long id, @RequestBody CheckResultForm form) {
        return campaigns.recordResult(id, form);
    }

    @PostMapping("/campaigns/{id}/followups/{personId}")
    @Operation(summary = "Close an absentee's follow-up with its outcome")
    RosterLine followup(@PathVariable long id, @PathVariable long personId, @RequestBody FollowupForm form) {
        return campaigns.closeFollowup(id, personId, form);
    }

    @GetMapping("/tasks")
    @Operation(summary = "The user's tasks: absentee follow-ups, IUD checks due, postpartum visits")
    List<Task> tasks() {
        return campaigns.tasks();
    }

    @NotAudited("birth policy rules, no personal data")
    @GetMapping("/policy-rules")
    List<PolicyRuleSet> rules() {
        return births.ruleSets();
    }

    @NotAudited("birth policy rules; audited by BirthService")
    @PostMapping("/policy-rules")
    @ResponseStatus(HttpStatus.CREATED)
    PolicyRuleSet addRule(@RequestBody PolicyRuleSet rule) {
        return births.saveRuleSet(new PolicyRuleSet(null, rule.name(), rule.regionPrefix(), rule.validFrom(),
                rule.validTo(), rule.maxChildren(), rule.permitAllowsMore(), rule.note()));
    }

    @NotAudited("birth policy rules; audited by BirthService")
    @PutMapping("/policy-rules/{id}")
    PolicyRuleSet changeRule(@PathVariable long id, @RequestBody PolicyRuleSet rule) {
        return births.saveRuleSet(withId(id, rule));
    }

    @NotAudited("what rules would decide for a made-up family")
    @PostMapping("/policy-rules/{id}/preview")
    @Operation(summary = "Which births a change of this rule set would reclassify (nothing is saved)")
    List<BirthService.Reclassified> preview(@PathVariable long id, @RequestBody PolicyRuleSet rule) {
        return births.preview(withId(id, rule));
    }

    private static PolicyRuleSet withId(long id, PolicyRuleSet r) {
        return new PolicyRuleSet(id, r.name(), r.regionPrefix(), r.validFrom(), r.validTo(), r.maxChildren(),
                r.permitAllowsMore(), r.note());
    }
}
