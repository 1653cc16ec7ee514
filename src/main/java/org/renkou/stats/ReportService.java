package org.renkou.stats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    private static final Pattern PARAGRAPHS = Pattern.compile("\\R\\s*\\R");
    private static final List<String> VARIABLES = List.of("AREA", "FROM", "TO", "DATE", "FROM_TEXT", "TO_TEXT",
            "DATE_TEXT", "AREA_KM2", "VILLAGE_UNITS", "VILLAGES", "COMMUNITIES");

    /** A part of the filled report. */
    public sealed interface Block permits Heading, Text, Figure {
    }

    public record Heading(String text) implements Block {
    }

    public record Text(String text) implements Block {
    }

    public record Figure(Chart chart) implements Block {
    }

    /** {@code unknown}: placeholders of the template that name no indicator of the catalogue (marked in the text). */
    public record Report(String title, List<Block> blocks, List<String> unknown) {
    }

    /**
     * A section of the template as the office edits it: a heading ({@code null} for the opening, before the
     * first heading) and its text (paragraphs separated by blank lines, chart lines among them).
     */
    public record Section(String heading, String text) {
    }

    /** The template cut into its title and sections. */
    public record Sections(String title, List<Section> sections) {
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
        return english() ? TEMPLATE + "-en" : TEMPLATE;
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /**
     * Changes the template and answers the placeholders that name no indicator of the catalogue: the office is
     * warned and the report marks them, but the text is kept (an indicator may come with a later version, or
     * be gone in this one).
     */
    @Transactional
    public List<String> saveTemplate(String body) {
        access.require(Permission.TOWN_OFFICE);
        if (body == null || body.isBlank()) {
            throw new ValidationException(List.of(messages.problem("body", "required")));
        }
        jdbc.sql("update report_template set body = ?, updated_by = ?, updated_at = now() where id = ?")
                .params(body, access.current().username(), templateId()).update();
        audit.record(AuditAction.UPDATE, "report_template", templateId(), null);
        return unknown(body);
    }

    /** Goes back to the default template of the user's language; answers its unknown placeholders. */
    @Transactional
    public List<String> restoreDefault() {
        access.require(Permission.TOWN_OFFICE);
        jdbc.sql("update report_template set body = default_body, updated_by = ?, updated_at = now() where id = ?")
                .params(access.current().username(), templateId()).update();
        audit.record(AuditAction.UPDATE, "report_template", templateId(), "default");
        return unknown(template());
    }

    /** The placeholders of a template that are neither a variable nor an indicator of the catalogue, each once. */
    public List<String> unknown(String body) {
        Set<String> known = new HashSet<>(VARIABLES);
        indicators.catalogue().forEach(i -> known.add(i.code()));
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return List.copyOf(unknown);
    }

    /** The template of the user's language cut into title and sections (the paragraphs before the first heading open it). */
    public Sections sections() {
        String title = null;
        List<Section> sections = new ArrayList<>();
        String heading = null;
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : PARAGRAPHS.split(template())) {
            String p = paragraph.strip();
            if (!p.startsWith("# ")) {
                if (!p.isEmpty()) {
                    paragraphs.add(p);
                }
                continue;
            }
            String[] lines = p.substring(2).split("\\R", 2);
            if (title == null) {
                title = lines[0].strip();
            } else {
                if (heading != null || !paragraphs.isEmpty()) {
                    sections.add(new Section(heading, String.join("\n\n", paragraphs)));
                }
                heading = lines[0].strip();
                paragraphs = new ArrayList<>();
            }
            if (lines.length > 1 && !lines[1].isBlank()) {
                paragraphs.add(lines[1].strip());
            }
        }
        if (heading != null || !paragraphs.isEmpty()) {
            sections.add(new Section(heading, String.join("\n\n", paragraphs)));
        }
        return new Sections(title, sections);
    }

    /** Saves the template from its title and sections in the order given; sections without heading and text are dropped. */
    @Transactional
    public List<String> saveSections(Sections edited) {
        StringBuilder body = new StringBuilder();
        if (edited.title() != null && !edited.title().isBlank()) {
            body.append("# ").append(oneLine(edited.title())).append("\n\n");
        }
        for (Section s : edited.sections()) {
            boolean hasHeading = s.heading() != null && !s.heading().isBlank();
            String text = s.text() == null ? "" : s.text().strip();
            if (hasHeading) {
                body.append("# ").append(oneLine(s.heading())).append("\n\n");
            }
            if (!text.isEmpty()) {
                body.append(text.replace("\r\n", "\n")).append("\n\n");
            }
        }
        return saveTemplate(body.toString());
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The template filled for the area and period. */
    public Report render(IndicatorService.Query q) {
        DashboardService.Dashboard d = dashboards.dashboard(q);
        Map<String, String> values = new HashMap<>();
        d.values().forEach(v -> {
            values.put(v.code(), v.value() == null ? "–" : number(v.value()));
            values.put(v.code() + ".numerator", v.numerator() == null ? "–" : number(BigDecimal.valueOf(v.numerator())));
            values.put(v.code() + ".denominator", v.denominator() == null ? "–" : number(BigDecimal.valueOf(v.denominator())));
        });
        values.putAll(variables(q));
        String template = template();
        Set<String> unknown = new LinkedHashSet<>(unknown(template));
        List<Block> blocks = new ArrayList<>();
        String title = null;
        for (String paragraph : PARAGRAPHS.split(template)) {
            String p = fill(paragraph.strip(), values, unknown);
            Matcher chart = CHART.matcher(p);
            if (p.isEmpty()) {
                continue;
            } else if (chart.matches()) {
                Chart c = d.chart(chart.group(1));
                if (c != null) { // a chart without data for this area (the villages of a village) is left out
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
        return new Report(title == null ? messages.get("report.title") : title, blocks, List.copyOf(unknown));
    }

    /** The area and period as the template names them: codes-free values the office writes prose around. */
    private Map<String, String> variables(IndicatorService.Query q) {
        Area area = areas.get(q.area());
        List<Area> units = areas.byLevel(Area.Level.VILLAGE).stream().filter(v -> v.code().startsWith(q.area())).toList();
        Map<String, String> values = new HashMap<>();
        values.put("AREA", area.name());
        values.put("FROM", q.period().from().toString());
        values.put("TO", q.period().to().toString());
        values.put("DATE", q.asOf().toString());
        DateTimeFormatter longDate = english() ? DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
                : DateTimeFormatter.ofPattern("yyyy年M月d日");
        values.put("FROM_TEXT", longDate.format(q.period().from()));
        values.put("TO_TEXT", longDate.format(q.period().to()));
        values.put("DATE_TEXT", longDate.format(q.asOf()));
        values.put("AREA_KM2", area.areaKm2() == null ? "–" : number(area.areaKm2()));
        values.put("VILLAGE_UNITS", String.valueOf(units.size()));
        values.put("VILLAGES", String.valueOf(units.stream().filter(u -> u.kind() == Area.Kind.VILLAGE).count()));
        values.put("COMMUNITIES", String.valueOf(units.stream().filter(u -> u.kind() == Area.Kind.COMMUNITY).count()));
        return values;
    }

    /** Placeholders filled; one that names no indicator shows a visible marker, never a silent 0. */
    private String fill(String text, Map<String, String> values, Set<String> unknown) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1) + (m.group(2) == null ? "" : "." + m.group(2));
            String value = unknown.contains(m.group(1)) ? messages.get("report.unknownCode", m.group(1))
                    : values.getOrDefault(key, "–");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A figure as the prose carries it: no trailing zeros; thousands grouped in English (47,150), not in Chinese. */
    private static String number(BigDecimal v) {
        BigDecimal plain = v.stripTrailingZeros();
        if (plain.scale() < 0) {
            plain = plain.setScale(0);
        }
        if (!english()) {
            return plain.toPlainString();
        }
        DecimalFormat grouped = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        grouped.setMinimumFractionDigits(plain.scale());
        grouped.setMaximumFractionDigits(plain.scale());
        return grouped.format(plain);
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
