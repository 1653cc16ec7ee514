package org.renkou.health;

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
import org.renkou.access.Role;
import org.renkou.access.AccessService;
import org.renkou.access.SystemPrincipal;
import org.renkou.access.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Women, contraception, campaigns with roster, results and absentees, births and policy rules, through the API. */
@RenkouTest
class HealthApiTest {
    private static final String TOWN = "430105211";
    private static final String VILLAGE = TOWN + "001";
    private static final String GRID = VILLAGE + "001";
    private static final String COMMUNITY = TOWN + "002";
    private static final LocalDate TODAY = Dates.today();

    @LocalServerPort
    int port;
    Api admin;
    Api officer;
    Api clinic;

    @Autowired
    UserService users;
    @Autowired
    AccessService access;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "admin123");
        officer = Api.as(port, "county", "county123"); // the test towns are beside the demo town, in its county
        for (String t : List.of("211", "212", "213")) {
            TestData.town(admin, t);
        }
        if (users.find("clinic211").isEmpty()) {
            access.runAs(SystemPrincipal.FIRST_ADMINISTRATOR, () -> users.create("clinic211", "测试卫生院", Role.CLINIC,
                    List.of("430105211", "430105212", "430105213"), "clinic211pw"));
        }
        clinic = Api.as(port, "clinic211", "clinic211pw");
    }

    /** A woman of the test town; {@code marital} 20 married, 10 never married. */
    private int woman(String name, int age, String marital, String village, String status) {
        LocalDate birth = TODAY.minusYears(age).minusDays(40);
        String json = TestData.person(TestData.idNumber(birth, "2"), name, "2", birth, village, village.equals(VILLAGE) ? GRID : null,
                        status.equals("INFLOW") ? ",\"arrivedOn\":\"" + TODAY.minusYears(1) + "\"" : "")
                .replace("\"maritalStatus\":\"20\"", "\"maritalStatus\":\"" + marital + "\"")
                .replace("\"status\":\"REGISTERED\"", "\"status\":\"" + status + "\"")
                .replace("\"hukouCode\":\"430105\"", "\"hukouCode\":\"" + (status.equals("INFLOW") ? "430121" : "430105") + "\"");
        Api.Response r = admin.post("/api/v1/persons", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json("$.id");
    }

    @Test
    void theRegisterOfWomenListsMarriedWraOfTheAreaFloatingWomenIncluded() {
        String town = "430105212";
        int married = wommanIn(town, "已婚甲", 30, "20", "REGISTERED");
        int single = wommanIn(town, "未婚乙", 25, "10", "REGISTERED");
        int old = wommanIn(town, "已婚丙", 50, "20", "REGISTERED");
        int floating = wommanIn(town, "流入丁", 28, "20", "INFLOW");
        Api.Response all = clinic.get("/api/v1/health/women?area=" + town + "&size=100");
        assertThat(ids(all)).containsExactlyInAnyOrder(married, single, floating);
        Api.Response marriedOnly = clinic.get("/api/v1/health/women?married=true&area=" + town);
        assertThat(ids(marriedOnly)).containsExactlyInAnyOrder(married, floating);
        assertThat(marriedOnly.<String>json("$.items[0].maskedIdNumber")).contains("********");
        assertThat(ids(marriedOnly)).doesNotContain(old, single);
    }

    private int wommanIn(String town, String name, int age, String marital, String status) {
        LocalDate birth = TODAY.minusYears(age).minusDays(40);
        String json = TestData.person(TestData.idNumber(birth, "2"), name, "2", birth, town + "002", null,
                        status.equals("INFLOW") ? ",\"arrivedOn\":\"" + TODAY.minusYears(1) + "\"" : "")
                .replace("\"maritalStatus\":\"20\"", "\"maritalStatus\":\"" + marital + "\"")
                .replace("\"status\":\"REGISTERED\"", "\"status\":\"" + status + "\"");
        Api.Response r = admin.post("/api/v1/persons", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json("$.id");
    }

    private static List<Integer> ids(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json("$.items[*].personId");
    }

    @Test
    void aNewMeasureEndsTheOneInForceAndBadInputNamesTheField() {
        int w = woman("措施甲", 32, "20", VILLAGE, "REGISTERED");
        Api.Response iud = clinic.post("/api/v1/health/women/" + w + "/contraception",
                "{\"method\":\"IUD\",\"startedOn\":\"" + TODAY.minusYears(2) + "\",\"provider\":\"卫生院\"}");
        assertThat(iud.status()).as(iud.body()).isEqualTo(201);
        Api.Response both = clinic.inLanguage("en").post("/api/v1/health/women/" + w + "/contraception",
                "{\"method\":\"IUD\",\"noMethodReason\":\"PREGNANT\",\"startedOn\":\"" + TODAY + "\"}");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.<String>json("$.errors[0].field")).isEqualTo("method");
        assertThat(both.<String>json("$.errors[0].rule")).isEqualTo("methodOrReason");
        assertThat(both.<String>json("$.errors[0].message")).startsWith("Method:");
        Api.Response earlier = clinic.post("/api/v1/health/women/" + w + "/contraception",
                "{\"method\":\"PILL\",\"startedOn\":\"" + TODAY.minusYears(3) + "\"}");
        assertThat(earlier.<String>json("$.errors[0].rule")).isEqualTo("notBeforeCurrent");
        assertThat(clinic.post("/api/v1/health/women/" + w + "/contraception",
                "{\"noMethodReason\":\"PREGNANT\",\"startedOn\":\"" + TODAY.minusDays(10) + "\"}").status()).isEqualTo(201);
        Api.Response page = clinic.get("/api/v1/health/women/" + w);
        assertThat(page.<List<String>>json("$.contraception[*].noMethodReason")).containsExactly("PREGNANT", null);
        assertThat(page.<String>json("$.contraception[1].endedOn")).isEqualTo(TODAY.minusDays(10).toString());
        assertThat(page.<String>json("$.current.noMethodReason")).isEqualTo("PREGNANT");
    }

    @Test
    void onlyHealthRolesReadOrWriteHealthRecords() {
        int w = woman("权限甲", 30, "20", VILLAGE, "REGISTERED");
        assertThat(Api.as(port, "police", "police123").get("/api/v1/health/women/" + w).status()).isEqualTo(403);
        assertThat(Api.as(port, "supervisor", "super123").get("/api/v1/health/women").status()).isEqualTo(403);
        assertThat(Api.as(port, "grid", "grid1234").post("/api/v1/health/women/" + w + "/contraception",
                "{\"method\":\"IUD\",\"startedOn\":\"" + TODAY + "\"}").status()).isEqualTo(403);
        assertThat(Api.as(port, "cadre", "cadre123").get("/api/v1/health/women/" + w).status())
                .as("a cadre of another village").isEqualTo(404);
        assertThat(clinic.post("/api/v1/health/campaigns", "{}").status()).as("campaigns are the town office's").isEqualTo(403);
    }

    @Test
    void aCampaignRostersMarriedWraOnItsStartDateAndFollowsUpAbsentees() throws java.io.IOException {
        String town = "430105213";
        int a = wommanIn(town, "查环甲", 30, "20", "REGISTERED");
        int b = wommanIn(town, "查环乙", 35, "20", "INFLOW");
        wommanIn(town, "查环丙", 22, "10", "REGISTERED");
        Api.Response bad = officer.post("/api/v1/health/campaigns", "{\"name\":\"\",\"kinds\":[],\"startsOn\":\"" + TODAY
                + "\",\"endsOn\":\"" + TODAY.minusDays(1) + "\",\"areaCodes\":[\"430105999\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.<List<String>>json("$.errors[*].field")).contains("name", "kinds", "endsOn", "areaCodes");
        Api.Response running = officer.post("/api/v1/health/campaigns", campaign("春季三查", TODAY.minusDays(3), TODAY.plusDays(3), town));
        assertThat(running.status()).as(running.body()).isEqualTo(201);
        int id = running.json("$.id");
        assertThat(running.<Integer>json("$.roster")).isEqualTo(2);
        assertThat(clinic.get("/api/v1/health/campaigns/" + id + "/lookup?q=查环").<List<Integer>>json("$[*].personId"))
                .containsExactlyInAnyOrder(a, b);
        Api.Response entered = clinic.post("/api/v1/health/campaigns/" + id + "/results",
                "{\"personId\":" + a + ",\"result\":\"NORMAL\"}");
        assertThat(entered.status()).as(entered.body()).isEqualTo(200);
        assertThat(entered.<String>json("$.checkedOn")).isEqualTo(TODAY.toString());
        assertThat(clinic.post("/api/v1/health/campaigns/" + id + "/results", "{\"personId\":" + b
                + ",\"result\":\"NORMAL\",\"checkedOn\":\"" + TODAY.minusDays(10) + "\"}").<String>json("$.errors[0].rule"))
                .isEqualTo("withinCampaign");
        assertThat(clinic.get("/api/v1/health/campaigns/" + id).<Double>json("$.rate")).isEqualTo(50.0);
        byte[] pdf = clinic.download("/api/v1/health/campaigns/" + id + "/roster.pdf?village=" + town + "002");
        String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains("春季三查").contains("查环甲").contains("查环乙").contains("正常");
        Api.Response rate = officer.get("/api/v1/indicators?area=" + town + "&period=" + TODAY.minusDays(3) + ".." + TODAY.plusDays(3)
                + "&codes=CHECK_RATE");
        assertThat(rate.<Integer>json("$[0].numerator")).isEqualTo(1);
        assertThat(rate.<Integer>json("$[0].denominator")).isEqualTo(2);

        Api.Response ended = officer.post("/api/v1/health/campaigns", campaign("秋季三查", TODAY.minusDays(30), TODAY.minusDays(20), town));
        int past = ended.json("$.id");
        assertThat(clinic.post("/api/v1/health/campaigns/" + past + "/results", "{\"personId\":" + a
                + ",\"result\":\"IUD_IN_PLACE\",\"checkedOn\":\"" + TODAY.minusDays(25) + "\"}").status()).isEqualTo(200);
        Api.Response all = officer.get("/api/v1/health/tasks");
        List<Map<String, Object>> tasks = all.json("$[?(@.campaignId == " + past + ")]");
        assertThat(tasks).as(all.body()).extracting(t -> t.get("personId")).containsExactly(b);
        Api.Response closed = officer.post("/api/v1/health/campaigns/" + past + "/followups/" + b,
                "{\"outcome\":\"CHECKED_ELSEWHERE\",\"note\":\"在深圳已查\"}");
        assertThat(closed.<String>json("$.followupOutcome")).isEqualTo("CHECKED_ELSEWHERE");
        assertThat(officer.get("/api/v1/health/tasks").<List<Object>>json("$[?(@.campaignId == " + past + ")]")).isEmpty();
    }

    private static String campaign(String name, LocalDate from, LocalDate to, String area) {
        return "{\"name\":\"" + name + "\",\"kinds\":[\"RING\",\"PREGNANCY\",\"DISEASE\"],\"startsOn\":\"" + from
                + "\",\"endsOn\":\"" + to + "\",\"areaCodes\":[\"" + area + "\"]}";
    }

    @Test
    void aLiveBirthRegistersTheChildInTheMothersHouseholdWithHunansBirthOrder() {
        int mother = woman("生育甲", 29, "20", VILLAGE, "REGISTERED");
        Api.Response former = clinic.post("/api/v1/health/women/" + mother + "/births",
                "{\"sex\":\"1\",\"birthDate\":\"2016-05-01\",\"formerMarriage\":true}");
        assertThat(former.status()).as(former.body()).isEqualTo(201);
        assertThat(former.<Integer>json("$.birthOrder")).isEqualTo(1);
        LocalDate born = TODAY.minusDays(3);
        Api.Response birth = clinic.post("/api/v1/health/women/" + mother + "/births", "{\"childName\":\"生育宝\",\"sex\":\"2\","
                + "\"birthDate\":\"" + born + "\",\"place\":\"镇卫生院\",\"registerChild\":true,\"fatherName\":\"张父\"}");
        assertThat(birth.status()).as(birth.body()).isEqualTo(201);
        assertThat(birth.<Integer>json("$.birthOrder")).as("a child of a former marriage does not count").isEqualTo(1);
        assertThat(birth.<Boolean>json("$.compliant")).isTrue();
        assertThat(birth.<String>json("$.reason")).isEqualTo("NO_LIMIT");
        int child = birth.json("$.childId");
        Api.Response person = admin.get("/api/v1/persons/" + child);
        Api.Response mum = admin.get("/api/v1/persons/" + mother);
        assertThat(person.<String>json("$.householdNo")).isEqualTo(mum.json("$.householdNo"));
        assertThat(person.<String>json("$.relation")).isEqualTo("30");
        assertThat(person.<String>json("$.birthDate")).isEqualTo(born.toString());
        assertThat(person.<Object>json("$.idNumber")).isNull();
        Api.Response wrong = clinic.post("/api/v1/health/women/" + mother + "/births",
                "{\"sex\":\"3\",\"birthDate\":\"" + TODAY.plusDays(1) + "\",\"registerChild\":true}");
        assertThat(wrong.<List<String>>json("$.errors[*].field")).containsExactlyInAnyOrder("sex", "birthDate", "childName");
    }

    @Test
    void aSecondChildInTheOneChildEraNeedsAPermitAndAPreviewShowsWhatARuleChangeWouldReclassify() {
        int mother = woman("政策甲", 40, "20", VILLAGE, "REGISTERED");
        clinic.post("/api/v1/health/women/" + mother + "/births", "{\"sex\":\"2\",\"birthDate\":\"2008-03-01\"}");
        Api.Response second = clinic.post("/api/v1/health/women/" + mother + "/births", "{\"sex\":\"1\",\"birthDate\":\"2012-05-01\"}");
        assertThat(second.<Integer>json("$.birthOrder")).isEqualTo(2);
        assertThat(second.<Boolean>json("$.compliant")).isFalse();
        assertThat(second.<String>json("$.reason")).isEqualTo("NO_PERMIT");
        assertThat(second.<String>json("$.ruleSet")).contains("湖南");
        int birthId = second.json("$.id");

        List<Map<String, Object>> rules = admin.get("/api/v1/health/policy-rules").json("$[?(@.regionPrefix == '43')]");
        Map<String, Object> hunan = rules.get(0);
        String twoChildren = "{\"name\":\"" + hunan.get("name") + "\",\"regionPrefix\":\"43\",\"validFrom\":\"" + hunan.get("validFrom")
                + "\",\"validTo\":\"" + hunan.get("validTo") + "\",\"maxChildren\":2,\"permitAllowsMore\":true}";
        Api.Response preview = admin.post("/api/v1/health/policy-rules/" + hunan.get("id") + "/preview", twoChildren);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        List<Map<String, Object>> changed = preview.json("$[?(@.birthId == " + birthId + ")]");
        assertThat(changed).singleElement().satisfies(c -> {
            assertThat(c.get("compliantBefore")).isEqualTo(false);
            assertThat(c.get("compliantAfter")).isEqualTo(true);
        });
        assertThat(admin.get("/api/v1/health/policy-rules").<List<Integer>>json("$[?(@.regionPrefix == '43')].maxChildren"))
                .as("a preview changes nothing").containsExactly(1);
        assertThat(officer.post("/api/v1/health/policy-rules/" + hunan.get("id") + "/preview", twoChildren).status()).isEqualTo(403);

        assertThat(clinic.post("/api/v1/health/women/" + mother + "/permits",
                "{\"approvedOn\":\"2011-06-01\",\"reason\":\"第一个孩子为女孩\"}").status()).isEqualTo(201);
        List<Map<String, Object>> births = clinic.get("/api/v1/health/births?area=" + VILLAGE + "&period=2012")
                .json("$[?(@.id == " + birthId + ")]");
        assertThat(births).singleElement().satisfies(b -> {
            assertThat(b.get("compliant")).isEqualTo(true);
            assertThat(b.get("reason")).isEqualTo("PERMIT");
        });
    }
}
