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
import org.renkou.common.Messages;
import org.renkou.common.Pdf;
import org.springframework.stereotype.Service;

/**
 * The standard tables modelled on 国人口统1表 (population, married WRA, births by order with the within-policy
 * columns and the late reports, 迟报), 国人口统2表 (contraception users by method, procedures done in the period)
 * and a floating-population table: one row per area one level
 * below the chosen one and a total, as HTML, XLSX and PDF.
 */
@Service
public class StandardTables {
    /** A column: the indicator it shows, headed by {@code tables.column.CODE} in the user's language. */
    private record Column(String code) {
    }

    /** A form, titled by {@code tables.form.ID} in the user's language ("国人口统1表 ..."). */
    private record Form(String id, List<Column> columns) {
    }

    private static final List<Form> FORMS = List.of(
            new Form("tong1", List.of(
                    new Column("POP_REGISTERED"), new Column("POP_RESIDENT"),
                    new Column("WRA_MARRIED"), new Column("BIRTHS"),
                    new Column("BIRTHS_COMPLIANT"), new Column("BIRTHS_ORDER_1"),
                    new Column("BIRTHS_ORDER_1_COMPLIANT"), new Column("BIRTHS_ORDER_2"),
                    new Column("BIRTHS_ORDER_2_COMPLIANT"), new Column("BIRTHS_ORDER_3_PLUS"),
                    new Column("BIRTHS_ORDER_3_PLUS_COMPLIANT"), new Column("BIRTHS_LATE"),
                    new Column("POLICY_BIRTH_RATE"), new Column("SEX_RATIO_AT_BIRTH"))),
            new Form("tong2", List.of(
                    new Column("WRA_MARRIED"), new Column("METHOD_MALE_STERILISATION"),
                    new Column("METHOD_FEMALE_STERILISATION"), new Column("METHOD_IUD"),
                    new Column("METHOD_IMPLANT"), new Column("METHOD_INJECTION"),
                    new Column("METHOD_PILL"), new Column("METHOD_CONDOM"), new Column("METHOD_OTHER"),
                    new Column("CONTRACEPTION_RATE"), new Column("CHECK_RATE"),
                    new Column("PROC_IUD_INSERTION"), new Column("PROC_IUD_REMOVAL"), new Column("PROC_STERILISATION"),
                    new Column("PROC_ABORTION"), new Column("PROC_INDUCED_LABOUR"), new Column("PROC_IMPLANT_INSERTION"))),
            new Form("floating", List.of(
                    new Column("POP_INFLOW"), new Column("POP_INFLOW_MALE"),
                    new Column("POP_INFLOW_FEMALE"), new Column("POP_INFLOW_WRA"),
                    new Column("POP_OUTFLOW"), new Column("EXCHANGE_FEEDBACK_TIMELINESS"))));

    private final IndicatorService indicators;
    private final AreaService areas;
    private final Messages messages;

    StandardTables(IndicatorService indicators, AreaService areas, Messages messages) {
        this.indicators = indicators;
        this.areas = areas;
        this.messages = messages;
    }

    /** All forms for the area and period, from one counting pass per source. */
    public List<StandardTable> tables(IndicatorService.Query q) {
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        FORMS.forEach(f -> f.columns().forEach(c -> codes.add(c.code())));
        codes.add(DashboardService.ENTERED_LATER);
        IndicatorService.Result r = indicators.valuesAndBreakdown(new IndicatorService.Query(q.area(), q.period(), q.asOf(), codes));
        long later = r.values().stream().filter(v -> v.code().equals(DashboardService.ENTERED_LATER)).findFirst()
                .map(IndicatorValue::numerator).orElse(0L);
        String subtitle = messages.get("tables.subtitle", areas.get(q.area()).name(), q.period().from(), q.period().to(), q.asOf())
                + (later == 0 ? "" : messages.get("tables.enteredLater", later));
        List<StandardTable> tables = new ArrayList<>();
        for (Form f : FORMS) {
            List<String> headings = headings(f.columns().stream().map(Column::code).toList());
            List<List<String>> rows = new ArrayList<>();
            List<String> rowAreas = new ArrayList<>();
            r.breakdown().forEach(b -> {
                rows.add(row(b.area().name(), b.values(), f));
                rowAreas.add(b.area().code());
            });
            rows.add(row(messages.get("tables.total"), r.values(), f));
            rowAreas.add(null);
            tables.add(new StandardTable(f.id(), messages.get("tables.form." + f.id()), subtitle, headings, rows, later,
                    f.columns().stream().map(Column::code).toList(), rowAreas, Map.of()));
        }
        return tables;
    }

    /** The headings of a form's columns in the user's language, the unit first. */
    List<String> headings(List<String> columns) {
        List<String> headings = new ArrayList<>(List.of(messages.get("tables.unit")));
        columns.forEach(c -> headings.add(messages.get("tables.column." + c)));
        return headings;
    }

    String title(String form) {
        return messages.get("tables.form." + form);
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
