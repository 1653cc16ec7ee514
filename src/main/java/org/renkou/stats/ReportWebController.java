package org.renkou.stats;

import java.time.LocalDate;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.NotAudited;
import org.renkou.access.Role;
import org.renkou.common.NotFoundException;
import org.renkou.common.ValidationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The standard tables and the work report as pages and downloads. */
@Controller
@NotAudited("aggregate tables and the work report; ReportService audits a report's export")
class ReportWebController {
    private final StatsWebController stats;
    private final StandardTables tables;
    private final ReportService reports;
    private final AccessService access;
    private final SubmissionService submissions;

    ReportWebController(StatsWebController stats, StandardTables tables, ReportService reports, AccessService access,
                        SubmissionService submissions) {
        this.submissions = submissions;
        this.stats = stats;
        this.tables = tables;
        this.reports = reports;
        this.access = access;
    }

    @GetMapping("/stats/tables")
    String tables(@RequestParam(required = false) String area, @RequestParam(required = false) String period,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        IndicatorService.Query q = stats.query(area, period, date);
        model.addAttribute("tables", submissions.withChanges(tables.tables(q), q));
        model.addAttribute("submission", submissions.latest(q.area(), q.period()).orElse(null));
        model.addAttribute("submittable", submissions.submittable(q));
        model.addAttribute("drillDown", access.has(Permission.READ_PERSONS) && access.has(Permission.READ_RESIDENTS));
        model.addAttribute("q", q);
        model.addAttribute("period", stats.period(period));
        model.addAttribute("areas", stats.choosable());
        return "stats/tables";
    }

    @GetMapping("/stats/tables.{format}")
    ResponseEntity<byte[]> tablesFile(@PathVariable String format, @RequestParam(required = false) String area,
                                      @RequestParam(required = false) String period,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        IndicatorService.Query q = stats.query(area, period, date);
        List<StandardTable> t = tables.tables(q);
        return switch (format) {
            case "xlsx" -> ReportApiController.file(tables.xlsx(t), ReportApiController.XLSX, "tables-" + q.area() + ".xlsx");
            case "pdf" -> ReportApiController.file(tables.pdf(t), MediaType.APPLICATION_PDF, "tables-" + q.area() + ".pdf");
            default -> throw new NotFoundException("format " + format);
        };
    }

    @GetMapping("/stats/report")
    String report(@RequestParam(required = false) String area, @RequestParam(required = false) String period,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        IndicatorService.Query q = stats.query(area, period, date);
        model.addAttribute("report", reports.render(q));
        model.addAttribute("template", reports.template());
        model.addAttribute("q", q);
        model.addAttribute("period", stats.period(period));
        model.addAttribute("areas", stats.choosable());
        model.addAttribute("office", access.has(Permission.TOWN_OFFICE));
        return "stats/report";
    }

    @GetMapping("/stats/report.{format}")
    ResponseEntity<byte[]> reportFile(@PathVariable String format, @RequestParam(required = false) String area,
                                      @RequestParam(required = false) String period,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        IndicatorService.Query q = stats.query(area, period, date);
        ReportService.Report r = reports.render(q);
        return switch (format) {
            case "docx" -> ReportApiController.file(reports.docx(r), ReportApiController.DOCX, "report-" + q.area() + ".docx");
            case "pdf" -> ReportApiController.file(reports.pdf(r), MediaType.APPLICATION_PDF, "report-" + q.area() + ".pdf");
            default -> throw new NotFoundException("format " + format);
        };
    }

    @PostMapping("/stats/report/template")
    String saveTemplate(@RequestParam String body, @RequestParam(required = false) String area,
                        @RequestParam(required = false) String period, RedirectAttributes redirect) {
        try {
            reports.saveTemplate(body);
            redirect.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.messages());
            redirect.addFlashAttribute("draft", body);
        }
        redirect.addAttribute("area", area);
        redirect.addAttribute("period", period);
        return "redirect:/stats/report";
    }
}
