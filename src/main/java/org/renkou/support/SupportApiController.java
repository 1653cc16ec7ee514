package org.renkou.support;

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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/support")
@Tag(name = "Family support", description = "Families in difficulty, visits with cash and goods, allowances and payment batches")
@Audited(target = "household")
class SupportApiController {
    static final String TOTAL_COUNT = "X-Total-Count";
    private final SupportService support;
    private final AllowanceService allowances;

    SupportApiController(SupportService support, AllowanceService allowances) {
        this.support = support;
        this.allowances = allowances;
    }

    record FamilyForm(Long householdId, String reason, String liaison1, String liaison2, LocalDate registeredOn) {
    }

    @PostMapping("/families")
    @ResponseStatus(HttpStatus.CREATED)
    Family family(@RequestBody FamilyForm f) {
        return support.registerFamily(f.householdId() == null ? -1 : f.householdId(), f.reason(), f.liaison1(), f.liaison2(),
                f.registeredOn());
    }

    @GetMapping("/families")
    @Operation(summary = "Families in difficulty by village; a bare list of one page (size at most 1000), the true total in X-Total-Count")
    ResponseEntity<List<Family>> families(@RequestParam(required = false) String area, @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "1000") int size) {
        return withTotal(support.families(area, page, size));
    }

    @PostMapping("/visits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a visit; cashYuan as written (\"250\", \"12.50\"), goods lines item/quantity/unit")
    Visit visit(@RequestBody VisitForm f) {
        return support.recordVisit(f);
    }

    @GetMapping("/visits")
    @Operation(summary = "Visits of a period, newest first; a bare list of one page (size at most 1000), the true total in X-Total-Count")
    ResponseEntity<List<Visit>> visits(@RequestParam(required = false) String area, @RequestParam(required = false) String period,
                                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "500") int size) {
        return withTotal(support.visits(area, ReportPeriod.parse(period == null ? String.valueOf(Dates.today().getYear()) : period),
                page, size));
    }

    /** These lists were bare lists before they were paged: clients keep the list, the total is in a header. */
    private static <T> ResponseEntity<List<T>> withTotal(PageResult<T> result) {
        return ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(result.total())).body(result.items());
    }

    @NotAudited("sums paid, by programme")
    @GetMapping("/totals")
    @Operation(summary = "Households, cash and goods by giver for an area and period")
    List<SupportTotals> totals(@RequestParam(required = false) String area, @RequestParam String period) {
        return support.totals(area, ReportPeriod.parse(period));
    }

    @NotAudited("the allowance programmes, no personal data")
    @GetMapping("/programmes")
    List<Programme> programmes() {
        return allowances.programmes();
    }

    record ProgrammeForm(String name, String monthlyYuan, String urbanMonthlyYuan, LocalDate validFrom, LocalDate validTo,
                         String note) {
    }

    @org.springframework.web.bind.annotation.PutMapping("/programmes/{id}")
    @Operation(summary = "Change a programme's amounts (yuan a month; urban where it differs), validity, note (administrators)")
    Programme changeProgramme(@PathVariable long id, @RequestBody ProgrammeForm f) {
        return allowances.changeProgramme(id, f.name(), f.monthlyYuan(), f.urbanMonthlyYuan(), f.validFrom(), f.validTo(), f.note());
    }

    @Audited(target = "allowance_programme", action = AuditAction.LIST)
    @GetMapping("/programmes/{id}/eligible")
    @Operation(summary = "Who the register shows eligible on a date, and why; paged: {items, total, page, size}")
    PageResult<Eligible> eligible(@PathVariable long id, @RequestParam(required = false) String area,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return allowances.eligible(id, area, date != null ? date : Dates.today(), page, size);
    }

    /** For the childcare subsidy the applicant (a parent or guardian, the payee) by id or by ID number. */
    record ApplicationForm(Long beneficiaryId, Long applicantId, String applicantIdNumber, String bankAccount) {
    }

    @Audited(target = "allowance_programme")
    @PostMapping("/programmes/{id}/applications")
    @ResponseStatus(HttpStatus.CREATED)
    Application apply(@PathVariable long id, @RequestBody ApplicationForm f) {
        return allowances.apply(id, f.beneficiaryId() == null ? -1 : f.beneficiaryId(), f.applicantId(), f.applicantIdNumber(),
                f.bankAccount());
    }

    @Audited(target = "allowance_programme", action = AuditAction.LIST)
    @GetMapping("/programmes/{id}/applications")
    List<Application> applications(@PathVariable long id) {
        return allowances.applications(id);
    }

    record Decision(String note) {
    }

    @Audited(target = "allowance_application", action = AuditAction.UPDATE)
    @PostMapping("/applications/{id}/{decision}")
    @Operation(summary = "review, approve (town office, not the reviewer) or reject an application")
    Application decide(@PathVariable long id, @PathVariable String decision, @RequestBody(required = false) Decision d) {
        return allowances.decide(id, decision, d == null ? null : d.note());
    }

    record BatchForm(LocalDate firstMonth, LocalDate lastMonth) {
    }

    @Audited(target = "payment_batch")
    @PostMapping("/programmes/{id}/batches")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Pay every approved beneficiary for the months of the range not yet paid")
    PaymentBatch batch(@PathVariable long id, @RequestBody BatchForm f) {
        return allowances.createBatch(id, f.firstMonth(), f.lastMonth());
    }

    @Audited(target = "payment_batch", action = AuditAction.LIST)
    @GetMapping("/programmes/{id}/batches")
    List<PaymentBatch> batches(@PathVariable long id) {
        return allowances.batches(id);
    }

    @Audited(target = "payment_batch", action = AuditAction.EXPORT)
    @GetMapping("/batches/{id}/bank-file")
    @Operation(summary = "The bank file of a batch (CSV)")
    ResponseEntity<byte[]> bankFile(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"batch-" + id + ".csv\"")
                .body(allowances.bankFile(id));
    }
}
