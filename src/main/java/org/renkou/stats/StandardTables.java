package org.renkou.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.renkou.area.AreaService;
import org.renkou.common.Pdf;
import org.springframework.stereotype.Service;

/**
 * The standard tables modelled on 国人口统1表 (population, married WRA, births by order with the within-policy
 * columns), 国人口统2表 (contraception by method) and a floating-population table: one row per area one level
 * below the chosen one and a total, as HTML, XLSX and PDF.
 */
@Service
public class StandardTables {
    /** A column: its heading and the indicator it shows. */
    private record Column(String heading, String code) {
    }

    private record Form(String id, String title, List<Column> columns) {
    }

    private static final List<Form> FORMS = List.of(
            new Form("tong1", "国人口统1表  人口出生及计划生育情况", List.of(
                    new Column("户籍人口", "POP_REGISTERED"), new Column("常住人口", "POP_RESIDENT"),
                    new Column("已婚育龄妇女", "WRA_MARRIED"), new Column("出生合计", "BIRTHS"),
                    new Column("其中：政策内", "BIRTHS_COMPLIANT"), new Column("一孩", "BIRTHS_ORDER_1"),
                    new Column("一孩政策内", "BIRTHS_ORDER_1_COMPLIANT"), new Column("二孩", "BIRTHS_ORDER_2"),
                    new Column("二孩政策内", "BIRTHS_ORDER_2_COMPLIANT"), new Column("三孩及以上", "BIRTHS_ORDER_3_PLUS"),
                    new Column("三孩及以上政策内", "BIRTHS_ORDER_3_PLUS_COMPLIANT"),
                    new Column("符合政策生育率（%）", "POLICY_BIRTH_RATE"), new Column("出生性别比", "SEX_RATIO_AT_BIRTH"))),
            new Form("tong2", "国人口统2表  已婚育龄妇女避孕节育情况", List.of(
                    new Column("已婚育龄妇女", "WRA_MARRIED"), new Column("男扎", "METHOD_MALE_STERILISATION"),
                    new Column("女扎", "METHOD_FEMALE_STERILISATION"), new Column("上环", "METHOD_IUD"),
                    new Column("皮埋", "METHOD_IMPLANT"), new Column("针剂", "METHOD_INJECTION"),
                    new Column("口服药", "METHOD_PILL"), new Column("避孕套", "METHOD_CONDOM"), new Column("其他", "METHOD_OTHER"),
                    new Column("措施落实率（%）", "CONTRACEPTION_RATE"), new Column("三查率（%）", "CHECK_RATE"))),
            new Form("floating", "流动人口计划生育统计表", List.of(
                    new Column("流入人口", "POP_INFLOW"), new Column("其中：男", "POP_INFLOW_MALE"),
                    new Column("女", "POP_INFLOW_FEMALE"), new Column("流入育龄妇女", "POP_INFLOW_WRA"),
                    new Column("流出人口", "POP_OUTFLOW"), new Column("协查反馈及时率（%）", "EXCHANGE_FEEDBACK_TIMELINESS"))));

    private final IndicatorService indicators;
    private final AreaService areas;

    StandardTables(IndicatorService indicators, AreaService areas) {
        this.indicators = indicators;
        this.areas = areas;
    }

    /** All forms for the area and period, from one counting pass per source. */
    public List<StandardTable> tables(IndicatorService.Query q) {
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        FORMS.forEach(f -> f.columns().forEach(c -> codes.add(c.code())));
        codes.add(DashboardService.ENTERED_LATER);
        IndicatorService.Result r = indicators.valuesAndBreakdown(new IndicatorService.Query(q.area(), q.period(), q.asOf(), codes));
        long later = r.values().stream().filter(v -> v.code().equals(DashboardService.ENTERED_LATER)).findFirst()
                .map(IndicatorValue::numerator).orElse(0L);
        String subtitle = "填报单位：" + areas.get(q.area()).name() + "    统计期：" + q.period().from() + " 至 " + q.period().to()
                + "    人数截至：" + q.asOf() + (later == 0 ? "" : "    其中期末后补录的个案 " + later + " 人，数字与当时上报的可能不同");
        List<StandardTable> tables = new ArrayList<>();
        for (Form f : FORMS) {
            List<String> headings = new ArrayList<>(List.of("单位"));
            f.columns().forEach(c -> headings.add(c.heading()));
            List<List<String>> rows = new ArrayList<>();
            r.breakdown().forEach(b -> rows.add(row(b.area().name(), b.values(), f)));
            rows.add(row("合计", r.values(), f));
            tables.add(new StandardTable(f.id(), f.title(), subtitle, headings, rows, later));
        }
        return tables;
    }

    private static List<String> row(String name, List<IndicatorValue> values, Form f) {
        Map<String, IndicatorValue> byCode = values.stream().collect(Collectors.toMap(IndicatorValue::code, Function.identity()));
        List<String> row = new ArrayList<>(List.of(name));
        for (Column c : f.columns()) {
            BigDecimal v = byCode.get(c.code()).value();
            row.add(v == null ? "–" : v.toPlainString());
        }
        return row;
    }

    /** One sheet per form; numbers as numbers, so offices can sum them again. */
    public byte[] xlsx(List<StandardTable> tables) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (StandardTable t : tables) {
                Sheet sheet = wb.createSheet(t.id());
                sheet.createRow(0).createCell(0).setCellValue(t.title());
                sheet.getRow(0).getCell(0).setCellStyle(bold);
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, t.headings().size() - 1));
                sheet.createRow(1).createCell(0).setCellValue(t.subtitle());
                Row head = sheet.createRow(2);
                for (int i = 0; i < t.headings().size(); i++) {
                    head.createCell(i).setCellValue(t.headings().get(i));
                    head.getCell(i).setCellStyle(bold);
                }
                int r = 3;
                for (List<String> values : t.rows()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(org.renkou.common.Csv.neutralise(values.get(0)));
                    for (int i = 1; i < values.size(); i++) {
                        if (values.get(i).matches("-?\\d+(\\.\\d+)?")) {
                            row.createCell(i).setCellValue(Double.parseDouble(values.get(i)));
                        } else {
                            row.createCell(i).setCellValue(values.get(i));
                        }
                    }
                }
                sheet.setColumnWidth(0, 16 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] pdf(List<StandardTable> tables) {
        return Pdf.write(true, pdf -> {
            for (StandardTable t : tables) {
                float[] widths = new float[t.headings().size()];
                java.util.Arrays.fill(widths, 5);
                widths[0] = 9;
                pdf.title(t.title()).paragraph(t.subtitle()).table(t.headings(), t.rows(), widths).newPage();
            }
        });
    }
}
