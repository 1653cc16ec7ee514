package org.renkou.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every figure of the generated work report is the indicator its placeholder names, at the placeholder's place:
 * the template is read back from the API, each of its paragraphs becomes a pattern (its own text literally, each
 * placeholder a gap), the generated paragraph must match it, and each gap must hold the value the indicator API
 * answers for the same area and period. The expected values are never written here, so the test holds whatever
 * the demo town's records are. The DOCX and PDF carry the same text and the charts.
 */
@RenkouTest
class WorkReportFiguresTest {
    private static final String AREA = "430105100";
    private static final String PERIOD = "2011-10-01..2012-03-15";
    private static final String QUERY = "?area=" + AREA + "&period=" + PERIOD;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Z0-9_]+)(?:\\.(numerator|denominator))?}");
    private static final Pattern CHART = Pattern.compile("\\[\\[chart:[a-z0-9-]+]]");
    private static final Pattern PARAGRAPHS = Pattern.compile("\\R\\s*\\R");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The placeholders of the area and period itself (not indicators); those checked here are checked exactly. */
    private static final List<String> VARIABLES = List.of("AREA", "FROM", "TO", "DATE", "FROM_TEXT", "TO_TEXT",
            "DATE_TEXT", "AREA_KM2", "VILLAGE_UNITS", "VILLAGES", "COMMUNITIES");
    private static final String UNKNOWN = "NO_SUCH_INDICATOR";

    @LocalServerPort
    int port;

    private Api officer(String language) {
        return Api.as(port, "officer", "officer123").inLanguage(language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void everyFigureIsTheIndicatorItNamesAtItsPlace(String language) {
        Api api = officer(language);
        String original = api.get("/api/v1/reports/work-report/template").json("$.body");
        // one paragraph naming no indicator of the catalogue: the report marks it where it stands
        String template = original.strip() + "\n\n{POP_INFLOW} / {" + UNKNOWN + "} / {" + UNKNOWN + ".numerator}\n";
        try {
            Api.Response saved = api.put("/api/v1/reports/work-report/template", body(template));
            assertThat(saved.<List<String>>json("$.unknown")).as(saved.body()).containsExactly(UNKNOWN);
            Map<String, String> expected = expectedValues(api, language);
            expected.put(UNKNOWN, marker(language));
            expected.put(UNKNOWN + ".numerator", marker(language));
            JsonNode report = JSON.readTree(api.get("/api/v1/reports/work-report" + QUERY).body());

            List<String> paragraphs = textParagraphs(template);
            List<String> generated = new ArrayList<>();
            generated.add(report.get("title").asString());
            report.get("blocks").forEach(b -> {
                if (!b.has("chart")) {
                    generated.add(b.get("text").asString());
                }
            });
            assertThat(generated).as("one generated paragraph for each paragraph of the template").hasSize(paragraphs.size());
            int indicatorFigures = 0;
            for (int i = 0; i < paragraphs.size(); i++) {
                indicatorFigures += checkFigures(paragraphs.get(i), generated.get(i), expected);
            }
            assertThat(indicatorFigures).as("the default template names most of the catalogue").isGreaterThan(60);
            assertThat(generated.get(generated.size() - 1))
                    .isEqualTo(expected.get("POP_INFLOW") + " / " + marker(language) + " / " + marker(language));
        } finally {
            api.put("/api/v1/reports/work-report/template", body(original));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theDocxAndPdfCarryTheTextTheFiguresAndTheCharts(String language) throws IOException {
        Api api = officer(language);
        JsonNode report = JSON.readTree(api.get("/api/v1/reports/work-report" + QUERY).body());
        List<String> texts = new ArrayList<>();
        int charts = 0;
        for (JsonNode b : report.get("blocks")) {
            if (b.has("chart")) {
                charts++;
            } else {
                texts.add(b.get("text").asString());
            }
        }
        assertThat(charts).as("the default template draws the pyramid, publicity, methods, support and inflow").isGreaterThanOrEqualTo(5);
        String residents = expectedValues(api, language).get("POP_RESIDENT");
        assertThat(String.join("\n", texts)).contains(residents);

        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(
                api.download("/api/v1/reports/work-report" + QUERY + "&format=docx")))) {
            List<String> paragraphs = docx.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isEmpty()).toList();
            assertThat(paragraphs.get(0)).isEqualTo(report.get("title").asString());
            assertThat(paragraphs).as("every paragraph with its figures, in order").containsSubsequence(texts);
            assertThat(docx.getAllPictures()).as("one picture per chart").hasSize(charts);
            for (XWPFPictureData picture : docx.getAllPictures()) {
                assertThat(picture.getData()).as("a PNG").startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            }
        }

        PdfReader pdf = new PdfReader(api.download("/api/v1/reports/work-report" + QUERY + "&format=pdf"));
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(pdf);
            StringBuilder all = new StringBuilder();
            int images = 0;
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                all.append(extractor.getTextFromPage(p));
                images += images(pdf.getPageN(p));
            }
            String pdfText = withoutSpace(all.toString());
            assertThat(pdfText).contains(withoutSpace(report.get("title").asString()));
            for (String t : texts) { // lines are broken where the page ends them: compared without white space
                assertThat(pdfText).as("PDF text").contains(withoutSpace(t));
            }
            assertThat(images).as("one image per chart").isEqualTo(charts);
        } finally {
            pdf.close();
        }
    }

    /**
     * Matches the generated paragraph against the template paragraph and checks each gap; answers how many of
     * them were indicators.
     */
    private static int checkFigures(String template, String generated, Map<String, String> expected) {
        StringBuilder pattern = new StringBuilder();
        List<String> keys = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        int previousEnd = -1;
        while (m.find()) {
            assertThat(m.start()).as("two placeholders side by side cannot be told apart: %s", template).isNotEqualTo(previousEnd);
            previousEnd = m.end();
            pattern.append(Pattern.quote(template.substring(last, m.start()))).append("(.+?)");
            keys.add(m.group(1) + (m.group(2) == null ? "" : "." + m.group(2)));
            last = m.end();
        }
        pattern.append(Pattern.quote(template.substring(last)));
        Matcher g = Pattern.compile(pattern.toString(), Pattern.DOTALL).matcher(generated);
        assertThat(g.matches()).as("the generated text keeps the template's words around its figures:%n  template: %s%n  generated: %s",
                template, generated).isTrue();
        int indicators = 0;
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String around = generated.substring(Math.max(0, g.start(i + 1) - 20), Math.min(generated.length(), g.end(i + 1) + 20));
            if (expected.containsKey(key)) {
                assertThat(g.group(i + 1)).as("{%s} in «…%s…»", key, around).isEqualTo(expected.get(key));
                indicators += VARIABLES.contains(key) ? 0 : 1;
            } else {
                assertThat(VARIABLES).as("{%s} names neither an indicator nor a variable", key).contains(key);
                assertThat(g.group(i + 1)).as("{%s} in «…%s…»", key, around).isNotBlank().doesNotContain("{", "}");
            }
        }
        return indicators;
    }

    /** The title and the text paragraphs of a template as the report shows them (charts are not text). */
    private static List<String> textParagraphs(String template) {
        List<String> paragraphs = new ArrayList<>();
        for (String p : PARAGRAPHS.split(template)) {
            String s = p.strip();
            if (s.isEmpty() || CHART.matcher(s).matches()) {
                continue;
            }
            paragraphs.add(s.startsWith("# ") ? s.substring(2).strip() : s.replaceAll("\\R", ""));
        }
        return paragraphs;
    }

    /** Each indicator's value, numerator and denominator from the indicator API, as the prose writes them. */
    private Map<String, String> expectedValues(Api api, String language) {
        boolean english = language.startsWith("en");
        Map<String, String> expected = new HashMap<>();
        for (JsonNode v : JSON.readTree(api.get("/api/v1/indicators" + QUERY).body())) {
            String code = v.get("code").asString();
            expected.put(code, figure(v.get("value"), english));
            expected.put(code + ".numerator", figure(v.get("numerator"), english));
            expected.put(code + ".denominator", figure(v.get("denominator"), english));
        }
        assertThat(expected).hasSizeGreaterThan(150);
        JsonNode area = JSON.readTree(api.get("/api/v1/areas/" + AREA).body());
        expected.put("AREA", area.get("name").asString());
        expected.put("FROM", "2011-10-01");
        expected.put("TO", "2012-03-15");
        expected.put("DATE", "2012-03-15");
        expected.put("DATE_TEXT", english ? "15 March 2012" : "2012年3月15日");
        expected.put("FROM_TEXT", english ? "1 October 2011" : "2011年10月1日");
        return expected;
    }

    /** A figure in the prose: no trailing zeros; thousands grouped in English (47,150), not in Chinese; none is "–". */
    private static String figure(JsonNode value, boolean english) {
        if (value == null || value.isNull()) {
            return "–";
        }
        BigDecimal v = new BigDecimal(value.toString()).stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        if (!english) {
            return v.toPlainString();
        }
        DecimalFormat grouped = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        grouped.setMinimumFractionDigits(v.scale());
        grouped.setMaximumFractionDigits(v.scale());
        return grouped.format(v);
    }

    private static String marker(String language) {
        return language.startsWith("en") ? "[unknown indicator " + UNKNOWN + "]" : "【未知指标 " + UNKNOWN + "】";
    }

    private static String body(String template) {
        return "{\"body\":" + JSON.writeValueAsString(template) + "}";
    }

    private static String withoutSpace(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** The images a page draws (its image XObjects). */
    private static int images(PdfDictionary page) {
        PdfDictionary resources = page.getAsDict(PdfName.RESOURCES);
        PdfDictionary xobjects = resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
        if (xobjects == null) {
            return 0;
        }
        int n = 0;
        for (PdfName key : xobjects.getKeys()) {
            PdfObject o = PdfReader.getPdfObject(xobjects.get(key));
            if (o instanceof PdfDictionary d && PdfName.IMAGE.equals(d.getAsName(PdfName.SUBTYPE))) {
                n++;
            }
        }
        return n;
    }
}
