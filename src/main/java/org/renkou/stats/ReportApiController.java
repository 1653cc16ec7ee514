package org.renkou.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.renkou.access.NotAudited;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Standard tables (国人口统1表, 国人口统2表, floating population) and the work report")
@NotAudited("aggregate tables and the work report; ReportService audits a report's export")
class ReportApiController {
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final IndicatorService indicators;
    private final StandardTables tables;
    private final ReportService reports;
    private final SubmissionService submissions;

    ReportApiController(IndicatorService indicators, StandardTables tables, ReportService reports,
                        SubmissionService submissions) {
        this.submissions = submissions;
        this.indicators = indicators;
        this.tables = tables;
        this.reports = reports;
    }

    @GetMapping("/tables")
    @Operation(summary = "The standard tables of an area and period: format json (default), xlsx or pdf; in json, "
            + "'changed' holds the cells that differ from a submission in force, with their value as submitted")
    ResponseEntity<?> tables(@RequestParam String area, @RequestParam String period,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                             @RequestParam(defaultValue = "json") String format) {
        IndicatorService.Query q = indicators.query(area, period, date, null);
        List<StandardTable> t = submissions.withChanges(tables.tables(q), q);
        return switch (format) {
            case "xlsx" -> file(tables.xlsx(t), XLSX, "tables-" + area + ".xlsx");
            case "pdf" -> file(tables.pdf(t), MediaType.APPLICATION_PDF, "tables-" + area + ".pdf");
            default -> ResponseEntity.ok(t);
        };
    }

    @GetMapping("/work-report")
    @Operation(summary = "The work report filled for an area and period: format json (default), docx or pdf")
    ResponseEntity<?> workReport(@RequestParam String area, @RequestParam String period,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                 @RequestParam(defaultValue = "json") String format) {
        ReportService.Report r = reports.render(indicators.query(area, period, date, null));
        return switch (format) {
            case "docx" -> file(reports.docx(r), DOCX, "report-" + area + ".docx");
            case "pdf" -> file(reports.pdf(r), MediaType.APPLICATION_PDF, "report-" + area + ".pdf");
            default -> ResponseEntity.ok(r);
        };
    }

    /** {@code unknown}: its placeholders that name no indicator of the catalogue (the report marks them). */
    record TemplateBody(String body, List<String> unknown) {
    }

    @GetMapping("/work-report/template")
    @Operation(summary = "The template in the caller's language, with the placeholders that name no indicator")
    TemplateBody template() {
        String body = reports.template();
        return new TemplateBody(body, reports.unknown(body));
    }

    @PutMapping("/work-report/template")
    @Operation(summary = "Change the template: # headings, {CODE} values, [[chart:ID]] charts (town office); "
            + "answers the placeholders that name no indicator as a warning")
    TemplateBody saveTemplate(@RequestBody TemplateBody body) {
        List<String> unknown = reports.saveTemplate(body.body());
        return new TemplateBody(reports.template(), unknown);
    }

    @PostMapping("/work-report/template/default")
    @Operation(summary = "Go back to the default template of the caller's language (town office)")
    TemplateBody restoreDefault() {
        List<String> unknown = reports.restoreDefault();
        return new TemplateBody(reports.template(), unknown);
    }

    static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(content);
    }
}
