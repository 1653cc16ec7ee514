package org.renkou.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Verification rounds through the API: planning, worklists of one grid, every kind of result, resends (also at
 * once), stale versions, the scope of a grid worker, the figures and the undo. Each test makes its own households
 * in the test towns 430105601 (and 430105602 for exact figures).
 */
@RenkouTest
class VerificationApiTest {
    static final String TOWN = "430105601";
    static final String VILLAGE = TOWN + "001";
    static final String GRID1 = VILLAGE + "001";
    static final String GRID2 = VILLAGE + "002";
    static final AtomicInteger HOUSEHOLDS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    AccessService access;

    Api admin;
    Api office;
    Api grid1;
    Api grid2;
    LocalDate today;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "admin123");
        office = Api.as(port, "county", "county123");
        TestData.town(admin, "601");
        account("grid601a", GRID1);
        account("grid601b", GRID2);
        grid1 = Api.as(port, "grid601a", "grid601apw");
        grid2 = Api.as(port, "grid601b", "grid601bpw");
        today = Dates.today();
    }

    private void account(String username, String area) {
        if (users.find(username).isEmpty()) {
            access.runAs(SystemPrincipal.FIRST_ADMINISTRATOR, () -> users.create(username, "网格员" + username, Role.GRID_WORKER,
                    List.of(area), username + "pw"));
        }
    }

    /** A household of the village and grid with persons (the first is the head); answers [householdNo, personIds...]. */
    private List<Object> household(String village, String grid, String address, String... names) {
        String no = "V" + village.substring(6) + "-" + HOUSEHOLDS.incrementAndGet() + "-" + System.nanoTime() % 100000;
        List<Object> out = new ArrayList<>(List.of(no));
        for (int i = 0; i < names.length; i++) {
            LocalDate birth = LocalDate.of(1970 + i * 7, 1 + i, 10 + i);
            String sex = i % 2 == 0 ? "1" : "2";
            Api.Response r = admin.post("/api/v1/persons", """
                    {"idNumber":"%s","name":"%s","sex":"%s","birthDate":"%s","ethnicity":"01","maritalStatus":"20",
                     "householdNo":"%s","relation":"%s","hukouCode":"430105","villageCode":"%s","gridCode":%s,
                     "status":"REGISTERED","phone":"13800000000","address":"%s"}"""
                    .formatted(TestData.idNumber(birth, sex), names[i], sex, birth, no, i == 0 ? "02" : "10", village,
                            grid == null ? "null" : "\"" + grid + "\"", address));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            out.add(((Number) r.json("$.id")).longValue());
        }
        return out;
    }

    private long plan(String... areas) {
        Api.Response r = office.post("/api/v1/verification-rounds", """
                {"name":"测试核查","areaCodes":[%s],"startsOn":"%s","endsOn":"%s"}"""
                .formatted(String.join(",", java.util.Arrays.stream(areas).map(a -> "\"" + a + "\"").toList()),
                        today.minusDays(1), today.plusDays(30)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return ((Number) r.json("$.id")).longValue();
    }

    private static String visit(String clientId, Object householdNo, String outcome, String persons) {
        return """
                {"clientId":"%s","householdNo":"%s","visitedOn":"%s","outcome":"%s","persons":[%s]}"""
                .formatted(clientId, householdNo, Dates.today(), outcome, persons);
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    private Map<String, Object> person(long id) {
        return admin.get("/api/v1/persons/" + id).json("$");
    }

    private int version(long id) {
        return (Integer) person(id).get("version");
    }

    @Test
    void aGridWorkerGetsTheirGridsHouseholdsByAddressWithPersonsAsOfTheFirstDay() {
        List<Object> b = household(VILLAGE, GRID1, "测试村2组8号", "赵大", "钱二");
        List<Object> a = household(VILLAGE, GRID1, "测试村1组3号", "孙三");
        List<Object> other = household(VILLAGE, GRID2, "测试村3组1号", "李四");
        long round = plan(VILLAGE);

        Api.Response r = grid1.get("/api/v1/verification-rounds/" + round + "/worklist?area=" + GRID1);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> numbers = r.json("$[*].householdNo");
        assertThat(numbers).contains((String) a.get(0), (String) b.get(0)).doesNotContain((String) other.get(0));
        assertThat(numbers.indexOf((String) a.get(0))).as("ordered by address").isLessThan(numbers.indexOf((String) b.get(0)));
        List<Map<String, Object>> persons = r.json("$[?(@.householdNo == '" + b.get(0) + "')].persons[*]");
        assertThat(persons).extracting(p -> p.get("name")).containsExactly("赵大", "钱二");
        assertThat(persons.get(0)).containsKeys("personId", "sex", "birthDate", "relation", "status", "phone", "maritalStatus",
                "version");
        assertThat((String) persons.get(0).get("idNumber")).as("masked as in lists").matches("430105\\*{12}");

        List<Map<String, Object>> open = grid1.get("/api/v1/verification-rounds").json("$");
        assertThat(open).extracting(o -> ((Number) o.get("id")).longValue()).contains(round);
        assertThat(grid1.get("/api/v1/verification-rounds/" + round).<String>json("$.status")).isEqualTo("OPEN");
    }

    @Test
    void aGridWorkerCannotFetchOrSendAnotherGridsHouseholds() {
        List<Object> other = household(VILLAGE, GRID2, "测试村3组2号", "周五");
        long round = plan(VILLAGE);
        Api.Response fetch = grid1.get("/api/v1/verification-rounds/" + round + "/worklist?area=" + GRID2);
        assertThat(fetch.status()).isEqualTo(403);
        assertThat(fetch.contentType()).startsWith("application/problem+json");
        assertThat(grid1.get("/api/v1/verification-rounds/" + round + "/worklist?area=" + VILLAGE).status()).isEqualTo(403);

        int before = version((Long) other.get(1));
        Api.Response send = grid1.post("/api/v1/verification-rounds/" + round + "/visits", "[" + visit(uuid(), other.get(0), "VISITED",
                "{\"personId\":%d,\"result\":\"DECEASED\",\"diedOn\":\"%s\"}".formatted(other.get(1), today)) + "]");
        assertThat(send.status()).isEqualTo(403);
        assertThat(send.contentType()).startsWith("application/problem+json");
        assertThat(version((Long) other.get(1))).as("nothing applied").isEqualTo(before);
        assertThat(office.get("/api/v1/verification-rounds/" + round).<Integer>json("$.visited")).isZero();
        // the grid's own worker may
        assertThat(grid2.post("/api/v1/verification-rounds/" + round + "/visits", "[" + visit(uuid(), other.get(0), "VISITED",
                "{\"personId\":%d,\"result\":\"CORRECT\"}".formatted(other.get(1))) + "]").<String>json("$[0].state"))
                .isEqualTo("APPLIED");
    }

    @Test
    void eachResultKindChangesTheRegisterWithTheRoundAsSource() {
        List<Object> h = household(VILLAGE, GRID1, "测试村4组1号", "吴正", "郑改", "王出", "冯故");
        long round = plan(VILLAGE);
        Api.Response r = grid1.post("/api/v1/verification-rounds/" + round + "/visits", "[" + visit(uuid(), h.get(0), "VISITED", """
                {"personId":%d,"result":"CORRECT","version":%d},
                {"personId":%d,"result":"CORRECTED","corrections":{"phone":"13912345678","maritalStatus":"30"}},
                {"personId":%d,"result":"NOT_LIVING_HERE","leftOn":"%s","destination":"440305","moveReason":"务工"},
                {"personId":%d,"result":"DECEASED","diedOn":"%s"},
                {"result":"NEW","person":{"name":"陈新生","sex":"2","birthDate":"%s","relation":"20","hukouCode":"430105"}}"""
                .formatted(h.get(1), version((Long) h.get(1)), h.get(2), h.get(3), today.minusMonths(2), h.get(4), today.minusDays(3),
                        today.minusDays(20))) + "]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.<String>json("$[0].state")).as(r.body()).isEqualTo("APPLIED");

        Map<String, Object> corrected = person((Long) h.get(2));
        assertThat(corrected).containsEntry("phone", "13912345678").containsEntry("maritalStatus", "30");
        List<Map<String, Object>> history = admin.get("/api/v1/persons/" + h.get(2) + "/history").json("$");
        assertThat(history).anySatisfy(c -> assertThat(c).containsEntry("field", "phone").containsEntry("oldValue", "13800000000")
                .containsEntry("newValue", "13912345678").containsEntry("source", "VERIFICATION#" + round)
                .containsEntry("username", "grid601a"));

        Map<String, Object> away = person((Long) h.get(3));
        assertThat(away).containsEntry("status", "OUTFLOW").containsEntry("leftOn", today.minusMonths(2).toString())
                .containsEntry("otherPlaceCode", "440305");
        assertThat(person((Long) h.get(4))).containsEntry("status", "DECEASED").containsEntry("diedOn", today.minusDays(3).toString());

        long newborn = ((Number) r.json("$[0].newPersonIds[0]")).longValue();
        assertThat(person(newborn)).containsEntry("name", "陈新生").containsEntry("householdNo", h.get(0))
                .containsEntry("villageCode", VILLAGE).containsEntry("gridCode", GRID1);

        Map<String, Object> figures = office.get("/api/v1/verification-rounds/" + round).json("$");
        assertThat(((Number) figures.get("found")).intValue()).isGreaterThanOrEqualTo(3);
        List<Map<String, Object>> changes = office.get("/api/v1/verification-rounds/" + round + "/changes").json("$.items");
        assertThat(changes).extracting(c -> c.get("result")).contains("CORRECTED", "NOT_LIVING_HERE", "DECEASED", "NEW");
    }

    @Test
    void nobodyHomeLeavesTheHouseholdToBeVisitedAgain() {
        List<Object> h = household(VILLAGE, GRID1, "测试村5组1号", "褚空");
        long round = plan(VILLAGE);
        String path = "/api/v1/verification-rounds/" + round;
        assertThat(grid1.post(path + "/visits", "[" + visit(uuid(), h.get(0), "NOBODY_HOME", "") + "]").<String>json("$[0].state"))
                .isEqualTo("APPLIED");
        List<String> outcome = grid1.get(path + "/worklist?area=" + GRID1).json("$[?(@.householdNo == '" + h.get(0) + "')].outcome");
        assertThat(outcome).containsExactly("NOBODY_HOME");
        assertThat(office.get(path).<Integer>json("$.nobodyHome")).isEqualTo(1);
        assertThat(grid1.post(path + "/visits", "[" + visit(uuid(), h.get(0), "VISITED",
                "{\"personId\":%d,\"result\":\"CORRECT\"}".formatted(h.get(1))) + "]").<String>json("$[0].state")).isEqualTo("APPLIED");
        Map<String, Object> figures = office.get(path).json("$");
        assertThat(figures).containsEntry("nobodyHome", 0).containsEntry("visited", 1).containsEntry("correct", 1);
    }

    @Test
    void aCorrectionIsCheckedLikeThePersonFormAndNamesTheField() {
        List<Object> h = household(VILLAGE, GRID1, "测试村6组1号", "卫错");
        long round = plan(VILLAGE);
        Api.Response r = grid1.post("/api/v1/verification-rounds/" + round + "/visits", "[" + visit(uuid(), h.get(0), "VISITED", """
                {"personId":%d,"result":"CORRECTED","corrections":{"phone":"abc","relation":"02"}}""".formatted(h.get(1))) + ","
                + visit(uuid(), h.get(0), "VISITED", """
                {"personId":%d,"result":"CORRECTED","corrections":{"status":"DECEASED"}}""".formatted(h.get(1))) + ","
                + visit("not-a-uuid", h.get(0), "MAYBE", "") + "]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.<String>json("$[0].state")).isEqualTo("REJECTED");
        assertThat(r.<List<String>>json("$[0].errors[*].field")).contains("persons[0].phone");
        assertThat(r.<List<String>>json("$[0].errors[*].rule")).contains("phone");
        assertThat(r.<String>json("$[0].errors[0].message")).contains("电话");
        assertThat(r.<List<String>>json("$[1].errors[*].field")).containsExactly("persons[0].corrections.status");
        assertThat(r.<List<String>>json("$[2].errors[*].field")).contains("clientId", "outcome");
        assertThat(person((Long) h.get(1))).containsEntry("phone", "13800000000").containsEntry("version", 0);
        assertThat(office.get("/api/v1/verification-rounds/" + round).<Integer>json("$.visited")).isZero();
    }

    @Test
    void aResendNeverAppliesTwiceEvenAtOnce() throws Exception {
        List<Object> h = household(VILLAGE, GRID1, "测试村7组1号", "蒋重");
        long round = plan(VILLAGE);
        String path = "/api/v1/verification-rounds/" + round + "/visits";
        String body = "[" + visit(uuid(), h.get(0), "VISITED", """
                {"personId":%d,"result":"CORRECTED","corrections":{"phone":"13700000001"}}""".formatted(h.get(1))) + "]";
        assertThat(grid1.post(path, body).<String>json("$[0].state")).isEqualTo("APPLIED");
        assertThat(grid1.post(path, body).<String>json("$[0].state")).isEqualTo("ALREADY_APPLIED");
        assertThat(version((Long) h.get(1))).isEqualTo(1);

        // eight phones' worth of the same new visit at once: one applies it
        String again = "[" + visit(uuid(), h.get(0), "VISITED", """
                {"personId":%d,"result":"CORRECTED","version":1,"corrections":{"phone":"13700000002"}}""".formatted(h.get(1))) + "]";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> states = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<String> send = () -> grid1.post(path, again).json("$[0].state");
                states.add(pool.submit(send));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> f : states) {
                answers.add(f.get());
            }
            assertThat(answers).containsOnly("APPLIED", "ALREADY_APPLIED");
            assertThat(answers).filteredOn("APPLIED"::equals).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(version((Long) h.get(1))).isEqualTo(2);
        List<Map<String, Object>> changes = office.get("/api/v1/verification-rounds/" + round + "/changes").json("$.items");
        assertThat(changes).filteredOn(c -> ((Number) c.get("personId")).longValue() == (Long) h.get(1)).hasSize(2);
    }

    @Test
    void aPersonChangedSinceTheWorklistIsRefusedWithTheCurrentRecord() {
        List<Object> h = household(VILLAGE, GRID1, "测试村8组1号", "沈旧");
        long round = plan(VILLAGE);
        int read = grid1.get("/api/v1/verification-rounds/" + round + "/worklist?area=" + GRID1)
                .<List<Integer>>json("$[?(@.householdNo == '" + h.get(0) + "')].persons[0].version").get(0);
        Map<String, Object> p = person((Long) h.get(1));
        p.put("phone", "13600000000");
        assertThat(admin.put("/api/v1/persons/" + h.get(1), json(p)).status()).isEqualTo(200);

        Api.Response r = grid1.post("/api/v1/verification-rounds/" + round + "/visits", "[" + visit(uuid(), h.get(0), "VISITED", """
                {"personId":%d,"result":"CORRECTED","version":%d,"corrections":{"phone":"13500000000"}}"""
                .formatted(h.get(1), read)) + "]");
        assertThat(r.<String>json("$[0].state")).as(r.body()).isEqualTo("REJECTED");
        assertThat(r.<String>json("$[0].errors[0].field")).isEqualTo("persons[0].version");
        assertThat(r.<String>json("$[0].errors[0].message")).contains("已被他人修改");
        assertThat(r.<String>json("$[0].current.phone")).isEqualTo("13600000000");
        assertThat(r.<Integer>json("$[0].current.version")).isEqualTo(read + 1);
        assertThat(r.<String>json("$[0].current.idNumber")).matches("430105\\*{12}");
        assertThat(person((Long) h.get(1))).containsEntry("phone", "13600000000");
        assertThat(office.get("/api/v1/verification-rounds/" + round).<Integer>json("$.visited")).as("rolled back").isZero();
    }

    @Test
    void aNewPersonWhoIsProbablyInTheRegisterIsRefusedWithTheCandidates() {
        List<Object> h = household(VILLAGE, GRID1, "测试村9组1号", "韩重复");
        Map<String, Object> existing = person((Long) h.get(1));
        long round = plan(VILLAGE);
        String newPerson = """
                {"result":"NEW","person":{"name":"韩重复","sex":"%s","birthDate":"%s","relation":"10","hukouCode":"430105"}%s}""";
        Api.Response r = grid1.post("/api/v1/verification-rounds/" + round + "/visits", "[" + visit(uuid(), h.get(0), "VISITED",
                newPerson.formatted(existing.get("sex"), existing.get("birthDate"), "")) + "]");
        assertThat(r.<String>json("$[0].state")).as(r.body()).isEqualTo("REJECTED");
        assertThat(r.<List<Integer>>json("$[0].candidates[*].personId")).contains(((Long) h.get(1)).intValue());

        Api.Response again = grid1.post("/api/v1/verification-rounds/" + round + "/visits", "[" + visit(uuid(), h.get(0), "VISITED",
                newPerson.formatted(existing.get("sex"), existing.get("birthDate"), ",\"notDuplicateOf\":[" + h.get(1) + "]")) + "]");
        assertThat(again.<String>json("$[0].state")).as(again.body()).isEqualTo("APPLIED");
    }

    @Test
    void theOfficeListsARoundsChangesAndUndoesOne() {
        List<Object> h = household(VILLAGE, GRID1, "测试村10组1号", "杨撤", "朱故");
        long round = plan(VILLAGE);
        String path = "/api/v1/verification-rounds/" + round;
        assertThat(grid1.post(path + "/visits", "[" + visit(uuid(), h.get(0), "VISITED", """
                {"personId":%d,"result":"CORRECTED","corrections":{"phone":"13311112222"}},
                {"personId":%d,"result":"DECEASED","diedOn":"%s"}""".formatted(h.get(1), h.get(2), today)) + "]")
                .<String>json("$[0].state")).isEqualTo("APPLIED");
        List<Map<String, Object>> changes = office.get(path + "/changes").json("$.items");
        Map<String, Object> phone = changes.stream().filter(c -> "CORRECTED".equals(c.get("result"))).findFirst().orElseThrow();
        assertThat(phone.get("fields")).isEqualTo(Map.of("phone", List.of("13800000000", "13311112222")));
        Map<String, Object> died = changes.stream().filter(c -> "DECEASED".equals(c.get("result"))).findFirst().orElseThrow();

        assertThat(grid1.post(path + "/changes/" + phone.get("id") + "/undo", "").status()).as("the office's work").isEqualTo(403);
        assertThat(office.post(path + "/changes/" + phone.get("id") + "/undo", "").status()).isEqualTo(204);
        assertThat(person((Long) h.get(1))).containsEntry("phone", "13800000000");
        List<Map<String, Object>> history = admin.get("/api/v1/persons/" + h.get(1) + "/history").json("$");
        assertThat(history).filteredOn(c -> "phone".equals(c.get("field"))).hasSize(2);
        assertThat(office.post(path + "/changes/" + phone.get("id") + "/undo", "").status()).isEqualTo(409);

        assertThat(office.post(path + "/changes/" + died.get("id") + "/undo", "").status()).isEqualTo(204);
        assertThat(person((Long) h.get(2))).containsEntry("status", "REGISTERED").containsEntry("diedOn", null);
        assertThat(office.get(path + "/changes").<List<String>>json("$.items[*].undoneBy")).containsOnly("county");
    }

    @Test
    void theFiguresFollowTheFormulasForRoundVillageGridAndTown() {
        String town = TestData.town(admin, "602");
        String village = town + "001";
        String grid = village + "001";
        account("grid602a", grid);
        Api worker = Api.as(port, "grid602a", "grid602apw");
        List<Object> a = household(village, grid, "A1", "甲一", "甲二", "甲三");
        List<Object> b = household(village, grid, "B1", "乙一", "乙二");
        List<Object> c = household(village, grid, "C1", "丙一");
        List<Object> d = household(town + "002", null, "D1", "丁一");
        long round = plan(town);
        String path = "/api/v1/verification-rounds/" + round;
        Api.Response r = worker.post(path + "/visits", "[" + visit(uuid(), a.get(0), "VISITED", """
                {"personId":%d,"result":"CORRECT"},{"personId":%d,"result":"CORRECTED","corrections":{"phone":"13100000000"}},
                {"personId":%d,"result":"NOT_LIVING_HERE","movedTo":"WITHIN_TOWN"},
                {"result":"NEW","person":{"name":"甲新","sex":"1","birthDate":"2000-05-05","relation":"20","hukouCode":"430105"}}"""
                .formatted(a.get(1), a.get(2), a.get(3))) + "," + visit(uuid(), b.get(0), "VISITED", """
                {"personId":%d,"result":"CORRECT"},{"personId":%d,"result":"DECEASED","diedOn":"%s"}"""
                .formatted(b.get(1), b.get(2), today)) + "," + visit(uuid(), c.get(0), "REFUSED", "") + "]");
        assertThat(r.<List<String>>json("$[*].state")).as(r.body()).containsOnly("APPLIED");

        // found = 2 correct + 1 corrected + 1 new = 4; inRegister 3; checked = 2 + 1 + 1 + 1 = 5; correct 2
        Map<String, Object> f = office.get(path).json("$");
        assertThat(f).containsEntry("households", 4).containsEntry("visited", 2).containsEntry("refused", 1)
                .containsEntry("notVisited", 1).containsEntry("found", 4).containsEntry("inRegister", 3)
                .containsEntry("checked", 5).containsEntry("correct", 2);
        assertThat(f.get("coverage")).isEqualTo(75.0);
        assertThat(f.get("accuracy")).isEqualTo(40.0);

        Map<String, List<Map<String, Object>>> progress = office.get(path + "/progress").json("$");
        Map<String, Object> villageLine = progress.get(village).get(0);
        assertThat(villageLine).containsEntry("areaCode", village);
        assertThat((Map<String, Object>) villageLine.get("figures")).containsEntry("households", 3).containsEntry("found", 4);
        assertThat(progress.get(village)).anySatisfy(g -> assertThat(g).containsEntry("areaCode", grid));
        Map<String, Object> idle = progress.get(town + "002").get(0);
        assertThat((Map<String, Object>) idle.get("figures")).containsEntry("started", false).containsEntry("households", 1);

        String period = today.minusDays(1) + ".." + today.plusDays(40);
        List<Map<String, Object>> indicators = office.get("/api/v1/indicators?area=" + town + "&period=" + period).json("$");
        assertThat(indicators).anySatisfy(i -> assertThat(i).containsEntry("code", "REGISTER_COVERAGE")
                .containsEntry("numerator", 3).containsEntry("denominator", 4));
        assertThat(indicators).anySatisfy(i -> assertThat(i).containsEntry("code", "REGISTER_ACCURACY")
                .containsEntry("numerator", 2).containsEntry("denominator", 5));
    }

    private static String json(Map<String, Object> map) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(map);
    }
}
