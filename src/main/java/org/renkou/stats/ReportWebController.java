package org.renkou.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.NotAudited;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.ValidationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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
    private final Messages messages;

    ReportWebController(StatsWebController stats, StandardTables tables, ReportService reports, AccessService access,
                        SubmissionService submissions, Messages messages) {
        this.submissions = submissions;
        this.messages = messages;
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
        ReportService.Report report = reports.render(q);
        model.addAttribute("report", report);
        model.addAttribute("chartJson", stats.chartJson(report.blocks().stream()
                .filter(ReportService.Figure.class::isInstance).map(b -> ((ReportService.Figure) b).chart()).toList()));
        model.addAttribute("template", reports.template());
        model.addAttribute("sections", reports.sections());
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
            redirect.addFlashAttribute("templateSaved", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.messages());
            redirect.addFlashAttribute("draft", body);
        }
        return backToReport(area, period, redirect);
    }

    /**
     * The sections editor: every button saves the title and the sections as edited, after its own step — move
     * a section up or down, remove it, add one at the end, or go back to the default template.
     */
    @PostMapping("/stats/report/sections")
    String saveSections(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        String action = form.getFirst("action") == null ? "save" : form.getFirst("action");
        if (action.equals("default")) {
            reports.restoreDefault();
        } else {
            List<ReportService.Section> sections = edited(form);
            String[] step = action.split(":");
            int i = step.length > 1 && step[1].matches("\\d{1,4}") ? Integer.parseInt(step[1]) : -1;
            switch (step[0]) {
                case "up" -> swap(sections, i, i - 1);
                case "down" -> swap(sections, i, i + 1);
                case "remove" -> {
                    if (i >= 0 && i < sections.size()) {
                        sections.remove(i);
                    }
                }
                case "add" -> sections.add(new ReportService.Section(messages.get("report.newSection"), ""));
                default -> { // save as it is
                }
            }
            try {
                reports.saveSections(new ReportService.Sections(form.getFirst("title"), sections));
            } catch (ValidationException e) {
                redirect.addFlashAttribute("errors", e.messages());
                return backToReport(form.getFirst("area"), form.getFirst("period"), redirect);
            }
        }
        redirect.addFlashAttribute("templateSaved", true);
        return backToReport(form.getFirst("area"), form.getFirst("period"), redirect);
    }

    /** The sections as the form sends them: one heading and one text each, in order (read whole: commas are text). */
    private static List<ReportService.Section> edited(MultiValueMap<String, String> form) {
        List<String> headings = form.getOrDefault("heading", List.of());
        List<String> texts = form.getOrDefault("text", List.of());
        List<ReportService.Section> sections = new ArrayList<>();
        for (int i = 0; i < Math.min(headings.size(), texts.size()); i++) {
            sections.add(new ReportService.Section(headings.get(i).isBlank() ? null : headings.get(i), texts.get(i)));
        }
        return sections;
    }

    private static void swap(List<ReportService.Section> sections, int i, int j) {
        if (i >= 0 && j >= 0 && i < sections.size() && j < sections.size()) {
            Collections.swap(sections, i, j);
        }
    }

    private static String backToReport(String area, String period, RedirectAttributes redirect) {
        redirect.addAttribute("area", area);
        redirect.addAttribute("period", period);
        return "redirect:/stats/report";
    }
}
