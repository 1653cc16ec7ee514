package org.renkou.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

/** Visits exact to the fen, allowances from eligibility to a bank file, and never a month paid twice. */
@RenkouTest
class SupportApiTest {
    private static final String TOWN = "430105218";
    private static final String VILLAGE = TOWN + "001";
    private static final LocalDate TODAY = Dates.today();

    @LocalServerPort
    int port;
    Api officer;
    Api admin;

    @BeforeEach
    void town() {
        officer = Api.as(port, "county", "county123"); // the test towns are beside the demo town, in its county
        admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "218");
    }

    private Map<String, Object> person(String name, String sex, LocalDate birth) {
        Api.Response r = officer.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, sex), name, sex, birth, VILLAGE, null, ""));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json("$");
    }

    /** A person of another's household, as its child (20 son, 30 daughter) or spouse (10). */
    private Map<String, Object> member(Map<String, Object> of, String name, String sex, LocalDate birth, String relation) {
        String json = TestData.person(TestData.idNumber(birth, sex), name, sex, birth, VILLAGE, null, "")
                .replaceFirst("\"householdNo\":\"[^\"]*\"", "\"householdNo\":\"" + of.get("householdNo") + "\"")
                .replace("\"relation\":\"02\"", "\"relation\":\"" + relation + "\"");
        Api.Response r = officer.post("/api/v1/persons", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json("$");
    }

    @Test
    void aVisitKeepsItsCashToTheFenAndItsGoods() {
        int household = officer.get("/api/v1/persons/" + person("慰问户主", "1", LocalDate.of(1950, 1, 1)).get("id")).json("$.householdId");
        String period = TODAY.minusDays(1) + ".." + TODAY;
        Api.Response v = officer.post("/api/v1/support/visits", "{\"householdId\":" + household + ",\"visitedOn\":\"" + TODAY
                + "\",\"giver\":\"TOWN\",\"giverName\":\"测试镇政府\",\"cashYuan\":\"250.55\",\"goods\":[{\"item\":\"食用油\","
                + "\"quantity\":2,\"unit\":\"瓶\"},{\"item\":\"大米\",\"quantity\":1,\"unit\":\"袋\"}]}");
        assertThat(v.status()).as(v.body()).isEqualTo(201);
        assertThat(v.<Integer>json("$.cashFen")).isEqualTo(25_055);
        assertThat(v.<List<String>>json("$.goods[*].item")).containsExactly("大米", "食用油");
        Api.Response totals = officer.get("/api/v1/support/totals?area=" + TOWN + "&period=" + period);
        assertThat(totals.<Integer>json("$[0].cashFen")).isEqualTo(25_055);
        assertThat(totals.<Integer>json("$[0].households")).isEqualTo(1);
        Api.Response figure = officer.get("/api/v1/indicators?area=" + TOWN + "&period=" + period + "&codes=SUPPORT_TOWN_CASH,GOODS_OIL");
        assertThat(figure.<Integer>json("$[0].numerator")).isEqualTo(25_055);
        assertThat(figure.<Integer>json("$[1].value")).isEqualTo(2);

        Api.Response bad = officer.inLanguage("en").post("/api/v1/support/visits", "{\"householdId\":" + household + ",\"visitedOn\":\""
                + TODAY + "\",\"giver\":\"TOWN\",\"giverName\":\"x\",\"cashYuan\":\"12.345\",\"goods\":[{\"item\":\"猪肉\",\"quantity\":2}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.<List<String>>json("$.errors[*].field")).containsExactlyInAnyOrder("cashYuan", "goods");
        assertThat(bad.<String>json("$.errors[0].message")).contains("12.345");
    }

    @Test
    void theChildcareSubsidyIsEligibleUntilTheThirdBirthdayAndPaysEachMonthOnce() {
        Map<String, Object> turnsThreeToday = person("三岁整", "1", TODAY.minusYears(3));
        Map<String, Object> father = person("补贴爸爸", "1", LocalDate.of(1990, 6, 1));
        Map<String, Object> child = member(father, "补贴宝宝", "2", TODAY.minusYears(3).plusDays(11), "30");
        long programme = officer.get("/api/v1/support/programmes").<List<Integer>>json("$[?(@.code == 'CHILDCARE')].id").get(0);
        List<Integer> eligible = officer.get("/api/v1/support/programmes/" + programme + "/eligible?area=" + TOWN).json("$.items[*].personId");
        assertThat(eligible).contains((Integer) child.get("id")).doesNotContain((Integer) turnsThreeToday.get("id"));
        assertThat(officer.post("/api/v1/support/programmes/" + programme + "/applications",
                "{\"beneficiaryId\":" + turnsThreeToday.get("id") + ",\"bankAccount\":\"6217000012345678\"}").<String>json("$.errors[0].rule"))
                .isEqualTo("notEligible");

        Api.Response applied = officer.post("/api/v1/support/programmes/" + programme + "/applications",
                "{\"beneficiaryId\":" + child.get("id") + ",\"applicantIdNumber\":\"" + father.get("idNumber")
                        + "\",\"bankAccount\":\"6217 0000 1234 5678\"}");
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        int application = applied.json("$.id");
        assertThat(applied.<String>json("$.reasons")).contains("未满3周岁");
        assertThat(officer.post("/api/v1/support/programmes/" + programme + "/applications",
                "{\"beneficiaryId\":" + child.get("id") + ",\"applicantId\":" + father.get("id")
                        + ",\"bankAccount\":\"6217000012345678\"}").status()).isEqualTo(409);
        assertThat(officer.post("/api/v1/support/applications/" + application + "/approve", "{}").status())
                .as("approval needs a review first").isEqualTo(409);
        assertThat(officer.post("/api/v1/support/applications/" + application + "/review", "{}").<String>json("$.state")).isEqualTo("REVIEWED");
        assertThat(officer.post("/api/v1/support/applications/" + application + "/approve", "{}").status())
                .as("not by the reviewer").isEqualTo(403);
        assertThat(admin.post("/api/v1/support/applications/" + application + "/approve", "{}").<String>json("$.state")).isEqualTo("APPROVED");

        // born 3 years less 11 days ago: due from its birth month for 36 months, not before 2025-01, not after this month
        LocalDate born = TODAY.minusYears(3).plusDays(11);
        LocalDate firstDue = born.withDayOfMonth(1).isBefore(LocalDate.of(2025, 1, 1)) ? LocalDate.of(2025, 1, 1) : born.withDayOfMonth(1);
        LocalDate lastDue = born.withDayOfMonth(1).plusMonths(35).isAfter(TODAY) ? TODAY.withDayOfMonth(1) : born.withDayOfMonth(1).plusMonths(35);
        long months = java.time.temporal.ChronoUnit.MONTHS.between(firstDue, lastDue) + 1;
        String range = "{\"firstMonth\":\"2024-01-01\",\"lastMonth\":\"" + TODAY + "\"}";
        Api.Response batch = officer.post("/api/v1/support/programmes/" + programme + "/batches", range);
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        List<Map<String, Object>> lines = officer.get("/api/v1/support/programmes/" + programme + "/batches").json("$[?(@.id == " + batch.json("$.id") + ")]");
        assertThat(((Number) lines.get(0).get("totalFen")).longValue()).as("other approved children may share the batch")
                .isGreaterThanOrEqualTo(months * 30_000);
        String bankFile = new String(officer.download("/api/v1/support/batches/" + batch.json("$.id") + "/bank-file"), StandardCharsets.UTF_8);
        assertThat(bankFile).as("the applicant is the payee, never the infant").contains("补贴爸爸")
                .contains((String) father.get("idNumber")).doesNotContain("补贴宝宝").doesNotContain((String) child.get("idNumber"))
                .contains("6217000012345678").contains(String.valueOf(months * 300) + ".00");

        Api.Response again = officer.post("/api/v1/support/programmes/" + programme + "/batches", range);
        assertThat(again.status()).as("a re-run pays nothing twice").isEqualTo(400);
        assertThat(again.<String>json("$.errors[0].rule")).isEqualTo("nothingToPay");
        Api.Response overlapping = officer.post("/api/v1/support/programmes/" + programme + "/batches",
                "{\"firstMonth\":\"" + lastDue.minusMonths(2) + "\",\"lastMonth\":\"" + lastDue + "\"}");
        assertThat(overlapping.status()).isEqualTo(400);
        assertThat(Api.as(port, "cadre", "cadre123").post("/api/v1/support/programmes/" + programme + "/batches", range).status())
                .as("batches are the town office's").isEqualTo(403);
    }

    @Test
    void theSpecialAssistancePaysTheUrbanAmountInACommunity() {
        LocalDate birth = TODAY.minusYears(55);
        Api.Response m = officer.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "2"), "社区特扶", "2", birth,
                TOWN + "002", null, ""));
        int mother = m.json("$.id");
        officer.post("/api/v1/health/women/" + mother + "/births", "{\"sex\":\"1\",\"birthDate\":\"1995-05-05\"}");
        long disabled = officer.get("/api/v1/support/programmes").<List<Integer>>json("$[?(@.code == 'SPECIAL_DISABLED')].id").get(0);
        Api.Response applied = officer.post("/api/v1/support/programmes/" + disabled + "/applications",
                "{\"beneficiaryId\":" + mother + ",\"bankAccount\":\"6217000099990000\"}");
        assertThat(applied.<String>json("$.reasons")).contains("残疾证明");
        int id = applied.json("$.id");
        officer.post("/api/v1/support/applications/" + id + "/review", "{\"note\":\"已核验三级残疾证\"}");
        admin.post("/api/v1/support/applications/" + id + "/approve", "{}");
        String month = "\"" + TODAY.withDayOfMonth(1) + "\"";
        Api.Response batch = officer.post("/api/v1/support/programmes/" + disabled + "/batches",
                "{\"firstMonth\":" + month + ",\"lastMonth\":" + month + "}");
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        String bankFile = new String(officer.download("/api/v1/support/batches/" + batch.json("$.id") + "/bank-file"), StandardCharsets.UTF_8);
        assertThat(bankFile).as("a community is urban: ¥500 a month, not the rural ¥460").contains("社区特扶").contains("500.00");
    }

    @Test
    void anAdministratorChangesAProgrammesAmounts() {
        long reward = officer.get("/api/v1/support/programmes").<List<Integer>>json("$[?(@.code == 'REWARD')].id").get(0);
        String body = "{\"name\":\"农村部分计划生育家庭奖励扶助\",\"monthlyYuan\":\"%s\",\"validFrom\":\"2012-01-01\"}";
        assertThat(officer.put("/api/v1/support/programmes/" + reward, body.formatted("100")).status()).isEqualTo(403);
        assertThat(admin.put("/api/v1/support/programmes/" + reward, body.formatted("1.234")).<String>json("$.errors[0].field"))
                .isEqualTo("monthlyYuan");
        try {
            assertThat(admin.put("/api/v1/support/programmes/" + reward, body.formatted("100.50")).<Integer>json("$.amountFen"))
                    .isEqualTo(10_050);
        } finally {
            admin.put("/api/v1/support/programmes/" + reward, body.formatted("80"));
        }
    }

    @Test
    void theRewardAssistanceReadsTheMothersChildren() {
        Map<String, Object> mother = person("奖扶母亲", "2", TODAY.minusYears(61));
        officer.post("/api/v1/health/women/" + mother.get("id") + "/births", "{\"sex\":\"1\",\"birthDate\":\"1990-03-03\"}");
        Map<String, Object> two = person("两孩母亲", "2", TODAY.minusYears(62));
        officer.post("/api/v1/health/women/" + two.get("id") + "/births", "{\"sex\":\"1\",\"birthDate\":\"1988-03-03\"}");
        officer.post("/api/v1/health/women/" + two.get("id") + "/births", "{\"sex\":\"2\",\"birthDate\":\"1991-03-03\"}");
        long reward = officer.get("/api/v1/support/programmes").<List<Integer>>json("$[?(@.code == 'REWARD')].id").get(0);
        Api.Response eligible = officer.get("/api/v1/support/programmes/" + reward + "/eligible?area=" + TOWN);
        assertThat(eligible.<List<Integer>>json("$.items[*].personId")).contains((Integer) mother.get("id")).doesNotContain((Integer) two.get("id"));
        assertThat(eligible.<List<String>>json("$.items[?(@.personId == " + mother.get("id") + ")].reasons").get(0)).contains("只有一个子女");
    }

    @Test
    void theChildcareSubsidyIsAppliedForByAParentOrGuardian() {
        Map<String, Object> mother = person("申请妈妈", "2", LocalDate.of(1995, 2, 3));
        Map<String, Object> child = member(mother, "申请宝宝", "1", TODAY.minusMonths(5), "20");
        Map<String, Object> stranger = person("旁人", "1", LocalDate.of(1980, 1, 1));
        long programme = officer.get("/api/v1/support/programmes").<List<Integer>>json("$[?(@.code == 'CHILDCARE')].id").get(0);
        String path = "/api/v1/support/programmes/" + programme + "/applications";
        Api.Response none = officer.post(path, "{\"beneficiaryId\":" + child.get("id") + ",\"bankAccount\":\"6217000012340000\"}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.<String>json("$.errors[0].field")).isEqualTo("applicantIdNumber");
        assertThat(none.<String>json("$.errors[0].message")).contains("父母或监护人");
        Api.Response other = officer.post(path, "{\"beneficiaryId\":" + child.get("id") + ",\"applicantId\":" + stranger.get("id")
                + ",\"bankAccount\":\"6217000012340000\"}");
        assertThat(other.<String>json("$.errors[0].rule")).isEqualTo("applicantNotGuardian");
        Api.Response itself = officer.post(path, "{\"beneficiaryId\":" + child.get("id") + ",\"applicantId\":" + child.get("id")
                + ",\"bankAccount\":\"6217000012340000\"}");
        assertThat(itself.<String>json("$.errors[0].rule")).isEqualTo("applicantNotGuardian");
        Api.Response applied = officer.post(path, "{\"beneficiaryId\":" + child.get("id") + ",\"applicantId\":" + mother.get("id")
                + ",\"bankAccount\":\"6217000012340000\"}");
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.<Integer>json("$.applicantId")).isEqualTo(mother.get("id"));
        assertThat(applied.<String>json("$.applicantName")).isEqualTo("申请妈妈");
    }

    @Test
    void theRuralRewardAssistanceLeavesOutCommunities() {
        LocalDate birth = TODAY.minusYears(63);
        Api.Response urban = officer.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "2"), "社区奖扶", "2", birth,
                TOWN + "002", null, ""));
        int id = urban.json("$.id");
        officer.post("/api/v1/health/women/" + id + "/births", "{\"sex\":\"1\",\"birthDate\":\"1985-03-03\"}");
        Map<String, Object> rural = person("农村奖扶", "2", birth);
        officer.post("/api/v1/health/women/" + rural.get("id") + "/births", "{\"sex\":\"1\",\"birthDate\":\"1985-03-03\"}");
        long reward = officer.get("/api/v1/support/programmes").<List<Integer>>json("$[?(@.code == 'REWARD')].id").get(0);
        List<Integer> eligible = officer.get("/api/v1/support/programmes/" + reward + "/eligible?area=" + TOWN).json("$.items[*].personId");
        assertThat(eligible).contains((Integer) rural.get("id")).doesNotContain(id);
        assertThat(officer.post("/api/v1/support/programmes/" + reward + "/applications",
                "{\"beneficiaryId\":" + id + ",\"bankAccount\":\"6217000012340001\"}").<String>json("$.errors[0].rule"))
                .isEqualTo("notEligible");
    }

    @Test
    void theEligibleListPagesWithItsTrueTotal() {
        long childcare = officer.get("/api/v1/support/programmes").<List<Integer>>json("$[?(@.code == 'CHILDCARE')].id").get(0);
        Api.Response page = officer.get("/api/v1/support/programmes/" + childcare + "/eligible?area=430105100&size=10&page=1");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.<Integer>json("$.total")).as("the demo town's children under 3").isGreaterThanOrEqualTo(48);
        assertThat(page.<List<Integer>>json("$.items[*].personId")).hasSize(10);
        assertThat(page.<Integer>json("$.page")).isEqualTo(1);
        int everywhere = officer.get("/api/v1/support/programmes/" + childcare + "/eligible?size=1").json("$.total");
        String web = officer.get("/support/allowances?programme=" + childcare).body();
        assertThat(web).as("the page lists the user's whole area").contains("id=\"eligible-total\"")
                .contains("共 " + everywhere + " 条");
    }

    @Test
    void goodsGivenAsCodesCountInTheGoodsFigures() {
        String town = TestData.town(admin, "232");
        Api.Response head = officer.post("/api/v1/persons", TestData.person(TestData.idNumber(LocalDate.of(1950, 2, 2), "1"), "物资户",
                "1", LocalDate.of(1950, 2, 2), town + "001", null, ""));
        int household = officer.get("/api/v1/persons/" + head.<Integer>json("$.id")).json("$.householdId");
        Api.Response v = officer.post("/api/v1/support/visits", "{\"householdId\":" + household + ",\"visitedOn\":\"" + TODAY
                + "\",\"giver\":\"TOWN\",\"giverName\":\"测试镇政府\",\"cashYuan\":\"0\",\"goods\":[{\"item\":\"OIL\","
                + "\"quantity\":2,\"unit\":\"瓶\"},{\"item\":\"食用油\",\"quantity\":1,\"unit\":\"瓶\"},"
                + "{\"item\":\"rice\",\"quantity\":4,\"unit\":\"袋\"}]}");
        assertThat(v.status()).as(v.body()).isEqualTo(201);
        assertThat(v.<List<String>>json("$.goods[*].item")).containsExactlyInAnyOrder("食用油", "大米");
        Api.Response figure = officer.get("/api/v1/indicators?area=" + town + "&period=" + TODAY + ".." + TODAY
                + "&codes=GOODS_OIL,GOODS_RICE");
        assertThat(figure.<List<Integer>>json("$[*].numerator")).containsExactly(3, 4);
    }
}
