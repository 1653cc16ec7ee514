package org.renkou.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.renkou.common.Messages;
import org.renkou.common.Pdf;
import org.springframework.stereotype.Component;

/** The assessment table as XLSX (scores as numbers, so offices can sum them again) and as PDF. */
@Component
class AssessmentExports {
    private final Messages messages;

    AssessmentExports(Messages messages) {
        this.messages = messages;
    }

    byte[] xlsx(String title, List<Assessment> ranking) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = wb.createSheet("assessment");
            sheet.createRow(0).createCell(0).setCellValue(title);
            sheet.getRow(0).getCell(0).setCellStyle(bold);
            Row head = sheet.createRow(1);
            List<String> headings = headings();
            for (int i = 0; i < headings.size(); i++) {
                head.createCell(i).setCellValue(headings.get(i));
                head.getCell(i).setCellStyle(bold);
            }
            int r = 2;
            for (Assessment a : ranking) {
                for (Assessment.Item item : a.items().isEmpty() ? List.<Assessment.Item>of() : a.items()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(a.rank());
                    row.createCell(1).setCellValue(a.areaName());
                    row.createCell(2).setCellValue(a.score().doubleValue());
                    row.createCell(3).setCellValue(item.indicatorName());
                    row.createCell(4).setCellValue(item.comparison() + " " + item.target().stripTrailingZeros().toPlainString());
                    if (item.actual() != null) {
                        row.createCell(5).setCellValue(item.actual().doubleValue());
                    } else {
                        row.createCell(5).setCellValue(messages.get("assessment.noData"));
                    }
                    row.createCell(6).setCellValue(item.weight());
                    row.createCell(7).setCellValue(item.points().doubleValue());
                }
                if (a.items().isEmpty()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(1).setCellValue(a.areaName());
                    row.createCell(3).setCellValue(messages.get("assessment.noAgreement"));
                }
            }
            sheet.setColumnWidth(1, 14 * 256);
            sheet.setColumnWidth(3, 24 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] pdf(String title, List<Assessment> ranking) {
        List<List<String>> rows = new ArrayList<>();
        for (Assessment a : ranking) {
            String unit = a.areaName();
            if (a.items().isEmpty()) {
                rows.add(List.of("", unit, "", messages.get("assessment.noAgreement"), "", "", "", ""));
            }
            for (Assessment.Item item : a.items()) {
                rows.add(List.of(String.valueOf(a.rank()), unit, a.score().toPlainString(), item.indicatorName(),
                        item.comparison() + " " + plain(item.target()),
                        item.actual() == null ? messages.get("assessment.noData") : plain(item.actual()),
                        String.valueOf(item.weight()), item.points().toPlainString()));
            }
        }
        return Pdf.write(true, pdf -> pdf.title(title).table(headings(), rows, new float[]{3, 8, 4, 12, 5, 5, 3, 3}));
    }

    private List<String> headings() {
        return List.of(messages.get("assessment.rank"), messages.get("assessment.unit"),
                messages.get("assessment.score"), messages.get("assessment.indicator"),
                messages.get("assessment.target"), messages.get("assessment.actual"),
                messages.get("assessment.weight"), messages.get("assessment.points"));
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
