package org.renkou.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.renkou.common.Dates;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Submitted reports (报送): the town office freezes a period's tables, a back-dated birth entered afterwards
 * leaves them as they were and counts as a late report (迟报) in the period of its registration, the district
 * returns a submission with a reason and the town submits again, with the history kept.
 */
@RenkouTest
class SubmissionApiTest {
    private static final String TOWN = "430105241";
    private static final String VILLAGE = TOWN + "001";

    @LocalServerPort
    int port;
    Api admin;
    Api office;
    Api district;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "admin123");
        office = Api.as(port, "county", "county123"); // the town office of the test towns beside the demo town
        district = Api.as(port, "supervisor", "super123");
        TestData.town(admin, "241");
    }

    private int mother(String name) {
        LocalDate birth = LocalDate.of(1985, 4, 2);
        Api.Response r = admin.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "2"), name, "2", birth, VILLAGE,
                VILLAGE + "001", ""));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json("$.id");
    }

    private void birth(int mother, String date) {
        Api.Response r = admin.post("/api/v1/health/women/" + mother + "/births", "{\"sex\":\"1\",\"birthDate\":\"" + date + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** A cell of a table's total row, by the indicator of its column. */
    private static String total(Api.Response tables, int table, String column) {
        List<String> columns = tables.json("$[" + table + "].columns");
        List<List<String>> rows = tables.json("$[" + table + "].rows");
        return rows.get(rows.size() - 1).get(columns.indexOf(column) + 1);
    }

    private static String frozenTotal(Api.Response detail, String column) {
        List<String> columns = detail.json("$.tables[0].columns");
        List<List<String>> rows = detail.json("$.tables[0].rows");
        return rows.get(rows.size() - 1).get(columns.indexOf(column) + 1);
    }

    /** The family-planning year that contains today (the period in which a birth entered today is registered). */
    private static String thisYear() {
        LocalDate today = Dates.today();
        return "FP" + (today.getMonthValue() >= 10 ? today.getYear() + 1 : today.getYear());
    }

    @Test
    void aSubmittedTableStaysAsSubmittedAndABackDatedBirthIsALateReportUntilTheDistrictReturnsIt() {
        birth(mother("报送甲"), "2012-05-01");
        Api.Response submitted = office.post("/api/v1/reports/submissions", "{\"area\":\"" + TOWN + "\",\"period\":\"FP2012\"}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        int id = submitted.json("$.id");
        assertThat(submitted.<String>json("$.state")).isEqualTo("SUBMITTED");
        assertThat(submitted.<String>json("$.submittedOn")).isEqualTo(Dates.today().toString());
        assertThat(submitted.<String>json("$.countedOn")).isEqualTo("2012-09-30");

        String live = "/api/v1/reports/tables?area=" + TOWN + "&period=FP2012";
        assertThat(total(office.get(live), 0, "BIRTHS")).isEqualTo("1");
        assertThat(office.get(live).<Map<String, String>>json("$[0].changed")).isEmpty();

        birth(mother("报送乙"), "2012-06-01"); // entered today, born in the submitted period
        Api.Response read = district.get("/api/v1/reports/submissions/" + id);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        // the district reads aggregates only: the one birth the town submitted is a small cell to it
        assertThat(frozenTotal(read, "BIRTHS")).as("small cells suppressed for the district").isEqualTo("–");
        Api.Response detail = office.get("/api/v1/reports/submissions/" + id);
        assertThat(frozenTotal(detail, "BIRTHS")).as("the submitted table does not move").isEqualTo("1");
        assertThat(frozenTotal(detail, "BIRTHS_ORDER_1")).isEqualTo("1");
        Api.Response now = office.get(live);
        assertThat(total(now, 0, "BIRTHS")).as("the live table shows the birth").isEqualTo("2");
        List<List<String>> rows = now.json("$[0].rows");
        int births = now.<List<String>>json("$[0].columns").indexOf("BIRTHS") + 1;
        assertThat(now.<Map<String, String>>json("$[0].changed"))
                .containsEntry((rows.size() - 1) + "," + births, "1").containsEntry("0," + births, "1");
        assertThat(total(now, 0, "BIRTHS_LATE")).as("registered in this year, not in 2012").isEqualTo("0");
        String current = "/api/v1/reports/tables?area=" + TOWN + "&period=" + thisYear();
        assertThat(total(office.get(current), 0, "BIRTHS_LATE")).as("迟报 in the period of registration").isEqualTo("1");

        Api.Response twice = office.post("/api/v1/reports/submissions", "{\"area\":\"" + TOWN + "\",\"period\":\"FP2012\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.<String>json("$.errors[0].rule")).isEqualTo("alreadySubmitted");
        assertThat(twice.<String>json("$.errors[0].field")).isEqualTo("period");
        assertThat(twice.<String>json("$.detail")).contains("已于").contains("退回");

        Api.Response noReason = district.post("/api/v1/reports/submissions/" + id + "/return", "{\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.<String>json("$.errors[0].field")).isEqualTo("reason");
        assertThat(noReason.<String>json("$.errors[0].rule")).isEqualTo("required");

        assertThat(district.post("/api/v1/reports/submissions/" + id + "/return", "{\"reason\":\"出生数漏报一例\"}").status())
                .isEqualTo(200);
        assertThat(total(office.get(current), 0, "BIRTHS_LATE")).as("the period is open again: no late report").isEqualTo("0");
        Api.Response resubmitted = office.post("/api/v1/reports/submissions", "{\"area\":\"" + TOWN + "\",\"period\":\"FP2012\"}");
        assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(201);
        Api.Response corrected = office.get("/api/v1/reports/submissions/" + resubmitted.json("$.id"));
        assertThat(frozenTotal(corrected, "BIRTHS")).isEqualTo("2");
        assertThat(frozenTotal(office.get("/api/v1/reports/submissions/" + id), "BIRTHS")).as("the first stays as it was")
                .isEqualTo("1");
        assertThat(total(office.get(current), 0, "BIRTHS_LATE")).as("entered before the new submission").isEqualTo("0");
        assertThat(office.get(live).<Map<String, String>>json("$[0].changed")).isEmpty();
    }

    @Test
    void theDistrictReturnsASubmissionWithAReasonAndTheTownSubmitsAgainWithTheHistoryKept() {
        String town = TestData.town(admin, "242");
        String body = "{\"area\":\"" + town + "\",\"period\":\"2012Q1\"}";
        int first = office.post("/api/v1/reports/submissions", body).json("$.id");
        assertThat(Api.as(port, "officer", "officer123").post("/api/v1/reports/submissions/" + first + "/return",
                "{\"reason\":\"x\"}").status()).as("a town officer reviews nothing").isEqualTo(403);

        Api.Response returned = district.post("/api/v1/reports/submissions/" + first + "/return", "{\"reason\":\"二孩政策内数字需核对\"}");
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.<String>json("$.state")).isEqualTo("RETURNED");
        assertThat(returned.<String>json("$.returnedBy")).isEqualTo("supervisor");
        Api.Response again = district.post("/api/v1/reports/submissions/" + first + "/return", "{\"reason\":\"再退\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.<String>json("$.errors[0].rule")).isEqualTo("submissionNotInForce");
        assertThat(district.post("/api/v1/reports/submissions/999999/return", "{\"reason\":\"无\"}").status()).isEqualTo(404);

        Api.Response second = office.post("/api/v1/reports/submissions", body);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        int id = second.json("$.id");
        Api.Response detail = district.get("/api/v1/reports/submissions/" + id);
        assertThat(detail.<List<Integer>>json("$.history[*].id")).containsExactly(id, first);
        assertThat(detail.<List<String>>json("$.history[*].state")).containsExactly("SUBMITTED", "RETURNED");
        assertThat(detail.<String>json("$.history[1].returnReason")).isEqualTo("二孩政策内数字需核对");
        assertThat(detail.<List<String>>json("$.tables[*].id")).containsExactly("tong1", "tong2", "floating");

        Api.Response list = district.get("/api/v1/reports/submissions?area=" + town);
        assertThat(list.<Integer>json("$.total")).isEqualTo(2);
        assertThat(list.<List<Integer>>json("$.items[*].id")).containsExactly(id, first);
        assertThat(district.get("/api/v1/reports/submissions?size=200&area=430105").<List<Integer>>json("$.items[*].id"))
                .as("the county around the town").contains(id, first);
        assertThat(district.get("/api/v1/reports/submissions?area=" + TOWN).<List<Integer>>json("$.items[*].id"))
                .as("another town").doesNotContain(id, first);
        assertThat(Api.as(port, "officer", "officer123").get("/api/v1/reports/submissions/" + id).status())
                .as("another town's office").isEqualTo(403);
        assertThat(Api.as(port, "cadre", "cadre123").get("/api/v1/reports/submissions").status()).isEqualTo(403);

        Api.Response audit = admin.get("/api/v1/audit?username=supervisor&action=UPDATE&size=200");
        assertThat(audit.<List<String>>json("$.items[*].detail")).contains("returned: 二孩政策内数字需核对");
        Api.Response created = admin.get("/api/v1/audit?username=county&action=CREATE&size=200");
        assertThat(created.<List<String>>json("$.items[*].detail")).contains(town + " 2012Q1 submitted");
    }

    @Test
    void aSubmissionThatCannotBeMadeIsRefusedNamingTheFieldAndTheRule() {
        String town = TestData.town(admin, "243");
        assertThat(rule(office.post("/api/v1/reports/submissions", "{\"area\":\"" + town + "\",\"period\":\"" + thisYear() + "\"}")))
                .isEqualTo("period:periodNotEnded");
        assertThat(rule(office.post("/api/v1/reports/submissions", "{\"area\":\"" + town + "\",\"period\":\"FP2099\"}")))
                .isEqualTo("period:periodNotEnded");
        assertThat(rule(office.post("/api/v1/reports/submissions", "{\"area\":\"" + town + "\",\"period\":\"上半年\"}")))
                .isEqualTo("period:period");
        assertThat(rule(office.post("/api/v1/reports/submissions", "{\"area\":\"" + town + "001\",\"period\":\"2012\"}")))
                .isEqualTo("area:submissionTownOnly");
        assertThat(rule(office.post("/api/v1/reports/submissions", "{\"area\":\"430105999\",\"period\":\"2012\"}")))
                .isEqualTo("area:areaUnknown");
        Api.Response english = office.inLanguage("en").post("/api/v1/reports/submissions",
                "{\"area\":\"" + town + "\",\"period\":\"FP2099\"}");
        assertThat(english.<String>json("$.errors[0].message")).contains("only a period that has ended can be submitted");
        assertThat(Api.as(port, "cadre", "cadre123").post("/api/v1/reports/submissions",
                "{\"area\":\"430105100\",\"period\":\"2012\"}").status()).isEqualTo(403);
        assertThat(Api.as(port, "officer", "officer123").post("/api/v1/reports/submissions",
                "{\"area\":\"" + town + "\",\"period\":\"2012\"}").status()).as("another town").isEqualTo(403);
        assertThat(office.post("/api/v1/reports/submissions", "not json").status()).isEqualTo(400);
        assertThat(office.get("/api/v1/reports/submissions?area=" + town).<Integer>json("$.total")).isZero();
    }

    private static String rule(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.<String>json("$.errors[0].field") + ":" + r.<String>json("$.errors[0].rule");
    }
}
