package org.renkou.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@RenkouTest
class LinkageApiTest {
    private static final String TOWN = "430105416";
    private static final String VILLAGE = TOWN + "001";
    private static final String OTHER_VILLAGE = TOWN + "002";
    private static final String GRID = VILLAGE + "001";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "416");
    }

    private long create(String json) {
        Api.Response r = admin.post("/api/v1/persons", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return ((Number) r.json("$.id")).longValue();
    }

    /** A record entered as old data is: not checked at entry (made as somebody else, then changed into the duplicate). */
    private long addAsOldData(String json) {
        long id = create(person(null, "临时", "1", LocalDate.of(1930, 6, 30), "HL416X" + json.hashCode(), VILLAGE).formatted(""));
        Api.Response changed = admin.put("/api/v1/persons/" + id, json.substring(0, json.lastIndexOf('}')) + ",\"version\":0}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        return id;
    }

    private static String person(String id, String name, String sex, LocalDate born, String household, String village) {
        return """
                {"idNumber":%s,"name":"%s","sex":"%s","birthDate":"%s","ethnicity":"01","householdNo":"%s",
                 "relation":"99","hukouCode":"430105","villageCode":"%s","status":"REGISTERED"%%s}"""
                .formatted(id == null ? "null" : "\"" + id + "\"", name, sex, born, household, village);
    }

    private static String notDuplicateOf(long... ids) {
        return ",\"notDuplicateOf\":" + java.util.Arrays.toString(ids);
    }

    @Test
    void anAdultAddedWithoutIdNumberInTheSameHouseholdIsAnsweredWithTheCandidate() {
        LocalDate born = LocalDate.of(1979, 5, 14);
        long existing = create(person(TestData.idNumber(born, "2"), "林秀珍", "2", born, "HL416A", VILLAGE).formatted(""));
        Api.Response again = admin.post("/api/v1/persons",
                person(null, "林 秀珍", "2", born, "HL416A", VILLAGE).formatted(""));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.contentType()).contains("application/problem+json");
        assertThat(again.<List<Integer>>json("$.candidates[*].personId")).containsExactly((int) existing);
        assertThat(again.<List<String>>json("$.candidates[0].reasons")).contains("姓名相同", "出生日期相同", "同一户");
        // "a different person": added, and remembered as a distinct pair
        long added = create(person(null, "林 秀珍", "2", born, "HL416A", VILLAGE).formatted(notDuplicateOf(existing)));
        assertThat(jdbc.sql("select status from linkage_pair where left_id = ? and right_id = ?")
                .params(existing, added).query(String.class).single()).isEqualTo("DISTINCT");
    }

    @Test
    void twinsAndNamesakesAreAddedWithoutAWord() {
        LocalDate born = LocalDate.of(2001, 9, 3);
        create(person(null, "周子涵", "2", born, "HL416T", VILLAGE).formatted(""));
        // her twin brother, same household and day, a similar name
        create(person(null, "周子航", "1", born, "HL416T", VILLAGE).formatted(""));
        // twin sisters with their own ID numbers
        LocalDate born2 = LocalDate.of(2003, 2, 8);
        create(person(TestData.idNumber(born2, "2"), "吴欣怡", "2", born2, "HL416U", VILLAGE).formatted(""));
        create(person(TestData.idNumber(born2, "2"), "吴欣悦", "2", born2, "HL416U", VILLAGE).formatted(""));
        // 张伟 of another county, born the same day, with his own valid number
        String first17 = "43012119900412013".substring(0, 17);
        String otherCounty = first17 + org.renkou.common.IdNumber.checkChar(first17);
        LocalDate born3 = LocalDate.of(1990, 4, 12);
        create(person(TestData.idNumber(born3, "1"), "张伟", "1", born3, "HL416V", VILLAGE).formatted(""));
        create(person(otherCounty, "张伟", "1", born3, "HL416W", OTHER_VILLAGE).formatted(""));
    }

    @Test
    void aRunFindsDuplicatesAndAMergeMovesEveryReferenceAndAnUndoRestoresEveryTable() throws Exception {
        LocalDate born = LocalDate.of(1968, 11, 2);
        String id = TestData.idNumber(born, "2");
        long survivor = create(person(id, "陈桂英", "2", born, "HL416M", VILLAGE).formatted(""));
        // the same woman entered from old data: traditional characters, day and month swapped, no ID number
        long other = addAsOldData(person(null, "陳桂英", "2", LocalDate.of(1968, 2, 11), "HL416N", VILLAGE)
                .formatted(",\"phone\":\"13912345678\""));
        jdbc.sql("insert into contraception (person_id, method, started_on, recorded_by) values (?, 'IUD', '2000-01-01', 't')")
                .param(other).update();
        jdbc.sql("""
                insert into allowance_application (programme_id, beneficiary_id, village_code, state, reasons, applied_on)
                select id, ?, ?, 'APPLIED', 'test', '2026-01-05' from allowance_programme where code = 'REWARD'""")
                .params(other, VILLAGE).update();
        jdbc.sql("insert into migration_move (person_id, kind, moved_on, recorded_by) values (?, 'ARRIVAL', '2010-03-01', 't')")
                .param(other).update();
        Map<String, List<Map<String, Object>>> before = snapshot();

        Api.Response started = admin.post("/api/v1/linkage/runs", "{\"area\":\"" + VILLAGE + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        int runId = started.json("$.id");
        Api.Response run = waitFor(runId);
        assertThat(run.<String>json("$.status")).isEqualTo("DONE");
        assertThat(run.<Integer>json("$.persons")).isGreaterThanOrEqualTo(2);
        assertThat(run.<Integer>json("$.comparisons")).isPositive();
        Api.Response pairs = admin.get("/api/v1/linkage/pairs?area=" + VILLAGE + "&status=OPEN&run=" + runId);
        assertThat(pairs.status()).as(pairs.body()).isEqualTo(200);
        List<Map<String, Object>> items = pairs.json("$.items");
        Map<String, Object> pair = items.stream()
                .filter(p -> ((Number) p.get("leftId")).longValue() == Math.min(survivor, other)).findFirst().orElseThrow();
        assertThat(pair.get("match")).isEqualTo("REVIEW");
        assertThat((List<String>) pair.get("reasons")).contains("姓名相同", "出生日期月、日颠倒");
        int pairId = (Integer) pair.get("id");

        // field by field: a value from neither record is refused, naming the field
        Api.Response refused = admin.post("/api/v1/linkage/pairs/" + pairId + "/merge",
                "{\"survivorId\":" + survivor + ",\"values\":{\"name\":1}}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("values.name");
        // the merged record's name (in traditional characters) stays
        Api.Response merged = admin.post("/api/v1/linkage/pairs/" + pairId + "/merge",
                "{\"survivorId\":" + survivor + ",\"values\":{\"name\":" + other + "}}");
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.<String>json("$.status")).isEqualTo("MERGED");
        assertThat(count("select count(*) from contraception where person_id = ?", survivor)).isEqualTo(1);
        assertThat(count("select count(*) from allowance_application where beneficiary_id = ?", survivor)).isEqualTo(1);
        assertThat(count("select count(*) from migration_move where person_id = ?", survivor)).isEqualTo(1);
        assertThat(count("select count(*) from person where id = ? and merged_into = ?", other, survivor)).isEqualTo(1);
        assertThat(admin.get("/api/v1/persons/" + survivor).<String>json("$.phone")).isEqualTo("13912345678");
        assertThat(admin.get("/api/v1/persons/" + survivor).<String>json("$.name")).isEqualTo("陳桂英");
        // the survivor now carries the name; the merged record is out of every list
        assertThat(admin.get("/api/v1/persons?name=" + Api.enc("陳桂英") + "&area=" + VILLAGE).<List<Integer>>json("$.items[*].id"))
                .containsExactly((int) survivor);
        assertThat(admin.get("/api/v1/persons/" + other + "/history").body()).contains("mergedInto");
        // a second decision on a decided pair is refused
        assertThat(admin.post("/api/v1/linkage/pairs/" + pairId + "/distinct", "").status()).isEqualTo(409);

        Api.Response undone = admin.post("/api/v1/linkage/pairs/" + pairId + "/undo", "");
        assertThat(undone.status()).as(undone.body()).isEqualTo(200);
        assertThat(undone.<String>json("$.status")).isEqualTo("OPEN");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(admin.get("/api/v1/persons/" + other + "/history").body()).contains("mergedInto");
    }

    @Test
    void aDistinctPairIsRememberedByTheNextRun() throws Exception {
        LocalDate born = LocalDate.of(1955, 1, 20);
        long a = create(person(TestData.idNumber(born, "1"), "黄建国", "1", born, "HL416D", VILLAGE).formatted(""));
        long b = addAsOldData(person(null, "黄建國", "1", born, "HL416E", VILLAGE).formatted(""));
        int first = admin.post("/api/v1/linkage/runs", "{\"area\":\"" + VILLAGE + "\"}").json("$.id");
        waitFor(first);
        long pairId = jdbc.sql("select id from linkage_pair where left_id = ? and right_id = ?").params(a, b)
                .query(Long.class).single();
        assertThat(admin.post("/api/v1/linkage/pairs/" + pairId + "/distinct", "").<String>json("$.status")).isEqualTo("DISTINCT");
        int second = admin.post("/api/v1/linkage/runs", "{\"area\":\"" + TOWN + "\"}").json("$.id");
        waitFor(second);
        assertThat(count("select count(*) from linkage_pair where left_id = ? and right_id = ?", a, b)).isEqualTo(1);
        assertThat(admin.get("/api/v1/linkage/pairs?area=" + VILLAGE + "&status=OPEN&run=" + second).<List<Object>>json("$.items[?(@.id == " + pairId + ")]")).isEmpty();
    }

    @Test
    void badRequestsAreProblems() {
        assertThat(admin.post("/api/v1/linkage/runs", "{\"area\":\"999999999\"}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/linkage/runs", "{}").status()).isEqualTo(400);
        Api.Response bad = admin.get("/api/v1/linkage/pairs?status=MAYBE");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.<String>json("$.errors[0].field")).isEqualTo("status");
        assertThat(admin.get("/api/v1/linkage/runs/999999").status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/linkage/pairs/999999/merge", "{\"survivorId\":1}").status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/persons", "{\"birthDate\":\"not a date\"}").status()).isEqualTo(400);
    }

    private Api.Response waitFor(int runId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Api.Response r = admin.get("/api/v1/linkage/runs/" + runId);
            if (!"RUNNING".equals(r.json("$.status"))) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " still running");
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** Every table a merge touches, as rows (the audit log and histories only grow, so they are left out). */
    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new java.util.TreeMap<>();
        for (String t : List.of("person", "contraception", "check_roster", "pregnancy", "birth", "birth_permit",
                "allowance_application", "payment_line", "migration_move", "verification_request", "migration_notice",
                "portal_code", "portal_notification", "portal_followup", "person_status_period")) {
            tables.put(t, jdbc.sql("select * from " + t + " order by 1, 2").query().listOfRows().stream()
                    .map(r -> {
                        Map<String, Object> row = new java.util.TreeMap<>(r);
                        row.remove("version");
                        row.remove("updated_at");
                        return (Map<String, Object>) row;
                    }).toList());
        }
        return tables;
    }
}
