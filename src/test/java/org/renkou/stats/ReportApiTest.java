package org.renkou.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The standard tables and the work report of the demo town give the seed report's figures, in every format. */
@RenkouTest
class ReportApiTest {
    private static final String QUERY = "?area=430105100&period=2011-10-01..2012-03-15";

    @LocalServerPort
    int port;

    private Api officer() {
        return Api.as(port, "officer", "officer123");
    }

    @Test
    void theStandardTablesHaveTheFormsHeadingsAndTheTownsTotals() throws IOException {
        Api.Response json = officer().get("/api/v1/reports/tables" + QUERY);
        assertThat(json.<List<String>>json("$[0].headings")).contains("户籍人口", "常住人口", "已婚育龄妇女", "一孩政策内");
        assertThat(json.<String>json("$[0].title")).contains("国人口统1表");
        assertThat(json.<List<String>>json("$[0].rows[-1]")).startsWith("合计", "40922", "47150");
        assertThat(json.<List<List<String>>>json("$[0].rows")).hasSize(28);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(officer().download("/api/v1/reports/tables" + QUERY + "&format=xlsx")))) {
            Sheet tong1 = wb.getSheet("tong1");
            Row total = tong1.getRow(tong1.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(47_150);
            assertThat(total.getCell(4).getNumericCellValue()).as("births").isEqualTo(256);
            assertThat(total.getCell(5).getNumericCellValue()).as("within policy").isEqualTo(255);
            Row totalFloating = wb.getSheet("floating").getRow(wb.getSheet("floating").getLastRowNum());
            assertThat(totalFloating.getCell(1).getNumericCellValue()).isEqualTo(7_304);
        }
        String pdf = text(officer().download("/api/v1/reports/tables" + QUERY + "&format=pdf"));
        assertThat(pdf).contains("国人口统1表").contains("47150").contains("捞刀河镇");
    }

    @Test
    void theWorkReportReproducesTheSeedFiguresInDocxAndPdf() throws IOException {
        Api.Response json = officer().get("/api/v1/reports/work-report" + QUERY);
        String all = String.join("\n", json.<List<String>>json("$.blocks[*].text"));
        assertThat(json.<String>json("$.title")).contains("捞刀河镇");
        assertThat(all).contains("辖 27 个村居").contains("常住人口 47150 人").contains("流入人口 7304 人")
                .contains("流出人口 1076 人").contains("出生 256 人（其中男孩 134 人、女孩 122 人）")
                .contains("符合政策生育率为 99.6%").contains("参检 8943 人").contains("孕检率达 98%")
                .contains("措施落实率为 100%").contains("出动宣传车 42 台次").contains("走访慰问困难家庭 124 户，发放慰问金 28800 元")
                .contains("2240 户，发放慰问金 549700 元").contains("年画 11199 幅").contains("面积 94 平方公里")
                .doesNotContain("三个方面");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(officer().download("/api/v1/reports/work-report" + QUERY + "&format=docx")));
             XWPFWordExtractor text = new XWPFWordExtractor(docx)) {
            assertThat(text.getText()).contains("常住人口 47150 人").contains("一、百日行工作");
            assertThat(docx.getAllPictures()).as("charts are embedded").hasSizeGreaterThanOrEqualTo(4);
        }
        String pdf = text(officer().download("/api/v1/reports/work-report" + QUERY + "&format=pdf"));
        assertThat(pdf).contains("47150").contains("256");
    }

    @Test
    void theTemplateIsEditableAndMarksUnknownCodes() {
        String original = officer().get("/api/v1/reports/work-report/template").json("$.body");
        Api.Response unknown = officer().put("/api/v1/reports/work-report/template", "{\"body\":\"# 标题\\n\\n流入 {NO_SUCH_CODE} 人。\"}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(200);
        assertThat(unknown.<List<String>>json("$.unknown")).as("the editor warns").containsExactly("NO_SUCH_CODE");
        assertThat(officer().get("/api/v1/reports/work-report" + QUERY).<String>json("$.blocks[0].text"))
                .as("a visible marker, not a silent 0").isEqualTo("流入 【未知指标 NO_SUCH_CODE】 人。");
        assertThat(Api.as(port, "cadre", "cadre123").put("/api/v1/reports/work-report/template", "{\"body\":\"x\"}").status())
                .isEqualTo(403);
        try {
            assertThat(officer().put("/api/v1/reports/work-report/template", "{\"body\":\"# {AREA}简报\\n\\n流入 {POP_INFLOW} 人。\"}")
                    .status()).isEqualTo(200);
            Api.Response r = officer().get("/api/v1/reports/work-report" + QUERY);
            assertThat(r.<String>json("$.title")).isEqualTo("捞刀河镇简报");
            assertThat(r.<String>json("$.blocks[0].text")).isEqualTo("流入 7304 人。");
        } finally {
            officer().put("/api/v1/reports/work-report/template", "{\"body\":" + tools.jackson.databind.json.JsonMapper.builder()
                    .build().writeValueAsString(original) + "}");
        }
    }

    private static String text(byte[] pdf) throws IOException {
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
        StringBuilder all = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            all.append(extractor.getTextFromPage(p)).append('\n');
        }
        return all.toString();
    }
}
