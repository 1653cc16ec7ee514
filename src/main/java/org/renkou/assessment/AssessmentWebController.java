package org.renkou.assessment;

import org.renkou.access.NotAudited;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.Dates;
import org.renkou.common.Forms;
import org.renkou.common.Messages;
import org.renkou.stats.Indicator;
import org.renkou.stats.IndicatorService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 目标管理责任制考核: the ranking of a town's units, a unit's items with their drill-down, its agreement. */
@Controller
@NotAudited("aggregates of units against their targets: no personal records; agreements are audited by AgreementService")
class AssessmentWebController {
    /** Blank rows offered below a unit's targets, for adding new ones. */
    private static final int BLANK_ROWS = 3;

    private final AssessmentService assessments;
    private final AgreementService agreements;
    private final AssessmentExports exports;
    private final IndicatorService indicators;
    private final AreaService areas;
    private final AccessService access;
    private final Messages messages;

    AssessmentWebController(AssessmentService assessments, AgreementService agreements, AssessmentExports exports,
                            IndicatorService indicators, AreaService areas, AccessService access, Messages messages) {
        this.assessments = assessments;
        this.agreements = agreements;
        this.exports = exports;
        this.indicators = indicators;
        this.areas = areas;
        this.access = access;
        this.messages = messages;
    }

    @ModelAttribute("catalogue")
    List<Indicator> catalogue() {
        return indicators.catalogue();
    }

    @ModelAttribute("assessable")
    List<Area> assessable() {
        List<Area> list = new ArrayList<>();
        for (Area.Level level : List.of(Area.Level.COUNTY, Area.Level.TOWN)) {
            list.addAll(areas.inScope(level));
        }
        return list;
    }

    @GetMapping("/assessment")
    String ranking(@RequestParam(required = false) String area, @RequestParam(required = false) Integer year,
                   Model model) {
        String a = area(area);
        int y = year(year);
        model.addAttribute("ranking", assessments.assess(a, y));
        model.addAttribute("area", areas.get(a));
        model.addAttribute("year", y);
        return "assessment/ranking";
    }

    /** The ranking alone, for the dashboard (loaded into it with htmx). */
    @GetMapping("/assessment/ranking")
    String rankingFragment(@RequestParam String area, @RequestParam int year, Model model) {
        model.addAttribute("ranking", assessments.assess(area, year));
        model.addAttribute("area", areas.get(area));
        model.addAttribute("year", year);
        return "assessment/ranking :: table";
    }

    @GetMapping("/assessment.xlsx")
    void xlsx(@RequestParam String area, @RequestParam int year, HttpServletResponse response) throws IOException {
        byte[] file = exports.xlsx(title(area, year), assessments.assess(area, year));
        send(response, "assessment-" + area + "-" + year + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file);
    }

    @GetMapping("/assessment.pdf")
    void pdf(@RequestParam String area, @RequestParam int year, HttpServletResponse response) throws IOException {
        send(response, "assessment-" + area + "-" + year + ".pdf", "application/pdf",
                exports.pdf(title(area, year), assessments.assess(area, year)));
    }

    @GetMapping("/assessment/unit/{code}")
    String unit(@PathVariable String code, @RequestParam int year, Model model) {
        Area unit = areas.get(code);
        Assessment assessment = assessments.assess(unit.parentCode(), year).stream()
                .filter(a -> a.areaCode().equals(code)).findFirst().orElseThrow(() ->
                        new org.springframework.security.access.AccessDeniedException("unit outside the user's areas"));
        model.addAttribute("unit", unit);
        model.addAttribute("year", year);
        model.addAttribute("assessment", assessment);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", AgreementForm.of(agreements.find(year, code).orElse(null), BLANK_ROWS));
        }
        return "assessment/unit";
    }

    @PostMapping("/assessment/unit/{code}")
    String save(@PathVariable String code, @RequestParam int year, @ModelAttribute("form") AgreementForm form,
                RedirectAttributes redirect) {
        return Forms.save(redirect, "/assessment/unit/" + code + "?year=" + year,
                () -> agreements.save(year, code, form.draft()));
    }

    @PostMapping("/assessment/copy")
    String copy(@RequestParam String area, @RequestParam int year, RedirectAttributes redirect) {
        return Forms.save(redirect, "/assessment?area=" + area + "&year=" + year,
                () -> agreements.copy(area, year - 1, year));
    }

    private String title(String area, int year) {
        return messages.get("assessment.heading", areas.get(area).name(), String.valueOf(year));
    }

    private String area(String area) {
        if (area != null && !area.isBlank()) {
            return area.trim();
        }
        return assessable().stream().filter(a -> a.level() == Area.Level.TOWN).findFirst()
                .or(() -> assessable().stream().findFirst()).map(Area::code)
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("no town to assess"));
    }

    /** The family-planning year that has ended most recently is the one to assess by default. */
    private static int year(Integer year) {
        if (year != null) {
            return year;
        }
        LocalDate today = Dates.today();
        return today.getMonthValue() >= 10 ? today.getYear() : today.getYear() - 1;
    }

    private static void send(HttpServletResponse response, String name, String type, byte[] file) throws IOException {
        response.setContentType(type);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.getOutputStream().write(file);
    }

    /** The agreement as the unit page's form binds it: signatures and one row per target. */
    static class AgreementForm {
        private LocalDate signedOn;
        private String signedBy;
        private String counterSigned;
        private List<Row> targets = new ArrayList<>();

        static AgreementForm of(Agreement a, int blankRows) {
            AgreementForm f = new AgreementForm();
            if (a != null) {
                f.signedOn = a.signedOn();
                f.signedBy = a.signedBy();
                f.counterSigned = a.counterSigned();
                a.targets().forEach(t -> f.targets.add(Row.of(t)));
            }
            for (int i = 0; i < blankRows; i++) {
                f.targets.add(new Row());
            }
            return f;
        }

        /** Rows without an indicator are the blank ones left unused. */
        AgreementService.Draft draft() {
            List<Target> list = targets.stream().filter(r -> r.indicator != null && !r.indicator.isBlank())
                    .map(Row::target).toList();
            return new AgreementService.Draft(signedOn, signedBy, counterSigned, list);
        }

        public LocalDate getSignedOn() {
            return signedOn;
        }

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        public void setSignedOn(LocalDate signedOn) {
            this.signedOn = signedOn;
        }

        public String getSignedBy() {
            return signedBy;
        }

        public void setSignedBy(String signedBy) {
            this.signedBy = signedBy;
        }

        public String getCounterSigned() {
            return counterSigned;
        }

        public void setCounterSigned(String counterSigned) {
            this.counterSigned = counterSigned;
        }

        public List<Row> getTargets() {
            return targets;
        }

        public void setTargets(List<Row> targets) {
            this.targets = targets;
        }

        /** One target as typed. */
        public static class Row {
            private String indicator;
            private Target.Comparison comparison = Target.Comparison.GE;
            private BigDecimal target;
            private BigDecimal floor;
            private int weight;
            private Target.Rule rule = Target.Rule.ALL_OR_NOTHING;

            static Row of(Target t) {
                Row r = new Row();
                r.indicator = t.indicator();
                r.comparison = t.comparison();
                r.target = t.target();
                r.floor = t.floor();
                r.weight = t.weight();
                r.rule = t.rule();
                return r;
            }

            Target target() {
                return new Target(indicator.trim(), comparison, target, floor, weight, rule);
            }

            public String getIndicator() {
                return indicator;
            }

            public void setIndicator(String indicator) {
                this.indicator = indicator;
            }

            public Target.Comparison getComparison() {
                return comparison;
            }

            public void setComparison(Target.Comparison comparison) {
                this.comparison = comparison;
            }

            public BigDecimal getTarget() {
                return target;
            }

            public void setTarget(BigDecimal target) {
                this.target = target;
            }

            public BigDecimal getFloor() {
                return floor;
            }

            public void setFloor(BigDecimal floor) {
                this.floor = floor;
            }

            public int getWeight() {
                return weight;
            }

            public void setWeight(int weight) {
                this.weight = weight;
            }

            public Target.Rule getRule() {
                return rule;
            }

            public void setRule(Target.Rule rule) {
                this.rule = rule;
            }
        }
    }
}
