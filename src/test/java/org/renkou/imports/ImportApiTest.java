package org.renkou.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.springframework.boot.test.web.server.LocalServerPort;

@RenkouTest
class ImportApiTest {
    private static final String TOWN = "430105151";
    private static final String VILLAGE = TOWN + "001";
    private static final String GRID = VILLAGE + "001";
    private static final String HEADER = "id_number,name,sex,birth_date,ethnicity,marital_status,household_no,relation,"
            + "hukou_code,village_code,grid_code,status,phone,address\n";

    @LocalServerPort
    int port;
    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "151");
    }

    private static String line(String id, String name, String sex, LocalDate birth, String household, String relation,
                               String phone) {
        return String.join(",", id, name, sex, birth.toString(), "01", "20", household, relation, "430105", VILLAGE,
                GRID, "REGISTERED", phone, "测试地址") + "\n";
    }

    private String family(String household, String phone) {
        LocalDate b1 = LocalDate.of(1975, 3, 1);
        LocalDate b2 = LocalDate.of(1977, 4, 2);
        LocalDate b3 = LocalDate.of(2003, 5, 3);
        return line(TestData.idNumber(b1, "1"), "导入户主" + household, "1", b1, household, "02", phone)
                + line(TestData.idNumber(b2, "2"), "导入配偶" + household, "2", b2, household, "10", "")
                + line(TestData.idNumber(b3, "1"), "导入子女" + household, "男", b3, household, "子", "");
    }

    @Test
    void aDryRunCountsButWritesNothingThenTheImportAppliesAndAReimportChangesNothing() {
        String csv = HEADER + family("T151A", "13800001111");
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        Api.Response dry = Imports.run(admin, "family.csv", file, true);
        assertThat(dry.<String>json("$.status")).isEqualTo("DONE");
        assertThat(dry.<Integer>json("$.total")).isEqualTo(3);
        assertThat(dry.<Integer>json("$.accepted")).isEqualTo(3);
        assertThat(dry.<Integer>json("$.added")).isEqualTo(3);
        assertThat(admin.get("/api/v1/persons?name=" + Api.enc("导入户主T151A")).<Integer>json("$.total")).isZero();

        Api.Response real = Imports.run(admin, "family.csv", file, false);
        assertThat(real.<Integer>json("$.added")).isEqualTo(3);
        Api.Response head = admin.get("/api/v1/persons?name=" + Api.enc("导入户主T151A"));
        assertThat(head.<Integer>json("$.total")).isEqualTo(1);
        assertThat(head.<String>json("$.items[0].householdNo")).isEqualTo("T151A");
        assertThat(admin.get("/api/v1/persons?name=" + Api.enc("导入子女T151A")).<String>json("$.items[0].relation"))
                .isEqualTo("20");

        assertThat(admin.get("/api/v1/imports").<List<String>>json("$[*].fileName")).contains("family.csv");
        Api.Response again = Imports.run(admin, "family.csv", file, false);
        assertThat(again.<Integer>json("$.unchanged")).isEqualTo(3);
        assertThat(again.<Integer>json("$.added")).isZero();

        Api.Response changed = Imports.run(admin, "family.csv", csv.replace("13800001111", "13900002222").getBytes(StandardCharsets.UTF_8), false);
        assertThat(changed.<Integer>json("$.changed")).isEqualTo(1);
        assertThat(changed.<Integer>json("$.unchanged")).isEqualTo(2);
        int id = head.json("$.items[0].id");
        Api.Response history = admin.get("/api/v1/persons/" + id + "/history");
        assertThat(history.<List<String>>json("$[?(@.field == 'phone')].newValue")).containsExactly("13900002222");
        assertThat(history.<List<String>>json("$[?(@.field == 'phone')].source").get(0)).startsWith("IMPORT");
    }

    private int inflowToday() {
        Api.Response r = admin.get("/api/v1/indicators?area=" + VILLAGE + "&period=" + LocalDate.now().getYear()
                + "&date=" + LocalDate.now() + "&codes=POP_INFLOW");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return Integer.parseInt(String.valueOf(r.<Object>json("$[0].value")));
    }

    @Test
    void readsGbkAndBomFilesWithChineseHeaders() {
        String header = "身份证号,姓名,性别,出生日期,民族,婚姻状况,户号,与户主关系,户籍地代码,村居代码,网格代码,人口类别,联系电话,现住址\n";
        LocalDate b = LocalDate.of(1990, 7, 7);
        String row = String.join(",", TestData.idNumber(b, "2"), "国标码", "女", "19900707", "汉族", "已婚", "T151G", "户主",
                "430105", VILLAGE, "", "流入", "", "出租屋") + "\n";
        int inflowBefore = inflowToday();
        Api.Response gbk = Imports.run(admin, "gbk.csv", (header + row).getBytes(Charset.forName("GBK")), false);
        assertThat(gbk.<Integer>json("$.added")).as(gbk.body()).isEqualTo(1);
        Api.Response p = admin.get("/api/v1/persons?name=" + Api.enc("国标码"));
        assertThat(p.<String>json("$.items[0].status")).isEqualTo("INFLOW");
        assertThat(p.<String>json("$.items[0].ethnicity")).isEqualTo("01");
        // the new person's status history and current status start: figures for today count them
        assertThat(inflowToday()).isEqualTo(inflowBefore + 1);
        Api.Response created = admin.get("/api/v1/persons/" + p.<Integer>json("$.items[0].id") + "/history");
        assertThat(created.<List<String>>json("$[?(@.field == 'created')].source").get(0)).startsWith("IMPORT");

        LocalDate b2 = LocalDate.of(1991, 8, 8);
        String bomRow = String.join(",", TestData.idNumber(b2, "1"), "带签名", "1", "1991-08-08", "01", "10", "T151B", "02",
                "430105", VILLAGE, "", "户籍", "", "") + "\n";
        byte[] bom = ("\uFEFF" + header + bomRow).getBytes(StandardCharsets.UTF_8);
        assertThat(Imports.run(admin, "bom.csv", bom, false).<Integer>json("$.added")).isEqualTo(1);
    }

    @Test
    void readsXlsx() throws Exception {
        LocalDate b = LocalDate.of(1982, 2, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("persons");
            String[] header = HEADER.trim().split(",");
            String[] row = line(TestData.idNumber(b, "1"), "表格人", "1", b, "T151X", "02", "").trim().split(",", -1);
            for (int r = 0; r < 2; r++) {
                var xr = sheet.createRow(r);
                String[] cells = r == 0 ? header : row;
                for (int c = 0; c < cells.length; c++) {
                    xr.createCell(c).setCellValue(cells[c]);
                }
            }
            wb.write(out);
        }
        Api.Response job = Imports.run(admin, "persons.xlsx", out.toByteArray(), false);
        assertThat(job.<Integer>json("$.added")).as(job.body()).isEqualTo(1);
        assertThat(admin.get("/api/v1/persons?name=" + Api.enc("表格人")).<Integer>json("$.total")).isEqualTo(1);
    }

    @Test
    void rejectsEveryBadRowWithItsRowColumnValueAndReason() throws Exception {
        LocalDate b = LocalDate.of(1980, 1, 1);
        String good = TestData.idNumber(b, "1");
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        String dup = TestData.idNumber(b, "2");
        String csv = HEADER
                + line(badCheck, "校验错", "1", b, "T151E1", "02", "")                       // row 2
                + line(TestData.idNumber(b, "1"), "村不存在", "1", b, "T151E2", "02", "").replace(VILLAGE, "430105151999") // 3
                + line(dup, "重复甲", "2", b, "T151E3", "02", "")                             // 4
                + line(dup, "重复乙", "2", b, "T151E4", "02", "")                             // 5
                + line(TestData.idNumber(b, "1"), "两户主甲", "1", b, "T151E5", "02", "")      // 6
                + line(TestData.idNumber(b, "2"), "两户主乙", "2", b, "T151E5", "02", "")      // 7
                + line(TestData.idNumber(b, "1"), "无户主", "1", b, "T151E6", "10", "")        // 8
                + line(TestData.idNumber(b, "1"), "坏日期", "1", b, "T151E7", "02", "").replace("1980-01-01", "1980-13-45") // 9
                + line(TestData.idNumber(b, "1"), "坏民族", "1", b, "T151E8", "02", "").replace(",01,20,", ",99,20,") // 10
                + line(good, "好人", "1", b, "T151E9", "02", "");                             // 11
        Api.Response job = Imports.run(admin, "bad.csv", csv.getBytes(StandardCharsets.UTF_8), false);
        assertThat(job.<Integer>json("$.total")).isEqualTo(10);
        assertThat(job.<Integer>json("$.accepted")).isEqualTo(3); // 重复甲, 两户主甲, 好人
        assertThat(job.<Integer>json("$.rejected")).isEqualTo(7);
        String errors = new String(admin.download("/api/v1/imports/" + job.<Integer>json("$.id") + "/errors"),
                StandardCharsets.UTF_8);
        assertThat(errors).contains("2,id_number," + badCheck).contains("校验码错误")
                .contains("3,village_code,430105151999").contains("5,id_number," + dup).contains("第 4 行")
                .contains("7,relation,02").contains("8,household_no,T151E6").contains("没有户主")
                .contains("9,birth_date,1980-13-45").contains("10,ethnicity,99");
        byte[] xlsx = admin.download("/api/v1/imports/" + job.<Integer>json("$.id") + "/errors?format=xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(8);
            assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("2");
        }
    }

    @Test
    void aWrongHeaderOrAFileThatIsNoSpreadsheetFailsWithAClearMessage() {
        Api.Response header = Imports.run(admin, "h.csv", "id_number,name,favourite_colour\n1,2,3\n".getBytes(StandardCharsets.UTF_8), false);
        assertThat(header.<String>json("$.status")).isEqualTo("FAILED");
        assertThat(header.<String>json("$.message")).contains("favourite_colour");
        Api.Response binary = Imports.run(admin, "x.csv", new byte[]{0x7f, 'E', 'L', 'F', 0, 0, 1, 2}, false);
        assertThat(binary.<String>json("$.message")).contains("无法读取");
        Api.Response truncated = Imports.run(admin, "t.xlsx", new byte[]{'P', 'K', 3, 4, 1, 2, 3}, false);
        assertThat(truncated.<String>json("$.status")).isEqualTo("FAILED");
        assertThat(truncated.<String>json("$.message")).contains("无法读取");
        Api.Response empty = Imports.run(admin, "e.csv", new byte[0], false);
        assertThat(empty.<String>json("$.status")).isEqualTo("FAILED");
    }

    @Test
    void anExportReimportsAsAllUnchangedAndNeutralisesFormulas() {
        String csv = HEADER + family("T151R", "13700000000").replace("测试地址\n", "=cmd|' /C calc'!A0\n");
        assertThat(Imports.run(admin, "r.csv", csv.getBytes(StandardCharsets.UTF_8), false).<Integer>json("$.added")).isEqualTo(3);
        byte[] export = admin.download("/api/v1/exports/persons?area=" + VILLAGE + "&name=" + Api.enc("导入") + "&format=csv");
        String text = new String(export, StandardCharsets.UTF_8);
        assertThat(text).contains("'=cmd").doesNotContain(",=cmd");
        String households = new String(admin.download("/api/v1/exports/households?area=" + VILLAGE), StandardCharsets.UTF_8);
        assertThat(households).contains("T151R," + VILLAGE + "," + GRID).contains("导入户主T151R,3");
        assertThat(Api.as(port, "police", "police123").get("/api/v1/exports/households").status()).isEqualTo(403);
        Api.Response reimport = Imports.run(admin, "export.csv", export, false);
        assertThat(reimport.<Integer>json("$.rejected")).as(reimport.body()).isZero();
        assertThat(reimport.<Integer>json("$.added")).isZero();
        assertThat(reimport.<Integer>json("$.changed")).isZero();
        assertThat(reimport.<Integer>json("$.unchanged")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aCancelledImportLeavesTheRegisterAsItWas() {
        StringBuilder csv = new StringBuilder(HEADER);
        LocalDate b = LocalDate.of(1960, 1, 1);
        for (int i = 0; i < 60_000; i++) {
            String first17 = "430188" + b.plusDays(i / 400).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", i % 400 * 2 + 1);
            csv.append(line(first17 + org.renkou.common.IdNumber.checkChar(first17), "取消" + i, "1",
                    b.plusDays(i / 400), "T151C" + i, "02", ""));
        }
        Api.Response started = admin.upload("/api/v1/imports/persons", "big.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        int id = started.json("$.id");
        // one import runs at a time: one sent meanwhile waits, and says so
        int next = admin.upload("/api/v1/imports/persons", "next.csv", HEADER.getBytes(StandardCharsets.UTF_8),
                Map.of("dryRun", "true")).json("$.id");
        assertThat(admin.get("/api/v1/imports/" + next).<String>json("$.phase")).isEqualTo("WAITING");
        assertThat(admin.get("/imports").body()).contains("排队中，等待前一个导入完成");
        assertThat(admin.get("/imports/" + next).body()).contains("排队中，等待前一个导入完成");
        assertThat(admin.post("/api/v1/imports/" + id + "/cancel", "").status()).isEqualTo(202);
        Api.Response cancelling = admin.get("/api/v1/imports/" + id);
        if ("RUNNING".equals(cancelling.json("$.status"))) {
            assertThat(cancelling.<String>json("$.phase")).isEqualTo("CANCELLING");
        }
        Api.Response job = Imports.await(admin, id);
        assertThat(job.<String>json("$.status")).isEqualTo("CANCELLED");
        assertThat(job.<String>json("$.phase")).isNull();
        assertThat(Imports.await(admin, next).<String>json("$.status")).isNotEqualTo("RUNNING");
        assertThat(admin.get("/api/v1/persons?name=" + Api.enc("取消") + "&area=" + VILLAGE).<Integer>json("$.total")).isZero();
    }

    @Test
    void aFileOverTheUploadLimitGetsAClearAnswer() {
        Api.Response r = admin.upload("/api/v1/imports/persons", "huge.csv", new byte[101 * 1024 * 1024], Map.of());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).contains("文件太大").contains("100 MB");
    }

    @Test
    void theTemplateIsOfferedInBothFormats() throws Exception {
        String csv = new String(admin.download("/api/v1/imports/template?format=csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF身份证号,姓名,性别");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(admin.download("/api/v1/imports/template?format=xlsx")))) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("张三");
        }
    }

    @Test
    void aVillageCadreImportsOnlyIntoTheirVillage() {
        Api cadre = Api.as(port, "cadre", "cadre123");
        LocalDate b = LocalDate.of(1999, 9, 9);
        String csv = HEADER + line(TestData.idNumber(b, "1"), "越界导入", "1", b, "T151S", "02", "");
        Api.Response started = cadre.upload("/api/v1/imports/persons", "s.csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("dryRun", "true"));
        int id = started.json("$.id");
        Api.Response job = Imports.await(admin, id);
        assertThat(job.<Integer>json("$.rejected")).isEqualTo(1);
        assertThat(Api.as(port, "grid", "grid1234").get("/api/v1/imports/" + id).status()).isEqualTo(404);
        assertThat(Api.as(port, "clinic", "clinic123").upload("/api/v1/imports/persons", "s.csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of()).status()).isEqualTo(403);

        // nor can a file of theirs move a person the register has elsewhere into their village
        String outsider = TestData.idNumber(b, "2");
        Api.Response added = Imports.run(admin, "o.csv",
                (HEADER + line(outsider, "区外人", "2", b, "T151O", "02", "")).getBytes(StandardCharsets.UTF_8), false);
        assertThat(added.<Integer>json("$.added")).as(added.body()).isEqualTo(1);
        String moved = HEADER + String.join(",", outsider, "区外人", "2", b.toString(), "01", "20", "T151O", "02",
                "430105", "430105100201", "", "REGISTERED", "", "") + "\n";
        int movedId = cadre.upload("/api/v1/imports/persons", "m.csv", moved.getBytes(StandardCharsets.UTF_8),
                Map.of("dryRun", "true")).json("$.id");
        assertThat(Imports.await(cadre, movedId).<Integer>json("$.rejected")).isEqualTo(1);
        assertThat(new String(cadre.download("/api/v1/imports/" + movedId + "/errors"), StandardCharsets.UTF_8))
                .contains("2,id_number," + outsider).contains("不能由您登记或修改").doesNotContain("负责区域以外");
    }
}
