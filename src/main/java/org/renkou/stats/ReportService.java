package org.renkou.stats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.Messages;
import org.renkou.common.Pdf;
import org.renkou.common.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work report (工作汇报): an editable template whose placeholders are filled with the figures of an area and
 * period, exported as DOCX and PDF with the dashboard's charts drawn in.
 */
@Service
public class ReportService {
    private static final String TEMPLATE = "work-report";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Z0-9_]+)(?:\\.(numerator|denominator))?}");
    private static final Pattern CHART = Pattern.compile("\\[\\[chart:([a-z0-9-]+)]]");
    private static final List<String> VARIABLES = List.of("AREA", "FROM", "TO", "DATE", "VILLAGE_UNITS");

    /** A part of the filled report. */
    public sealed interface Block permits Heading, Text, Figure {
    }

    public record Heading(String text) implements Block {
    }

    public record Text(String text) implements Block {
    }

    public record Figure(Chart chart) implements Block {
    }

    public record Report(String title, List<Block> blocks) {
    }

    private final JdbcClient jdbc;
    private final DashboardService dashboards;
    private final IndicatorService indicators;
    private final AreaService areas;
    private final AccessService access;
    private final AuditService audit;
    private final Messages messages;

    ReportService(JdbcClient jdbc, DashboardService dashboards, IndicatorService indicators, AreaService areas,
                  AccessService access, AuditService audit, Messages messages) {
        this.jdbc = jdbc;
        this.dashboards = dashboards;
        this.indicators = indicators;
        this.areas = areas;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
    }

    public String template() {
        return jdbc.sql("select body from report_template where id = ?").param(templateId()).query(String.class).single();
    }

    /** The template in the user's language: the Chinese one, or its English version for English readers. */
    private static String templateId() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? TEMPLATE + "-en" : TEMPLATE;
    }

    /** Changes the template; every placeholder must name an indicator or a variable, every chart a chart. */
    @Transactional
    public void saveTemplate(String body) {
        access.require(Permission.TOWN_OFFICE);
        if (body == null || body.isBlank()) {
            throw new ValidationException(List.of(messages.problem("body", "required")));
        }
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
            String name = m.group(1);
            boolean known = VARIABLES.contains(name) || indicators.catalogue().stream().anyMatch(i -> i.code().equals(name));
            if (!known) {
                throw new ValidationException(List.of(messages.problem("body", "placeholder", m.group())));
            }
        }
        jdbc.sql("update report_template set body = ?, updated_by = ?, updated_at = now() where id = ?")
                .params(body, access.current().username(), templateId()).update();
        audit.record(AuditAction.UPDATE, "report_template", templateId(), null);
    }

    /** The template filled for the area and period. */
    public Report render(IndicatorService.Query q) {
        DashboardService.Dashboard d = dashboards.dashboard(q);
        Map<String, String> values = new HashMap<>();
        d.values().forEach(v -> {
            values.put(v.code(), v.value() == null ? "–" : plain(v.value()));
            values.put(v.code() + ".numerator", v.numerator() == null ? "–" : String.valueOf(v.numerator()));
            values.put(v.code() + ".denominator", v.denominator() == null ? "–" : String.valueOf(v.denominator()));
        });
        Area area = areas.get(q.area());
        values.put("AREA", area.name());
        values.put("FROM", q.period().from().toString());
        values.put("TO", q.period().to().toString());
        values.put("DATE", q.asOf().toString());
        values.put("VILLAGE_UNITS", String.valueOf(areas.byLevel(Area.Level.VILLAGE).stream()
                .filter(v -> v.code().startsWith(q.area())).count()));
        List<Block> blocks = new ArrayList<>();
        String title = null;
        for (String paragraph : template().split("\\R\\s*\\R")) {
            String p = fill(paragraph.strip(), values);
            Matcher chart = CHART.matcher(p);
            if (p.isEmpty()) {
                continue;
            } else if (chart.matches()) {
                Chart c = d.chart(chart.group(1));
                if (c != null) {
                    blocks.add(new Figure(c));
                }
            } else if (p.startsWith("# ")) {
                if (title == null) {
                    title = p.substring(2).strip();
                } else {
                    blocks.add(new Heading(p.substring(2).strip()));
                }
            } else {
                blocks.add(new Text(p.replaceAll("\\R", "")));
            }
        }
        audit.record(AuditAction.EXPORT, "report", q.area(), q.period().from() + ".." + q.period().to());
        return new Report(title == null ? messages.get("report.title") : title, blocks);
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1) + (m.group(2) == null ? "" : "." + m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(key, "–")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().scale() <= 0 ? v.toBigInteger().toString() : v.toPlainString();
    }

    public byte[] docx(Report report) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, report.title(), 18, true);
            for (Block b : report.blocks()) {
                XWPFParagraph p = doc.createParagraph();
                if (b instanceof Heading h) {
                    run(p, h.text(), 14, true);
                } else if (b instanceof Text t) {
                    p.setIndentationFirstLine(480);
                    run(p, t.text(), 12, false);
                } else if (b instanceof Figure f) {
                    p.setAlignment(ParagraphAlignment.CENTER);
                    p.createRun().addPicture(new ByteArrayInputStream(ChartImages.png(f.chart())),
                            XWPFDocument.PICTURE_TYPE_PNG, f.chart().id() + ".png",
                            Units.toEMU(ChartImages.WIDTH * 0.5), Units.toEMU(ChartImages.HEIGHT * 0.5));
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("could not write the report", e);
        }
    }

    private static void run(XWPFParagraph p, String text, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontSize(size);
        r.setBold(bold);
        r.setFontFamily("宋体");
    }

    public byte[] pdf(Report report) {
        return Pdf.write(false, pdf -> {
            pdf.title(report.title());
            for (Block b : report.blocks()) {
                if (b instanceof Heading h) {
                    pdf.heading(h.text());
                } else if (b instanceof Text t) {
                    pdf.paragraph(t.text());
                } else if (b instanceof Figure f) {
                    pdf.image(ChartImages.png(f.chart()), 450);
                }
            }
        });
    }
}
