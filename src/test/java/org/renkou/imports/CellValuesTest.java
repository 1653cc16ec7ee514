package org.renkou.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Spreadsheets as cadres keep them: codes in number cells, ID numbers whose digits Excel already lost, digits typed
 * full-width with a Chinese input method; and a household's head already in the register.
 */
@RenkouTest
class CellValuesTest {
    private static final String TOWN = "430105234";
    private static final String VILLAGE = TOWN + "001";
    private static final String[] HEADER = {"id_number", "name", "sex", "birth_date", "ethnicity", "marital_status",
            "household_no", "relation", "hukou_code", "village_code", "grid_code", "status", "phone", "address"};

    @LocalServerPort
    int port;
    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "234");
    }

    /** One person's row; {@code numbers} names the columns written as number cells. */
    private static byte[] xlsx(String[] row, java.util.Set<Integer> numbers) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("人口");
            var head = sheet.createRow(0);
            for (int c = 0; c < HEADER.length; c++) {
                head.createCell(c).setCellValue(HEADER[c]);
            }
            var r = sheet.createRow(1);
            for (int c = 0; c < row.length; c++) {
                if (numbers.contains(c)) {
                    r.createCell(c).setCellValue(Double.parseDouble(row[c]));
                } else {
                    r.createCell(c).setCellValue(row[c]);
                }
            }
            wb.write(out);
        }
        return out.toByteArray();
    }

    private static String[] row(String id, String name, LocalDate birth, String household) {
        return new String[]{id, name, "1", birth.toString(), "01", "20", household, "02", "430105", VILLAGE, "", "户籍",
                "13800000000", "测试地址"};
    }

    private String errors(Api.Response job) {
        return new String(admin.download("/api/v1/imports/" + job.<Integer>json("$.id") + "/errors"), StandardCharsets.UTF_8);
    }

    @Test
    void codesInNumberCellsAreReadAsTheirDigits() throws Exception {
        LocalDate b = LocalDate.of(1981, 1, 1);
        // village code (12 digits), hukou code and phone as number cells, as Excel keeps typed digits
        byte[] file = xlsx(row(TestData.idNumber(b, "1"), "数字格村民", b, "T234N"), java.util.Set.of(8, 9, 12));
        Api.Response job = Imports.run(admin, "numbers.xlsx", file, false);
        assertThat(job.<Integer>json("$.added")).as(errors(job)).isEqualTo(1);
        Api.Response p = admin.get("/api/v1/persons?name=" + Api.enc("数字格村民"));
        assertThat(p.<String>json("$.items[0].villageCode")).isEqualTo(VILLAGE);
    }

    @Test
    void anIdNumberStoredAsANumberGetsAMessageSayingHowToFixIt() throws Exception {
        LocalDate b = LocalDate.of(1982, 2, 2);
        String id = TestData.idNumber(b, "1");
        while (id.endsWith("X")) { // a number cell holds digits only
            id = TestData.idNumber(b, "1");
        }
        Api.Response job = Imports.run(admin, "ids.xlsx", xlsx(row(id, "数字格号码", b, "T234I"), java.util.Set.of(0)), false);
        assertThat(job.<Integer>json("$.rejected")).isEqualTo(1);
        assertThat(errors(job)).contains("id_number").contains("以数字格式保存").contains("“文本”格式");
        String csv = String.join(",", HEADER) + "\n" + String.join(",", row("4.30105E+17", "科学计数", b, "T234J")) + "\n";
        Api.Response fromCsv = Imports.run(admin, "ids.csv", csv.getBytes(StandardCharsets.UTF_8), false);
        assertThat(errors(fromCsv)).as("a CSV saved by Excel shows it so").contains("以数字格式保存");
    }

    @Test
    void fullWidthDigitsAndLettersAreReadAsHalfWidth() {
        LocalDate b = LocalDate.of(1983, 3, 3);
        String id = TestData.idNumber(b, "2");
        String csv = String.join(",", HEADER) + "\n" + String.join(",", fullWidth(id), "全角村民", "２", "１９８３－０３－０３", "０１",
                "２０", "Ｔ２３４Ｗ", "０２", fullWidth("430105"), fullWidth(VILLAGE), "", "户籍", "１３８００００００００", "测试地址") + "\n";
        Api.Response job = Imports.run(admin, "fullwidth.csv", csv.getBytes(StandardCharsets.UTF_8), false);
        assertThat(job.<Integer>json("$.added")).as(errors(job)).isEqualTo(1);
        Api.Response p = admin.get("/api/v1/persons?idNumber=" + id);
        assertThat(p.<Integer>json("$.total")).isEqualTo(1);
        assertThat(p.<String>json("$.items[0].householdNo")).isEqualTo("T234W");
    }

    @Test
    void aSecondHeadForAHouseholdOfTheRegisterIsRefused() {
        LocalDate b = LocalDate.of(1960, 6, 6);
        Api.Response head = admin.post("/api/v1/persons", TestData.person(TestData.idNumber(b, "1"), "登记库户主", "1", b, VILLAGE,
                null, ""));
        String household = head.json("$.householdNo");
        String csv = String.join(",", HEADER) + "\n" + String.join(",", row(TestData.idNumber(b, "2"), "文件户主", b, household))
                .replace(",1,1960", ",2,1960") + "\n";
        Api.Response job = Imports.run(admin, "head.csv", csv.getBytes(StandardCharsets.UTF_8), false);
        assertThat(job.<Integer>json("$.rejected")).isEqualTo(1);
        assertThat(errors(job)).contains("relation").contains("已有户主 登记库户主");
    }

    private static String fullWidth(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' ? (char) (c - 0x21 + 0xFF01) : c);
        }
        return out.toString();
    }
}
