package org.renkou.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.renkou.access.AccessService;
import org.renkou.access.Role;
import org.renkou.access.SystemPrincipal;
import org.renkou.access.UserService;
import org.renkou.common.Dates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the town office reads of a round besides its totals: the changes filtered by village and result with the
 * visit behind each, the results counted by kind in the progress, and moves out of the town found by a visit
 * going through migration (move record and notice to the other place). In the test town 430105612.
 */
@RenkouTest
class VerificationOfficeTest {
    static final String TOWN = "430105612";
    static final String VILLAGE = TOWN + "001";
    static final String OTHER_VILLAGE = TOWN + "002";
    static final String GRID = VILLAGE + "001";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    AccessService access;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Api admin;
    Api office;
    Api grid;
    LocalDate today;
    final java.util.Set<String> heads = new java.util.HashSet<>();

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "admin123");
        office = Api.as(port, "county", "county123");
        TestData.town(admin, "612");
        if (users.find("grid612").isEmpty()) {
            access.runAs(SystemPrincipal.FIRST_ADMINISTRATOR, () -> users.create("grid612", "网格员612", Role.GRID_WORKER,
                    List.of(GRID), "grid612pw"));
        }
        grid = Api.as(port, "grid612", "grid612pw");
        today = Dates.today();
    }

    /** A person of the household: the first one made is its head. */
    private long person(String householdNo, String name, String status, String hukouCode, String extra) {
        LocalDate birth = LocalDate.of(1975, 4, 5);
        Api.Response r = admin.post("/api/v1/persons", """
                {"idNumber":"%s","name":"%s","sex":"1","birthDate":"%s","ethnicity":"01","maritalStatus":"20",
                 "householdNo":"%s","relation":"%s","hukouCode":"%s","villageCode":"%s","gridCode":"%s",
                 "status":"%s","phone":"13800000000","address":"核查路9号"%s}"""
                .formatted(TestData.idNumber(birth, "1"), name, birth, householdNo, heads.add(householdNo) ? "02" : "10", hukouCode,
                        VILLAGE, GRID, status, extra));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return ((Number) r.json("$.id")).longValue();
    }

    private long plan() {
        Api.Response r = office.post("/api/v1/verification-rounds", """
                {"name":"612核查","areaCodes":["%s"],"startsOn":"%s","endsOn":"%s"}""".formatted(VILLAGE, today.minusDays(1),
                today.plusDays(10)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return ((Number) r.json("$.id")).longValue();
    }

    private Api.Response visit(long round, String householdNo, String persons) {
        Api.Response r = grid.post("/api/v1/verification-rounds/" + round + "/visits", """
                [{"clientId":"%s","householdNo":"%s","visitedOn":"%s","outcome":"VISITED","persons":[%s]}]"""
                .formatted(UUID.randomUUID(), householdNo, today, persons));
        assertThat(r.<String>json("$[0].state")).as(r.body()).isEqualTo("APPLIED");
        return r;
    }

    private List<Map<String, Object>> noticesOf(long personId) {
        List<Map<String, Object>> all = office.get("/api/v1/migration/notices?direction=OUT").json("$");
        return all.stream().filter(n -> n.get("personId") != null && ((Number) n.get("personId")).longValue() == personId).toList();
    }

    @Test
    void aPersonFoundGoneOutOfTheTownIsAMoveOfMigrationWithItsNotice() {
        String no = "H612-M" + System.nanoTime() % 100000;
        long toShenzhen = person(no, "迁深圳", "REGISTERED", "430105", "");
        long inflow = person(no, "流入走", "INFLOW", "431021", ",\"arrivedOn\":\"" + today.minusYears(2) + "\"");
        long withinTown = person(no, "本镇内", "REGISTERED", "430105", "");
        long unknown = person(no, "去向不明", "REGISTERED", "430105", "");
        long round = plan();
        visit(round, no, """
                {"personId":%d,"result":"NOT_LIVING_HERE","leftOn":"%s","destination":"440305","moveReason":"务工"},
                {"personId":%d,"result":"NOT_LIVING_HERE"},
                {"personId":%d,"result":"NOT_LIVING_HERE","destination":"%s"},
                {"personId":%d,"result":"NOT_LIVING_HERE"}"""
                .formatted(toShenzhen, today.minusMonths(1), inflow, withinTown, OTHER_VILLAGE, unknown));

        assertThat(admin.get("/api/v1/persons/" + toShenzhen).<String>json("$.status")).isEqualTo("OUTFLOW");
        assertThat(noticesOf(toShenzhen)).singleElement().satisfies(n -> assertThat(n)
                .containsEntry("event", "DEPARTURE").containsEntry("peerCode", "440305")
                .containsEntry("movedOn", today.minusMonths(1).toString()));
        List<Map<String, Object>> history = admin.get("/api/v1/persons/" + toShenzhen + "/history").json("$");
        assertThat(history).anySatisfy(c -> assertThat(c).containsEntry("field", "status").containsEntry("newValue", "OUTFLOW")
                .containsEntry("source", "VERIFICATION#" + round).containsEntry("username", "grid612"));

        assertThat(admin.get("/api/v1/persons/" + inflow).<String>json("$.status")).isEqualTo("MOVED_AWAY");
        assertThat(noticesOf(inflow)).as("the hukou place is told").singleElement()
                .satisfies(n -> assertThat(n).containsEntry("event", "LEAVING").containsEntry("peerCode", "431021"));

        assertThat(admin.get("/api/v1/persons/" + withinTown).<String>json("$.status")).isEqualTo("OUTFLOW");
        assertThat(noticesOf(withinTown)).as("nobody else to tell").isEmpty();
        assertThat(admin.get("/api/v1/persons/" + unknown).<String>json("$.status")).isEqualTo("OUTFLOW");
        assertThat(noticesOf(unknown)).as("no destination, nobody to tell").isEmpty();

        List<Map<String, Object>> changes = office.get("/api/v1/verification-rounds/" + round + "/changes").json("$.items");
        assertThat(changes).hasSize(4).allSatisfy(c -> assertThat(c).containsEntry("result", "NOT_LIVING_HERE"));
    }

    @Test
    void theChangesAreFilteredByVillageAndResultAndNameTheirVisit() {
        String no = "H612-C" + System.nanoTime() % 100000;
        long corrected = person(no, "改电话", "REGISTERED", "430105", "");
        long died = person(no, "已故者", "REGISTERED", "430105", "");
        long correct = person(no, "无变化", "REGISTERED", "430105", "");
        long round = plan();
        visit(round, no, """
                {"personId":%d,"result":"CORRECTED","corrections":{"phone":"13700000000"}},
                {"personId":%d,"result":"DECEASED","diedOn":"%s"},
                {"personId":%d,"result":"CORRECT"},
                {"result":"NEW","person":{"name":"新发现","sex":"2","birthDate":"%s","relation":"20","hukouCode":"430105"}}"""
                .formatted(corrected, died, today.minusDays(2), correct, today.minusDays(30)));

        String changes = "/api/v1/verification-rounds/" + round + "/changes";
        assertThat(office.get(changes).<Integer>json("$.total")).isEqualTo(3);
        Api.Response deceased = office.get(changes + "?kind=DECEASED");
        assertThat(deceased.<Integer>json("$.total")).isEqualTo(1);
        Map<String, Object> c = deceased.<List<Map<String, Object>>>json("$.items").get(0);
        assertThat(c).containsEntry("personId", (int) died).containsEntry("personName", "已故者").containsEntry("householdNo", no)
                .containsEntry("villageCode", VILLAGE).containsEntry("visitedOn", today.toString());
        assertThat((String) c.get("idNumber")).hasSize(18);
        assertThat(((Number) c.get("visitId")).longValue()).isPositive();
        assertThat(office.get(changes + "?village=" + VILLAGE + "&kind=CORRECTED").<Integer>json("$.total")).isEqualTo(1);
        assertThat(office.get(changes + "?village=" + OTHER_VILLAGE).<Integer>json("$.total")).isZero();
        assertThat(office.get(changes + "?size=2").<List<Object>>json("$.items")).as("paged, true total").hasSize(2);
        assertThat(office.get(changes + "?size=2").<Integer>json("$.total")).isEqualTo(3);

        Map<String, Object> village = office.get("/api/v1/verification-rounds/" + round + "/progress")
                .json("$['" + VILLAGE + "'][0].figures");
        assertThat(village).containsEntry("corrected", 1).containsEntry("deceased", 1).containsEntry("added", 1)
                .containsEntry("notLivingHere", 0).containsEntry("checked", 3).containsEntry("correct", 1);

        assertThat(office.get("/verification/" + round + "/changes?kind=DECEASED").body()).contains("已故者").contains(no)
                .doesNotContain("改电话");
        assertThat(grid.get("/verification").status()).as("the office's pages").isEqualTo(403);
        assertThat(grid.get("/verification/" + round + "/changes").status()).isEqualTo(403);
    }

    @Test
    void undoingAMoveOutTellsThePlaceThatWasToldOfIt() {
        String no = "H612-U" + System.nanoTime() % 100000;
        long toShenzhen = person(no, "撤深圳", "REGISTERED", "430105", "");
        long inflow = person(no, "撤流入", "INFLOW", "431021", ",\"arrivedOn\":\"" + today.minusYears(2) + "\"");
        long withinTown = person(no, "撤本镇", "REGISTERED", "430105", "");
        long round = plan();
        visit(round, no, """
                {"personId":%d,"result":"NOT_LIVING_HERE","leftOn":"%s","destination":"440305","moveReason":"务工"},
                {"personId":%d,"result":"NOT_LIVING_HERE","destination":"350102"},
                {"personId":%d,"result":"NOT_LIVING_HERE","destination":"%s"}"""
                .formatted(toShenzhen, today.minusMonths(1), inflow, withinTown, OTHER_VILLAGE));
        String path = "/api/v1/verification-rounds/" + round + "/changes";
        List<Map<String, Object>> changes = office.get(path).json("$.items");
        for (Map<String, Object> c : changes) {
            assertThat(office.post(path + "/" + c.get("id") + "/undo", "").status()).as("undo of " + c).isEqualTo(204);
        }

        assertThat(admin.get("/api/v1/persons/" + toShenzhen).<String>json("$.status")).isEqualTo("REGISTERED");
        assertThat(admin.get("/api/v1/persons/" + toShenzhen).<String>json("$.otherPlaceCode")).isNull();
        assertThat(noticesOf(toShenzhen)).as("the destination is told the person lives here").extracting(n -> n.get("event"))
                .containsExactlyInAnyOrder("DEPARTURE", "RETURN");
        assertThat(noticesOf(toShenzhen)).allSatisfy(n -> assertThat(n).containsEntry("peerCode", "440305"));

        assertThat(admin.get("/api/v1/persons/" + inflow).<String>json("$.status")).isEqualTo("INFLOW");
        assertThat(admin.get("/api/v1/persons/" + inflow).<String>json("$.otherPlaceCode")).as("as before the round").isNull();
        assertThat(noticesOf(inflow)).as("the hukou place is told the person is here").extracting(n -> n.get("event"))
                .containsExactlyInAnyOrder("LEAVING", "ARRIVAL");
        assertThat(noticesOf(inflow)).allSatisfy(n -> assertThat(n).containsEntry("peerCode", "431021"));

        assertThat(admin.get("/api/v1/persons/" + withinTown).<String>json("$.status")).isEqualTo("REGISTERED");
        assertThat(noticesOf(withinTown)).as("nobody was told, nobody to tell").isEmpty();
        assertThat(jdbc.sql("select kind || ' ' || (undone_by is not null) from migration_move where person_id = ?")
                .param(toShenzhen).query(String.class).list()).as("the move stays on record, undone")
                .containsExactly("DEPARTURE true");
        assertThat(jdbc.sql("select kind || ' ' || (undone_by is not null) from migration_move where person_id = ?")
                .param(inflow).query(String.class).list()).containsExactly("LEAVING true");
    }
}
