package org.renkou.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
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
 * Referrals through the API in test town 681: the town office refers floating people; the police and the clinic
 * see and answer only what is addressed to them in their town; offices without an account are answered by the
 * town office; services given are counted exactly by kind; an open referral past the deadline is a task.
 */
@RenkouTest
class ReferralApiTest {
    private static final String TOWN = "430105681";
    private static final String OTHER_TOWN = "430105682";
    private static final String VILLAGE = TOWN + "001";
    private static final LocalDate TODAY = Dates.today();

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    AccessService access;
    Api office;
    Api police;
    Api otherPolice;
    Api clinic;

    @BeforeEach
    void town() {
        Api admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "681");
        TestData.town(admin, "682");
        account("police681", Role.POLICE, TOWN);
        account("police682", Role.POLICE, OTHER_TOWN);
        account("clinic681", Role.CLINIC, TOWN);
        office = Api.as(port, "county", "county123");
        police = Api.as(port, "police681", "police681pw");
        otherPolice = Api.as(port, "police682", "police682pw");
        clinic = Api.as(port, "clinic681", "clinic681pw");
    }

    private void account(String name, Role role, String area) {
        if (users.find(name).isEmpty()) {
            access.runAs(SystemPrincipal.FIRST_ADMINISTRATOR, () -> users.create(name, name, role, List.of(area), name + "pw"));
        }
    }

    private int partner(String name, String kind, String town, String accounts) {
        Api.Response r = office.post("/api/v1/referrals/partners",
                "{\"name\":\"%s\",\"kind\":\"%s\",\"townCode\":\"%s\",\"accounts\":[%s]}".formatted(name, kind, town, accounts));
        if (r.status() == 400 && r.body().contains("partnerTaken")) {
            return office.get("/api/v1/referrals/partners").<List<Integer>>json("$[?(@.name == '" + name + "')].id").get(0);
        }
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json("$.id");
    }

    private int person(String name, String status) {
        return person(name, status, TOWN + "001001");
    }

    private int person(String name, String status, String grid) {
        LocalDate birth = LocalDate.of(1988, 3, 3);
        Api.Response r = office.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "1"), name, "1", birth, VILLAGE,
                        grid, status.equals("INFLOW") ? ",\"arrivedOn\":\"" + TODAY.minusYears(1) + "\"" : "")
                .replace("\"status\":\"REGISTERED\"", "\"status\":\"" + status + "\"")
                .replace("\"hukouCode\":\"430105\"", "\"hukouCode\":\"" + (status.equals("INFLOW") ? "431021" : "430105") + "\""));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json("$.id");
    }

    private Api.Response refer(int person, String kind, int partner, LocalDate on) {
        return office.post("/api/v1/referrals", "{\"personId\":%d,\"kind\":\"%s\",\"partnerId\":%d,\"referredOn\":\"%s\",\"need\":\"测试\"}"
                .formatted(person, kind, partner, on));
    }

    private int referral(int person, String kind, int partner, LocalDate on) {
        Api.Response r = refer(person, kind, partner, on);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json("$.id");
    }

    private Api.Response answer(Api as, int referral, String outcome, LocalDate on) {
        return as.post("/api/v1/referrals/" + referral + "/answer", "{\"outcome\":\"%s\",\"answeredOn\":\"%s\"}".formatted(outcome, on));
    }

    private int figure(String code, String area, String period, LocalDate asOf) {
        Api.Response r = office.get("/api/v1/indicators?area=" + area + "&period=" + period + "&date=" + asOf + "&codes=" + code);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.<Integer>json("$[0].value");
    }

    @Test
    void partnersSeeAndAnswerOnlyWhatIsAddressedToThemAndServicesAreCountedByKind() {
        int station = partner("测试派出所681", "POLICE", TOWN, "\"police681\"");
        int hospital = partner("测试卫生院681", "CLINIC", TOWN, "\"clinic681\"");
        int school = partner("测试小学681", "SCHOOL", TOWN, "");
        String period = TODAY.minusDays(40) + ".." + TODAY;
        int servicesBefore = figure("EQUAL_SERVICES", TOWN, period, TODAY);
        int hukouBefore = figure("EQUAL_SERVICES_HUKOU", TOWN, period, TODAY);
        int schoolingBefore = figure("EQUAL_SERVICES_SCHOOLING", TOWN, period, TODAY);
        int medicalBefore = figure("EQUAL_SERVICES_MEDICAL", TOWN, period, TODAY);

        int worker = person("流入务工681", "INFLOW");
        int hukou = referral(worker, "HUKOU", station, TODAY.minusDays(10));
        int medical = referral(worker, "MEDICAL", hospital, TODAY.minusDays(9));
        int schooling = referral(worker, "SCHOOLING", school, TODAY.minusDays(8));

        assertThat(police.get("/api/v1/referrals").<List<Integer>>json("$.items[*].id")).contains(hukou).doesNotContain(medical, schooling);
        assertThat(clinic.get("/api/v1/referrals").<List<Integer>>json("$.items[*].id")).contains(medical).doesNotContain(hukou);
        assertThat(otherPolice.get("/api/v1/referrals").<Integer>json("$.total")).as("another town's police").isZero();
        assertThat(otherPolice.get("/api/v1/referrals/" + hukou).status()).isEqualTo(404);
        assertThat(clinic.get("/api/v1/referrals/" + hukou).status()).isEqualTo(404);
        assertThat(police.get("/api/v1/referrals/" + hukou).<String>json("$.name")).isEqualTo("流入务工681");
        assertThat(clinic.get("/api/v1/referrals/" + medical).<String>json("$.idNumber")).as("the clinic sees masked numbers")
                .endsWith("************");

        assertThat(answer(police, medical, "GIVEN", TODAY).status()).as("not the police's referral").isEqualTo(404);
        assertThat(answer(office, hukou, "GIVEN", TODAY).status()).as("the police station answers for itself").isEqualTo(403);
        Api.Response early = answer(police, hukou, "GIVEN", TODAY.minusDays(11));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.<String>json("$.errors[0].rule")).isEqualTo("answerBeforeReferral");
        assertThat(early.<String>json("$.errors[0].field")).isEqualTo("answeredOn");

        Api.Response given = answer(police, hukou, "GIVEN", TODAY.minusDays(2));
        assertThat(given.status()).as(given.body()).isEqualTo(200);
        assertThat(given.<String>json("$.answeredBy")).isEqualTo("police681");
        assertThat(answer(police, hukou, "REFUSED", TODAY).status()).as("answered once").isEqualTo(409);
        assertThat(answer(clinic, medical, "GIVEN", TODAY.minusDays(1)).status()).isEqualTo(200);
        assertThat(answer(office, schooling, "GIVEN", TODAY).status()).as("the town office answers for the school").isEqualTo(200);
        int refused = referral(worker, "HUKOU", station, TODAY.minusDays(5));
        assertThat(answer(police, refused, "REFUSED", TODAY).status()).isEqualTo(200);

        assertThat(figure("EQUAL_SERVICES", TOWN, period, TODAY)).isEqualTo(servicesBefore + 3);
        assertThat(figure("EQUAL_SERVICES_HUKOU", TOWN, period, TODAY)).as("the refusal is no service").isEqualTo(hukouBefore + 1);
        assertThat(figure("EQUAL_SERVICES_SCHOOLING", TOWN, period, TODAY)).isEqualTo(schoolingBefore + 1);
        assertThat(figure("EQUAL_SERVICES_MEDICAL", TOWN, period, TODAY)).isEqualTo(medicalBefore + 1);
        assertThat(figure("EQUAL_SERVICES_HUKOU", TOWN, TODAY.minusDays(40) + ".." + TODAY.minusDays(3), TODAY))
                .as("counted on the day of the service").isEqualTo(hukouBefore);
        assertThat(figure("EQUAL_SERVICES", OTHER_TOWN, period, TODAY)).isZero();
    }

    @Test
    void onlyFloatingPeopleOfTheTownAreReferredWithProblemsNamingTheField() {
        int station = partner("测试派出所681", "POLICE", TOWN, "\"police681\"");
        int otherStation = partner("测试派出所682", "POLICE", OTHER_TOWN, "\"police682\"");
        int resident = person("本地户籍681", "REGISTERED");
        Api.Response r = refer(resident, "HUKOU", station, TODAY);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.<String>json("$.errors[0].field")).isEqualTo("personId");
        assertThat(r.<String>json("$.errors[0].rule")).isEqualTo("referralFloating");
        int worker = person("流入经商681", "INFLOW");
        assertThat(refer(worker, "HUKOU", otherStation, TODAY).<String>json("$.errors[0].rule")).as("another town's office")
                .isEqualTo("referralPartner");
        Api.Response future = office.inLanguage("en").post("/api/v1/referrals",
                "{\"personId\":%d,\"partnerId\":%d,\"referredOn\":\"%s\"}".formatted(worker, station, TODAY.plusDays(1)));
        assertThat(future.<List<String>>json("$.errors[*].rule")).containsExactly("required", "notFuture");
        assertThat(future.<List<String>>json("$.errors[*].field")).containsExactly("kind", "referredOn");
        assertThat(police.post("/api/v1/referrals", "{\"personId\":%d,\"kind\":\"HUKOU\",\"partnerId\":%d,\"referredOn\":\"%s\"}"
                .formatted(worker, station, TODAY)).status()).as("the police answers, the town office refers").isEqualTo(403);
    }

    @Test
    void anOpenReferralPastTheDeadlineIsOnTheTownOfficesTaskList() {
        int station = partner("测试派出所681", "POLICE", TOWN, "\"police681\"");
        int worker = person("逾期转介681", "INFLOW");
        int overdueBefore = figure("REFERRALS_OPEN_OVERDUE", TOWN, String.valueOf(TODAY.getYear()), TODAY);
        int late = referral(worker, "HOUSING", station, TODAY.minusDays(30));
        int recent = referral(worker, "RELIEF", station, TODAY.minusDays(3));
        List<String> hrefs = office.get("/api/v1/health/tasks").json("$[?(@.kind == 'REFERRAL_OVERDUE')].href");
        assertThat(hrefs).contains("/referrals/" + late).doesNotContain("/referrals/" + recent);
        assertThat(office.get("/api/v1/referrals?state=OVERDUE&area=" + TOWN).<List<Integer>>json("$.items[*].id"))
                .contains(late).doesNotContain(recent);
        assertThat(figure("REFERRALS_OPEN_OVERDUE", TOWN, String.valueOf(TODAY.getYear()), TODAY)).isEqualTo(overdueBefore + 1);
        assertThat(figure("REFERRALS_OPEN_OVERDUE", TOWN, String.valueOf(TODAY.getYear()), TODAY.minusDays(20)))
                .as("not yet overdue twenty days ago").isEqualTo(overdueBefore);
        assertThat(answer(police, late, "GIVEN", TODAY).status()).isEqualTo(200);
        assertThat(office.get("/api/v1/health/tasks").<List<String>>json("$[?(@.kind == 'REFERRAL_OVERDUE')].href"))
                .doesNotContain("/referrals/" + late);
        assertThat(figure("REFERRALS_OPEN_OVERDUE", TOWN, String.valueOf(TODAY.getYear()), TODAY)).isEqualTo(overdueBefore);
    }

    @Test
    void aChosenGridOrVillageNarrowsTheListByTheReferralsGridOrVillage() {
        int station = partner("测试派出所681", "POLICE", TOWN, "\"police681\"");
        int first = referral(person("一网格流入681", "INFLOW", TOWN + "001001"), "HUKOU", station, TODAY);
        int second = referral(person("二网格流入681", "INFLOW", TOWN + "001002"), "HUKOU", station, TODAY);
        assertThat(ids("/api/v1/referrals?size=200&area=" + TOWN + "001001")).as("the first grid").contains(first)
                .doesNotContain(second);
        assertThat(ids("/api/v1/referrals?size=200&area=" + TOWN + "001002")).as("the second grid").contains(second)
                .doesNotContain(first);
        assertThat(ids("/api/v1/referrals?size=200&area=" + TOWN + "001")).as("the village").contains(first, second);
        assertThat(ids("/api/v1/referrals?size=200&area=" + TOWN + "002")).as("the other village").doesNotContain(first, second);
        assertThat(police.get("/api/v1/referrals?size=200&area=" + TOWN + "001002").<List<Integer>>json("$.items[*].id"))
                .as("a partner narrows its own the same way").contains(second).doesNotContain(first);
    }

    private List<Integer> ids(String path) {
        Api.Response r = office.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json("$.items[*].id");
    }
}
