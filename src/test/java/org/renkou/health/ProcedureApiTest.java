package org.renkou.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.renkou.common.Dates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Procedures (计划生育手术) are recorded on the woman's record with their day, refused field by field when wrong,
 * and 国人口统2表 counts those done in the period beside the users by method; the demo town's procedures are
 * those its contraception records imply.
 */
@RenkouTest
class ProcedureApiTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private int person(Api admin, String village, String name, String sex) {
        LocalDate birth = LocalDate.of(1984, 7, 9);
        Api.Response r = admin.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, sex), name, sex, birth, village,
                village + "001", ""));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json("$.id");
    }

    private static Api.Response procedure(Api api, int woman, String kind, String date) {
        return api.post("/api/v1/health/women/" + woman + "/procedures",
                "{\"kind\":" + (kind == null ? "null" : "\"" + kind + "\"") + ",\"doneOn\":" + (date == null ? "null" : "\"" + date + "\"")
                        + ",\"provider\":\"镇计生服务站\"}");
    }

    @Test
    void theSecondTableCountsTheProceduresDoneInThePeriod() {
        Api admin = Api.as(port, "admin", "admin123");
        Api office = Api.as(port, "county", "county123");
        String town = TestData.town(admin, "244");
        int a = person(admin, town + "001", "手术甲", "2");
        int b = person(admin, town + "001", "手术乙", "2");
        for (String[] p : List.of(new String[]{"IUD_INSERTION", "2012-01-10"}, new String[]{"ABORTION", "2011-12-01"},
                new String[]{"IUD_REMOVAL", "2012-06-01"})) {
            Api.Response r = procedure(office, a, p[0], p[1]);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        assertThat(procedure(office, b, "STERILISATION", "2012-02-01").status()).isEqualTo(201);
        assertThat(procedure(office, b, "IUD_INSERTION", "2011-09-30").status()).as("the day before the period").isEqualTo(201);
        assertThat(procedure(office, b, "INDUCED_LABOUR", "2012-03-31").status()).as("its last day").isEqualTo(201);

        Api.Response t = office.get("/api/v1/reports/tables?area=" + town + "&period=FPH2012");
        List<String> columns = t.json("$[1].columns");
        List<List<String>> rows = t.json("$[1].rows");
        List<String> total = rows.get(rows.size() - 1);
        assertThat(List.of("PROC_IUD_INSERTION", "PROC_IUD_REMOVAL", "PROC_STERILISATION", "PROC_ABORTION",
                "PROC_INDUCED_LABOUR", "PROC_IMPLANT_INSERTION").stream().map(c -> total.get(columns.indexOf(c) + 1)).toList())
                .containsExactly("1", "0", "1", "1", "1", "0");
        assertThat(t.<List<String>>json("$[1].headings")).contains("手术：上环", "手术：取环", "手术：结扎", "手术：人流", "手术：引产", "手术：皮埋");
        assertThat(office.inLanguage("en").get("/api/v1/reports/tables?area=" + town + "&period=FPH2012")
                .<List<String>>json("$[1].headings")).contains("Procedures: IUD insertion", "Procedures: induced labour");
        assertThat(office.get("/api/v1/health/women/" + a).<List<String>>json("$.procedures[*].kind"))
                .containsExactly("IUD_REMOVAL", "IUD_INSERTION", "ABORTION");
    }

    @Test
    void aProcedureWithoutKindOrWithAWrongDayIsRefusedNamingTheField() {
        Api admin = Api.as(port, "admin", "admin123");
        Api office = Api.as(port, "county", "county123");
        String town = TestData.town(admin, "244");
        int woman = person(admin, town + "001", "手术丙", "2");
        Api.Response none = procedure(office, woman, null, Dates.today().plusDays(1).toString());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.<List<String>>json("$.errors[*].field")).containsExactly("kind", "doneOn");
        assertThat(none.<List<String>>json("$.errors[*].rule")).containsExactly("required", "notFuture");
        assertThat(none.<List<String>>json("$.errors[*].message")).allMatch(m -> !m.isBlank());
        Api.Response early = procedure(office, woman, "IUD_INSERTION", "1980-01-01");
        assertThat(early.<String>json("$.errors[0].rule")).isEqualTo("beforeBirth");
        Api.Response unknown = procedure(office, woman, "LIPOSUCTION", "2012-01-01");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.<String>json("$.errors[0].field")).isEqualTo("kind");
        int man = person(admin, town + "001", "手术丁", "1");
        assertThat(procedure(office, man, "STERILISATION", "2012-01-01").<String>json("$.errors[0].rule")).isEqualTo("womanOnly");
        assertThat(procedure(Api.as(port, "supervisor", "super123"), woman, "ABORTION", "2012-01-01").status()).isEqualTo(403);
    }

    @Test
    void theDemoTownsProceduresAreTheOnesItsContraceptionRecordsImply() {
        Api officer = Api.as(port, "officer", "officer123");
        Api.Response t = officer.get("/api/v1/reports/tables?area=430105100&period=2011-10-01..2012-03-15");
        List<String> columns = t.json("$[1].columns");
        List<List<String>> rows = t.json("$[1].rows");
        List<String> total = rows.get(rows.size() - 1);
        long iud = jdbc.sql("""
                select count(*) from contraception c join person p on p.id = c.person_id
                where c.method = 'IUD' and c.started_on between '2011-10-01' and '2012-03-15' and p.village_code like '430105100%'""")
                .query(Long.class).single();
        long sterilised = jdbc.sql("""
                select count(*) from contraception c join person p on p.id = c.person_id
                where c.method in ('MALE_STERILISATION', 'FEMALE_STERILISATION') and c.started_on between '2011-10-01' and '2012-03-15'
                  and p.village_code like '430105100%'""").query(Long.class).single();
        assertThat(iud).isPositive();
        assertThat(total.get(columns.indexOf("PROC_IUD_INSERTION") + 1)).isEqualTo(String.valueOf(iud));
        assertThat(total.get(columns.indexOf("PROC_STERILISATION") + 1)).isEqualTo(String.valueOf(sterilised));
    }
}
