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
import org.renkou.access.SignedIn;
import org.renkou.people.PersonRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The review screen of a pair, a merge with values chosen field by field and its undo, and the bulk merge of AUTO pairs. */
@RenkouTest
class LinkageReviewTest {
    private static final String TOWN = "430105471";
    private static final String VILLAGE = TOWN + "001";
    private static final String BULK_VILLAGE = TOWN + "002";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    List<PersonRecords> featureRecords;
    @Autowired
    org.renkou.common.Messages messages;
    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "471");
    }

    @Test
    void theReviewShowsBothRecordsWithTheirRecordsAndAMergeWithChosenValuesIsUndoneTableByTable() {
        LocalDate born = LocalDate.of(1966, 3, 9);
        long survivor = person(TestData.idNumber(born, "2"), "陈秀英", born, "HR471A", VILLAGE, "");
        String otherNumber = TestData.idNumber(born, "2");
        long other = person(otherNumber, "陳秀英", born, "HR471B", VILLAGE, ",\"phone\":\"13977770001\"");
        jdbc.sql("insert into contraception (person_id, method, started_on, recorded_by) values (?, 'IUD', '2001-04-01', 't')")
                .param(other).update();
        jdbc.sql("insert into pregnancy (person_id, detected_on, recorded_by) values (?, '1990-01-05', 't')").param(survivor).update();
        jdbc.sql("""
                insert into allowance_application (programme_id, beneficiary_id, village_code, state, reasons, applied_on)
                select id, ?, ?, 'APPLIED', 'test', '2026-01-05' from allowance_programme where code = 'REWARD'""")
                .params(other, VILLAGE).update();
        jdbc.sql("insert into migration_move (person_id, kind, moved_on, recorded_by) values (?, 'ARRIVAL', '2010-03-01', 't')")
                .param(other).update();
        long pair = pair(survivor, other, "REVIEW", 14.0, "NAME.PINYIN", "BIRTH_DATE.EXACT");
        Map<String, List<Map<String, Object>>> before = snapshot();

        Api.Response page = admin.get("/linkage/pairs/" + pair);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("姓名读音相同", "出生日期相同")
                .contains("HR471A", "HR471B")
                .contains("避孕节育措施：放置宫内节育器", "怀孕登记")
                .contains("农村部分计划生育家庭奖励扶助：已申请")
                .contains("流入登记")
                // the other record's history: it was entered as somebody else, then changed
                .contains("临时")
                // a radio for each field both records hold with different values and a merge may take from either;
                // none for the village, none where one record has no value (the merge fills it by itself)
                .contains("name=\"value.name\"", "name=\"value.idNumber\"", "name=\"value.householdNo\"")
                .doesNotContain("name=\"value.birthDate\"", "name=\"value.villageCode\"", "name=\"value.phone\"");

        // the other record's phone and name stay, the survivor's ID number and household (the default)
        Api.Response merged = admin.post("/api/v1/linkage/pairs/" + pair + "/merge", "{\"survivorId\":" + survivor
                + ",\"values\":{\"name\":" + other + ",\"phone\":" + other + ",\"idNumber\":" + survivor + "}}");
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(admin.get("/api/v1/persons/" + survivor).<String>json("$.name")).isEqualTo("陳秀英");
        assertThat(admin.get("/api/v1/persons/" + survivor).<String>json("$.phone")).isEqualTo("13977770001");
        assertThat(count("select count(*) from contraception where person_id = ?", survivor)).isEqualTo(1);
        assertThat(count("select count(*) from allowance_application where beneficiary_id = ?", survivor)).isEqualTo(1);
        assertThat(count("select count(*) from migration_move where person_id = ?", survivor)).isEqualTo(1);
        // the merged record's page says where it went, its history tells the merge
        String mergedPage = admin.get("/persons/" + other).body();
        assertThat(mergedPage).contains("此记录已合并到").contains("href=\"/persons/" + survivor + "\"")
                .contains("合并到记录").contains("消重合并");
        // the merged record's ID number finds the survivor
        assertThat(admin.get("/api/v1/persons?idNumber=" + otherNumber).<List<Integer>>json("$.items[*].id"))
                .containsExactly((int) survivor);
        // the review of the decided pair: no choices, the survivor linked
        assertThat(admin.get("/linkage/pairs/" + pair).body()).doesNotContain("name=\"value.name\"")
                .contains("id=\"survivor-link\"");

        assertThat(admin.post("/api/v1/linkage/pairs/" + pair + "/undo", "").status()).isEqualTo(200);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(admin.get("/api/v1/persons?idNumber=" + otherNumber).<List<Integer>>json("$.items[*].id"))
                .containsExactly((int) other);
        assertThat(admin.get("/persons/" + other).body()).doesNotContain("此记录已合并到");
    }

    @Test
    void aReaderWithoutAFeaturesPermissionSeesThatItsRecordsAreHidden() {
        // a floating person of the demo town: the police may read the person and the moves, not health or support
        long id = jdbc.sql("select id from person where status = 'INFLOW' and village_code like '430105100%'"
                + " and not entered_by_mistake order by id limit 1").query(Long.class).single();
        Map<String, PersonRecords.Records> police = SignedIn.as(context, "police", () -> byTitle(id));
        // (titles in the test thread's language)
        assertThat(police.get(messages.get("health.records")).readable()).isFalse();
        assertThat(police.get(messages.get("health.records")).rows()).isEmpty();
        assertThat(police.get(messages.get("allowance.title")).readable()).isFalse();
        assertThat(police.get(messages.get("migration.title")).readable()).isTrue();
        assertThat(police.get(messages.get("referrals.records")).readable()).as("the police answers referrals").isTrue();
        assertThat(police.get(messages.get("referrals.records")).links()).as("the town office refers").isEmpty();
        Map<String, PersonRecords.Records> officer = SignedIn.as(context, "officer", () -> byTitle(id));
        assertThat(officer.values()).hasSize(4).allMatch(PersonRecords.Records::readable);
    }

    @Test
    void theTownOfficeMergesTheAutoPairsOfAPreviewEachOnItsOwn() {
        LocalDate born = LocalDate.of(1958, 12, 1);
        long a1 = person(TestData.idNumber(born, "1"), "孙建军", born, "HR471C", BULK_VILLAGE, "");
        long b1 = person(null, "孙建军", born, "HR471D", BULK_VILLAGE, "");
        long c1 = person(TestData.idNumber(born, "1"), "孙建軍", born, "HR471E", BULK_VILLAGE, "");
        LocalDate born2 = LocalDate.of(1962, 5, 20);
        long a2 = person(null, "钱玉兰", born2, "HR471F", BULK_VILLAGE, "");
        long b2 = person(TestData.idNumber(born2, "2"), "钱玉兰", born2, "HR471G", BULK_VILLAGE, "");
        long a3 = person(null, "李明", born2, "HR471I", BULK_VILLAGE, "");
        long b3 = person(null, "李敏", born2, "HR471J", BULK_VILLAGE, "");
        long p1 = pair(a1, b1, "AUTO", 30.0, "NAME.EXACT");
        long p2 = pair(a2, b2, "AUTO", 29.0, "NAME.EXACT");
        long review = pair(a3, b3, "REVIEW", 9.0, "NAME.PINYIN");
        // b1 again, with a lower score: once b1 is merged into a1 this pair can no longer be merged
        long chained = pair(b1, c1, "AUTO", 20.0, "NAME.PINYIN");

        Api county = Api.as(port, "county", "county123");
        Api.Response preview = county.get("/api/v1/linkage/pairs/auto-preview?area=" + BULK_VILLAGE + "&size=2");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.<Integer>json("$.total")).isEqualTo(3);
        assertThat(preview.<List<Integer>>json("$.items[*].id")).containsExactly((int) p1, (int) p2);
        assertThat(county.get("/api/v1/linkage/pairs/auto-preview?area=" + BULK_VILLAGE + "&page=1&size=2")
                .<List<Integer>>json("$.items[*].id")).containsExactly((int) chained);
        long upTo = ((Number) preview.json("$.upTo")).longValue();
        assertThat(county.get("/linkage/auto?area=" + BULK_VILLAGE).body()).contains("全部合并（3 对）").contains("孙建軍");
        // queued after the preview: not merged by it
        LocalDate born3 = LocalDate.of(1980, 1, 1);
        long late = pair(person(null, "周强", born3, "HR471K", BULK_VILLAGE, ""),
                person(TestData.idNumber(born3, "1"), "周强", born3, "HR471L", BULK_VILLAGE, ""), "AUTO", 40.0, "NAME.EXACT");

        // only the town office merges in bulk, and only what it previewed
        assertThat(Api.as(port, "cadre", "cadre123").get("/api/v1/linkage/pairs/auto-preview").status()).isEqualTo(403);
        Api.Response unbounded = county.post("/api/v1/linkage/pairs/auto-merge", "{\"area\":\"" + BULK_VILLAGE + "\"}");
        assertThat(unbounded.status()).isEqualTo(400);
        assertThat(unbounded.<String>json("$.errors[0].field")).isEqualTo("upTo");

        Api.Response done = county.post("/api/v1/linkage/pairs/auto-merge",
                "{\"area\":\"" + BULK_VILLAGE + "\",\"upTo\":" + upTo + "}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.<Integer>json("$.merged")).isEqualTo(2);
        assertThat(done.<List<Integer>>json("$.failed[*].pairId")).containsExactly((int) chained);
        assertThat(done.<String>json("$.failed[0].message")).contains("已合并");
        // the record with the ID number stays
        assertThat(count("select count(*) from person where id = ? and merged_into = ?", b1, a1)).isEqualTo(1);
        assertThat(count("select count(*) from person where id = ? and merged_into = ?", a2, b2)).isEqualTo(1);
        assertThat(status(p1)).isEqualTo("MERGED");
        assertThat(status(p2)).isEqualTo("MERGED");
        // the failed pair is untouched: open, c1 not merged
        assertThat(status(chained)).isEqualTo("OPEN");
        assertThat(count("select count(*) from person where id = ? and merged_into is not null", c1)).isZero();
        assertThat(status(review)).isEqualTo("OPEN");
        assertThat(status(late)).isEqualTo("OPEN");
        // audited pair by pair
        assertThat(count("select count(*) from audit_log where username = 'county' and entity = 'linkage_pair'"
                + " and entity_id in (?, ?) and detail like '% into %'", String.valueOf(p1), String.valueOf(p2))).isEqualTo(2);
        // and each undone on its own
        assertThat(county.post("/api/v1/linkage/pairs/" + p1 + "/undo", "").status()).isEqualTo(200);
        assertThat(count("select count(*) from person where id = ? and merged_into is not null", b1)).isZero();
    }

    private Map<String, PersonRecords.Records> byTitle(long personId) {
        Map<String, PersonRecords.Records> m = new java.util.HashMap<>();
        featureRecords.forEach(r -> {
            PersonRecords.Records records = r.of(personId);
            m.put(records.title(), records);
        });
        return m;
    }

    /** A person as old data enters it: added as somebody else (so the entry check does not stop it), then changed. */
    private long person(String idNumber, String name, LocalDate born, String household, String village, String extra) {
        Api.Response created = admin.post("/api/v1/persons", json(null, "临时", LocalDate.of(1930, 6, 30),
                "HR471X" + household, village, ""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = ((Number) created.json("$.id")).longValue();
        Api.Response changed = admin.put("/api/v1/persons/" + id, json(idNumber, name, born, household, village,
                extra + ",\"version\":0"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        return id;
    }

    private static String json(String idNumber, String name, LocalDate born, String household, String village, String extra) {
        return """
                {"idNumber":%s,"name":"%s","sex":"%s","birthDate":"%s","ethnicity":"01","householdNo":"%s",
                 "relation":"99","hukouCode":"430105","villageCode":"%s","status":"REGISTERED"%s}"""
                .formatted(idNumber == null ? "null" : "\"" + idNumber + "\"", name,
                        idNumber == null || (idNumber.charAt(16) - '0') % 2 == 1 ? "1" : "2",
                        born, household, village, extra);
    }

    private long pair(long a, long b, String match, double score, String... reasons) {
        return jdbc.sql("""
                insert into linkage_pair (left_id, right_id, score, match, reasons, status, source, found_by)
                values (?, ?, ?, ?, ?, 'OPEN', 'ENTRY', 'test') returning id""")
                .params(Math.min(a, b), Math.max(a, b), score, match, reasons).query(Long.class).single();
    }

    private String status(long pairId) {
        return jdbc.sql("select status from linkage_pair where id = ?").param(pairId).query(String.class).single();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** Every table a merge touches, as rows (the audit log and histories only grow, so they are left out). */
    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new java.util.TreeMap<>();
        for (String t : List.of("person", "household", "contraception", "check_roster", "pregnancy", "fp_procedure", "birth",
                "birth_permit", "allowance_application", "payment_line", "migration_move", "verification_request",
                "migration_notice", "portal_code", "portal_notification", "portal_followup", "person_status_period")) {
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
