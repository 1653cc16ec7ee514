package org.renkou.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bulk merge of AUTO pairs and the estimation of weights as background jobs: started, watched until done,
 * their outcome; a pair changed after the preview skipped with its reason; jobs cut off by a stop marked so.
 */
@RenkouTest
class LinkageJobsTest {
    private static final String TOWN = "430105472";
    private static final String VILLAGE = TOWN + "001";
    private static final String EMPTY_VILLAGE = TOWN + "002";
    /** A village of the demo town: enough persons for an estimate. */
    private static final String DEMO_VILLAGE = "430105100201";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InterruptedJobs atStart;
    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "472");
    }

    @AfterEach
    void backToTheDefaultWeights() {
        Api.as(port, "officer", "officer123").post("/api/v1/linkage/weights/default", "");
    }

    @Test
    void aBulkMergeRunsInTheBackgroundAndSkipsWhatChangedAfterThePreviewWithTheReason() throws InterruptedException {
        LocalDate born = LocalDate.of(1957, 4, 2);
        long a1 = person(TestData.idNumber(born, "1"), "赵国强", born, "HJ472A");
        long b1 = person(null, "赵国强", born, "HJ472B");
        long c1 = person(TestData.idNumber(born, "1"), "趙國強", born, "HJ472C");
        LocalDate born2 = LocalDate.of(1961, 7, 15);
        long a2 = person(null, "吴桂芳", born2, "HJ472D");
        long b2 = person(TestData.idNumber(born2, "2"), "吴桂芳", born2, "HJ472E");
        LocalDate born3 = LocalDate.of(1970, 2, 8);
        long a3 = person(TestData.idNumber(born3, "1"), "郑伟", born3, "HJ472F");
        long b3 = person(null, "郑伟", born3, "HJ472G");
        LocalDate born4 = LocalDate.of(1975, 10, 30);
        long a4 = person(TestData.idNumber(born4, "2"), "冯丽", born4, "HJ472H");
        long b4 = person(null, "冯丽", born4, "HJ472I");
        long merged1 = pair(a1, b1, 30.0);
        long merged2 = pair(a2, b2, 29.0);
        long changed = pair(a3, b3, 28.0);
        long decided = pair(a4, b4, 27.0);
        // b1 again: once b1 is merged into a1 this pair has lost a record
        long chained = pair(b1, c1, 20.0);

        Api county = Api.as(port, "county", "county123");
        Api.Response preview = county.get("/api/v1/linkage/pairs/auto-preview?area=" + VILLAGE);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.<Integer>json("$.total")).isEqualTo(5);
        long upTo = ((Number) preview.json("$.upTo")).longValue();
        String asOf = preview.json("$.asOf");
        // after the preview: somebody corrects a record of one pair, and decides another pair by hand
        Api.Response edited = admin.put("/api/v1/persons/" + b3, json(null, "郑伟", born3, "HJ472G",
                ",\"phone\":\"13911112222\",\"version\":" + version(b3)));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(county.post("/api/v1/linkage/pairs/" + decided + "/distinct", "").status()).isEqualTo(200);

        assertThat(Api.as(port, "cadre", "cadre123").post("/api/v1/linkage/pairs/auto-merges",
                "{\"area\":\"" + VILLAGE + "\",\"upTo\":" + upTo + "}").status()).isEqualTo(403);
        Api.Response started = county.post("/api/v1/linkage/pairs/auto-merges",
                "{\"area\":\"" + VILLAGE + "\",\"upTo\":" + upTo + ",\"asOf\":\"" + asOf + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long job = ((Number) started.json("$.id")).longValue();
        Api.Response done = until(county, "/api/v1/linkage/pairs/auto-merges/" + job);

        assertThat(done.<String>json("$.status")).as(done.body()).isEqualTo("DONE");
        // the pair decided by hand before the start is no longer open: not the job's
        assertThat(done.<Integer>json("$.total")).isEqualTo(4);
        assertThat(done.<Integer>json("$.merged")).isEqualTo(2);
        assertThat(done.<Integer>json("$.skipped")).isEqualTo(2);
        assertThat(done.<Integer>json("$.failed")).isZero();
        assertThat(done.<List<Integer>>json("$.notMerged[*].pairId")).containsExactly((int) changed, (int) chained);
        assertThat(done.<List<String>>json("$.notMerged[*].outcome")).containsOnly("SKIPPED");
        List<String> why = done.json("$.notMerged[*].message");
        assertThat(why.get(0)).contains("修改");
        assertThat(why.get(1)).contains("已合并");
        // merged, each with the record holding the ID number staying; the skipped left as they were
        assertThat(count("select count(*) from person where id = ? and merged_into = ?", b1, a1)).isEqualTo(1);
        assertThat(count("select count(*) from person where id = ? and merged_into = ?", a2, b2)).isEqualTo(1);
        assertThat(count("select count(*) from person where id in (?, ?, ?) and merged_into is not null", a3, b3, c1))
                .isZero();
        assertThat(status(changed)).isEqualTo("OPEN");
        assertThat(status(chained)).isEqualTo("OPEN");
        assertThat(status(decided)).isEqualTo("DISTINCT");
        // audited: the job's start and end, and each merge on its own, under the officer who started it
        assertThat(count("select count(*) from audit_log where username = 'county' and entity = 'linkage_auto_merge'"
                + " and entity_id = ? and action in ('CREATE', 'UPDATE')", String.valueOf(job))).isEqualTo(2);
        assertThat(count("select count(*) from audit_log where username = 'county' and entity = 'linkage_pair'"
                + " and entity_id in (?, ?) and detail like '% into %'", String.valueOf(merged1), String.valueOf(merged2)))
                .isEqualTo(2);

        // watched from elsewhere: the bulk merge page lists it, its own page shows the outcome; cadres see neither
        assertThat(county.get("/linkage/auto?area=" + VILLAGE).body()).contains("data-job=\"" + job + "\"");
        String page = county.get("/linkage/auto/jobs/" + job).body();
        assertThat(page).contains("id=\"not-merged\"", "data-pair=\"" + changed + "\"", "已完成：合并 2 对，跳过 2 对");
        assertThat(Api.as(port, "cadre", "cadre123").get("/api/v1/linkage/pairs/auto-merges/" + job).status())
                .isEqualTo(403);
    }

    @Test
    void anEstimationRunsInTheBackgroundAndItsWeightsAreUsedOnlyOnceAdopted() throws InterruptedException {
        Api officer = Api.as(port, "officer", "officer123");
        Api.Response started = officer.post("/api/v1/linkage/weights/estimates", "{\"area\":\"" + DEMO_VILLAGE + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long id = ((Number) started.json("$.id")).longValue();
        Api.Response done = until(officer, "/api/v1/linkage/weights/estimates/" + id);
        assertThat(done.<String>json("$.status")).as(done.body()).isEqualTo("DONE");
        assertThat(done.<Integer>json("$.persons")).isGreaterThan(1);
        assertThat(((Number) done.json("$.pairs")).longValue()).isPositive();
        long version = ((Number) done.json("$.version")).longValue();

        // beside the weights in use, not used until adopted
        Api.Response estimate = officer.get("/api/v1/linkage/weights/" + version);
        assertThat((Boolean) estimate.json("$.inUse")).isFalse();
        assertThat((Object) officer.get("/api/v1/linkage/weights").json("$.version")).isNull();
        String page = officer.get("/linkage/weights?estimation=" + id).body();
        assertThat(page).contains("id=\"estimation\"", "data-status=\"DONE\"", "id=\"estimate\"", "id=\"adopt-form\"");
        assertThat(officer.post("/api/v1/linkage/weights/" + version + "/adopt", "").status()).isEqualTo(200);
        assertThat(((Number) officer.get("/api/v1/linkage/weights").json("$.version")).longValue()).isEqualTo(version);
        assertThat(count("select count(*) from audit_log where username = 'officer' and entity = 'linkage_estimation'"
                + " and entity_id = ? and action = 'CREATE'", String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void anEstimationOfAnAreaWithoutPersonsFailsWithWhyAndOnlyTheTownOfficeEstimates() throws InterruptedException {
        Api county = Api.as(port, "county", "county123");
        Api.Response unknown = county.post("/api/v1/linkage/weights/estimates", "{\"area\":\"999999999\"}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat((List<String>) unknown.json("$.errors[*].field")).containsExactly("area");
        assertThat(Api.as(port, "cadre", "cadre123").post("/api/v1/linkage/weights/estimates", "{}").status())
                .isEqualTo(403);

        long id = ((Number) county.post("/api/v1/linkage/weights/estimates", "{\"area\":\"" + EMPTY_VILLAGE + "\"}")
                .json("$.id")).longValue();
        Api.Response failed = until(county, "/api/v1/linkage/weights/estimates/" + id);
        assertThat(failed.<String>json("$.status")).as(failed.body()).isEqualTo("FAILED");
        assertThat(failed.<String>json("$.message")).contains("不足两人");
        assertThat((Object) failed.json("$.version")).isNull();
    }

    @Test
    void jobsCutOffByARestartAreFailedWithTheReasonAtTheNextStart() {
        // what a stop in the middle leaves behind: the rows, still running, their worker gone
        long merge = jdbc.sql("insert into linkage_auto_merge (area_code, up_to, started_by) values (?, 0, 'county')"
                + " returning id").param(VILLAGE).query(Long.class).single();
        long estimation = jdbc.sql("insert into linkage_estimation (area_code, started_by) values (?, 'county')"
                + " returning id").param(VILLAGE).query(Long.class).single();
        Api county = Api.as(port, "county", "county123");
        assertThat(county.get("/api/v1/linkage/pairs/auto-merges/" + merge).<String>json("$.status")).isEqualTo("RUNNING");

        atStart.run(null);

        Api.Response job = county.get("/api/v1/linkage/pairs/auto-merges/" + merge);
        assertThat(job.<String>json("$.status")).as(job.body()).isEqualTo("FAILED");
        assertThat(job.<String>json("$.message")).contains("重启");
        assertThat(county.get("/linkage/auto/jobs/" + merge).body()).contains("id=\"job-message\"", "因系统重启而中断");
        Api.Response est = county.get("/api/v1/linkage/weights/estimates/" + estimation);
        assertThat(est.<String>json("$.status")).as(est.body()).isEqualTo("FAILED");
        assertThat(est.<String>json("$.message")).contains("重启");
    }

    /** Polls the job until it is no longer running (a minute at most). */
    private static Api.Response until(Api api, String path) throws InterruptedException {
        Api.Response r = api.get(path);
        for (int i = 0; i < 600 && "RUNNING".equals(r.json("$.status")); i++) {
            Thread.sleep(100);
            r = api.get(path);
        }
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    /** A person as old data enters it: added as somebody else (so the entry check does not stop it), then changed. */
    private long person(String idNumber, String name, LocalDate born, String household) {
        Api.Response created = admin.post("/api/v1/persons", json(null, "临时", LocalDate.of(1930, 6, 30),
                "HJ472X" + household, ""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = ((Number) created.json("$.id")).longValue();
        Api.Response changed = admin.put("/api/v1/persons/" + id, json(idNumber, name, born, household, ",\"version\":0"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        return id;
    }

    private static String json(String idNumber, String name, LocalDate born, String household, String extra) {
        return """
                {"idNumber":%s,"name":"%s","sex":"%s","birthDate":"%s","ethnicity":"01","householdNo":"%s",
                 "relation":"99","hukouCode":"430105","villageCode":"%s","status":"REGISTERED"%s}"""
                .formatted(idNumber == null ? "null" : "\"" + idNumber + "\"", name,
                        idNumber == null || (idNumber.charAt(16) - '0') % 2 == 1 ? "1" : "2",
                        born, household, VILLAGE, extra);
    }

    private long version(long personId) {
        return count("select version from person where id = ?", personId);
    }

    private long pair(long a, long b, double score) {
        return jdbc.sql("""
                insert into linkage_pair (left_id, right_id, score, match, reasons, status, source, found_by)
                values (?, ?, ?, 'AUTO', ?, 'OPEN', 'ENTRY', 'test') returning id""")
                .params(Math.min(a, b), Math.max(a, b), score, new String[]{"NAME.EXACT"}).query(Long.class).single();
    }

    private String status(long pairId) {
        return jdbc.sql("select status from linkage_pair where id = ?").param(pairId).query(String.class).single();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
