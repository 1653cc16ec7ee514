package org.renkou.cadres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.renkou.people.PersonMerges;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The cadre team through the API: the demo town's team and its indicators exactly; in test town 683 the town office
 * keeps posts (with problems naming the field), a village cadre sees only their village's posts with masked phones,
 * vacancies show (a post nobody holds, a unit without its 专干), training hours count, and a cadre's register record
 * follows a merge.
 */
@RenkouTest
class CadreApiTest {
    private static final String DEMO_TOWN = "430105100";
    private static final String TOWN = "430105683";
    private static final String VILLAGE = TOWN + "001";
    private static final String COMMUNITY = TOWN + "002";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    AccessService access;
    @Autowired
    PersonMerges merges;
    Api officer;
    Api office;

    @BeforeEach
    void town() {
        TestData.town(Api.as(port, "admin", "admin123"), "683");
        if (users.find("cadre683").isEmpty()) {
            access.runAs(SystemPrincipal.FIRST_ADMINISTRATOR, () -> users.create("cadre683", "测试村专干", Role.VILLAGE_CADRE,
                    List.of(VILLAGE), "cadre683pw"));
        }
        officer = Api.as(port, "officer", "officer123");
        office = Api.as(port, "county", "county123");
    }

    private int figure(Api as, String code, String area, String period, LocalDate date) {
        Api.Response r = as.get("/api/v1/indicators?area=" + area + "&period=" + period + "&date=" + date + "&codes=" + code);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.<Integer>json("$[0].value");
    }

    private Api.Response addPost(String kind, String area, String title, String holder) {
        return office.post("/api/v1/cadres/posts", "{\"kind\":\"%s\",\"areaCode\":\"%s\",\"title\":\"%s\",\"holder\":%s}"
                .formatted(kind, area, title, holder));
    }

    @Test
    void theDemoTownHasItsTeamWithTwoVacanciesAndTheCampaignsTrainingHours() {
        LocalDate report = LocalDate.of(2012, 3, 15);
        String period = "2012Q1";
        assertThat(figure(officer, "CADRE_TOWN_STAFF", DEMO_TOWN, period, report)).isEqualTo(6);
        assertThat(figure(officer, "CADRE_VILLAGE_CADRES", DEMO_TOWN, period, report)).as("27 units, two without a 专干").isEqualTo(25);
        assertThat(figure(officer, "CADRE_WOMENS_GROUP_LEADERS", DEMO_TOWN, period, report)).as("two in each of 24 villages").isEqualTo(48);
        assertThat(figure(officer, "CADRE_FLOATING_ASSISTANTS", DEMO_TOWN, period, report)).isEqualTo(6);
        assertThat(figure(officer, "CADRE_VOLUNTEERS", DEMO_TOWN, period, report)).isEqualTo(8);
        assertThat(figure(officer, "CADRE_POSTS_FILLED", DEMO_TOWN, period, report)).isEqualTo(6 + 25 + 48 + 6 + 8);
        assertThat(figure(officer, "CADRE_POSTS_VACANT", DEMO_TOWN, period, report))
                .as("莲花村's post nobody holds, and 樟树村 without the post").isEqualTo(2);
        assertThat(figure(officer, "CADRE_POSTS", DEMO_TOWN, period, report)).isEqualTo(6 + 25 + 48 + 6 + 8 + 2);
        assertThat(figure(officer, "CADRE_TRAINING_HOURS", DEMO_TOWN, period, report))
                .as("35 attendees × 6 hours on 31 January, 50 × 18 hours from 8 February").isEqualTo(35 * 6 + 50 * 18);
        assertThat(figure(officer, "CADRE_TRAINING_HOURS", DEMO_TOWN + "201", period, report))
                .as("周敏 at both, the village's two women's group leaders at the closed one").isEqualTo(6 + 18 + 2 * 18);

        Api.Response team = officer.get("/api/v1/cadres?area=" + DEMO_TOWN + "&period=" + period);
        assertThat(team.status()).as(team.body()).isEqualTo(200);
        assertThat(team.<List<String>>json("$.vacancies[*].areaCode")).containsExactlyInAnyOrder(DEMO_TOWN + "223", DEMO_TOWN + "224");
        assertThat(team.<List<Object>>json("$.vacancies[?(@.areaCode == '" + DEMO_TOWN + "224')].postId")).containsExactly((Object) null);
        assertThat(team.<Integer>json("$.trainingHours")).isEqualTo(35 * 6 + 50 * 18);
        assertThat(team.<List<String>>json("$.posts[?(@.username == 'officer')].name")).containsExactly("刘玉娥");
    }

    @Test
    void aVillageCadreSeesOnlyTheirVillagesPostsWithPhonesMasked() {
        Api cadre = Api.as(port, "cadre", "cadre123");
        Api.Response team = cadre.get("/api/v1/cadres?period=2012");
        assertThat(team.status()).as(team.body()).isEqualTo(200);
        assertThat(team.<List<String>>json("$.posts[*].areaCode")).isNotEmpty().containsOnly(DEMO_TOWN + "201");
        assertThat(team.<List<String>>json("$.vacancies[*].areaCode")).as("not the other villages' vacancies").isEmpty();
        assertThat(team.<List<String>>json("$.posts[*].phone")).allMatch(p -> p.matches("\\d{3}\\*+\\d{2}"));
        assertThat(officer.get("/api/v1/cadres?area=" + DEMO_TOWN + "201").<List<String>>json("$.posts[*].phone"))
                .as("the town office calls its team").allMatch(p -> p.matches("\\d{11}"));
        int other = officer.get("/api/v1/cadres?area=" + DEMO_TOWN + "202").<List<Integer>>json("$.posts[*].cadreId").get(0);
        assertThat(cadre.get("/api/v1/cadres/" + other).status()).as("a cadre of another village").isEqualTo(404);
        assertThat(cadre.post("/api/v1/cadres/posts", "{\"kind\":\"VOLUNTEER\",\"areaCode\":\"" + DEMO_TOWN + "201\",\"title\":\"志愿者\"}")
                .status()).as("the town office keeps the team").isEqualTo(403);
        assertThat(Api.as(port, "police", "police123").get("/api/v1/cadres").status()).isEqualTo(403);
    }

    @Test
    void theTownOfficeKeepsPostsAndVacanciesAndHoursShow() {
        LocalDate today = Dates.today();
        String holder = "{\"name\":\"测试专干683\",\"phone\":\"13812345678\",\"username\":\"cadre683\",\"since\":\"" + today.minusYears(1) + "\"}";
        Api.Response cadrePost = addPost("VILLAGE_CADRE", VILLAGE, "测试村计生专干", holder);
        if (cadrePost.status() == 400 && cadrePost.body().contains("cadreAccountTaken")) { // a rerun in the same database
            cadrePost = addPost("VILLAGE_CADRE", VILLAGE, "测试村计生专干", holder.replace(",\"username\":\"cadre683\"", ""));
        }
        assertThat(cadrePost.status()).as(cadrePost.body()).isEqualTo(201);
        int postId = cadrePost.json("$.id");
        int cadreId = cadrePost.json("$.cadreId");
        int vacantBefore = figure(office, "CADRE_POSTS_VACANT", TOWN, "2019", today);
        int volunteersBefore = figure(office, "CADRE_VOLUNTEERS", TOWN, "2019", today);

        Api.Response wrongLevel = addPost("TOWN_STAFF", VILLAGE, "镇计生办统计员", "null");
        assertThat(wrongLevel.status()).isEqualTo(400);
        assertThat(wrongLevel.contentType()).startsWith("application/problem+json");
        assertThat(wrongLevel.<String>json("$.errors[0].field")).isEqualTo("areaCode");
        assertThat(wrongLevel.<String>json("$.errors[0].rule")).isEqualTo("postLevel");
        Api.Response badHolder = addPost("VOLUNTEER", VILLAGE, "志愿者", "{\"name\":\"\",\"phone\":\"abc\",\"since\":\"" + today.plusDays(1) + "\"}");
        assertThat(badHolder.<List<String>>json("$.errors[*].field")).containsExactly("since", "name", "phone");
        assertThat(badHolder.<List<String>>json("$.errors[*].rule")).containsExactly("notFuture", "required", "phone");
        assertThat(office.inLanguage("en").post("/api/v1/cadres/posts", "{\"kind\":\"VOLUNTEER\",\"areaCode\":\"" + VILLAGE + "\"}")
                .<String>json("$.errors[0].message")).isEqualTo("Title: required.");

        Api.Response volunteer = addPost("VOLUNTEER", VILLAGE, "测试志愿者", "{\"name\":\"志愿者683\",\"since\":\"" + today + "\"}");
        assertThat(volunteer.status()).as(volunteer.body()).isEqualTo(201);
        assertThat(figure(office, "CADRE_VOLUNTEERS", TOWN, "2019", today)).isEqualTo(volunteersBefore + 1);
        int volunteerPost = volunteer.json("$.id");
        Api.Response vacated = office.delete("/api/v1/cadres/posts/" + volunteerPost + "/holder");
        assertThat(vacated.status()).as(vacated.body()).isEqualTo(200);
        assertThat(vacated.<Object>json("$.cadreId")).isNull();
        assertThat(figure(office, "CADRE_POSTS_VACANT", TOWN, "2019", today)).isEqualTo(vacantBefore + 1);
        assertThat(office.get("/api/v1/cadres?area=" + TOWN).<List<Integer>>json("$.vacancies[*].postId")).contains(volunteerPost);
        assertThat(office.get("/api/v1/cadres?area=" + TOWN).<List<String>>json("$.vacancies[?(@.postId == null)].areaCode"))
                .as("the community has no 专干 post").contains(COMMUNITY);

        Api.Response mine = Api.as(port, "cadre683", "cadre683pw").get("/api/v1/cadres");
        assertThat(mine.<List<String>>json("$.posts[*].areaCode")).containsOnly(VILLAGE);
        assertThat(mine.<List<String>>json("$.vacancies[*].areaCode")).doesNotContain(COMMUNITY);

        int training = office.post("/api/v1/outreach/trainings", "{\"title\":\"专干培训683\",\"startsOn\":\"2019-05-06\",\"days\":2,"
                + "\"participants\":12,\"areaCode\":\"" + TOWN + "\"}").json("$.id");
        int hoursBefore = figure(office, "CADRE_TRAINING_HOURS", TOWN, "2019", today);
        Api.Response tooLong = office.post("/api/v1/cadres/" + cadreId + "/trainings", "{\"trainingId\":" + training + ",\"hours\":49}");
        assertThat(tooLong.<String>json("$.errors[0].rule")).isEqualTo("trainingHours");
        Api.Response attended = office.post("/api/v1/cadres/" + cadreId + "/trainings", "{\"trainingId\":" + training + ",\"hours\":12}");
        assertThat(attended.status()).as(attended.body()).isEqualTo(201);
        assertThat(figure(office, "CADRE_TRAINING_HOURS", TOWN, "2019", today)).isEqualTo(hoursBefore + 12);
        assertThat(figure(office, "CADRE_TRAINING_HOURS", TOWN, "2018", today)).as("hours of the session's period").isZero();
        assertThat(office.get("/api/v1/cadres/" + cadreId + "?period=2019").<List<Integer>>json("$.trainings[*].hours")).containsExactly(12);
        assertThat(office.get("/api/v1/cadres?area=" + TOWN + "&period=2019").<List<Integer>>json("$.posts[?(@.id == " + postId + ")].trainingHours"))
                .containsExactly(12);
    }

    @Test
    void aCadresRegisterRecordFollowsAMerge() {
        LocalDate birth = LocalDate.of(1980, 6, 1);
        int survivor = office.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "2"), "合并专干", "2", birth, VILLAGE,
                null, "")).json("$.id");
        int duplicate = office.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "2"), "合并专干", "2", birth, VILLAGE,
                null, "")).json("$.id");
        Api.Response post = addPost("WOMENS_GROUP_LEADER", VILLAGE, "测试村妇女组长", "{\"name\":\"合并专干\",\"personId\":" + duplicate
                + ",\"since\":\"" + Dates.today() + "\"}");
        assertThat(post.status()).as(post.body()).isEqualTo(201);
        int cadreId = post.json("$.cadreId");
        access.runAs(SystemPrincipal.DEMO, () -> merges.merge(survivor, duplicate, "test"));
        Map<String, Object> cadre = office.get("/api/v1/cadres/" + cadreId).json("$");
        assertThat(cadre.get("personId")).isEqualTo(survivor);
    }

    @Test
    void aChosenGridOrVillageNarrowsTheTeamByThePostsArea() {
        // in the community, so that the village cadre of the other village sees none of these posts
        Api admin = Api.as(port, "admin", "admin123");
        String grid = COMMUNITY + "001";
        if (admin.get("/api/v1/areas/" + grid).status() != 200) {
            assertThat(admin.post("/api/v1/areas", TestData.area(grid, "社区第1网格", "GRID", COMMUNITY, null)).status()).isEqualTo(201);
        }
        int gridPost = addPost("VOLUNTEER", grid, "网格志愿者683", "null").json("$.id");
        int villagePost = addPost("VOLUNTEER", COMMUNITY, "社区志愿者683", "null").json("$.id");
        assertThat(posts(grid)).as("the grid").contains(gridPost).doesNotContain(villagePost);
        assertThat(posts(COMMUNITY)).as("the community and its grid").contains(gridPost, villagePost);
        assertThat(posts(VILLAGE)).as("another village").doesNotContain(gridPost, villagePost);
        assertThat(posts(VILLAGE + "001")).as("another village's grid").doesNotContain(gridPost, villagePost);
    }

    private List<Integer> posts(String area) {
        Api.Response r = office.get("/api/v1/cadres?area=" + area);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json("$.posts[*].id");
    }

    @Test
    void theTownOfficeCorrectsAHoldersPhoneAndAccountInPlaceWithProblemsNamingTheField() {
        if (users.find("helper683").isEmpty()) {
            access.runAs(SystemPrincipal.FIRST_ADMINISTRATOR, () -> users.create("helper683", "测试协管员", Role.VILLAGE_CADRE,
                    List.of(VILLAGE), "helper683pw"));
        }
        Api.Response post = addPost("FLOATING_ASSISTANT", VILLAGE, "测试协管员683", "{\"name\":\"协管员683\",\"phone\":\"13800001111\","
                + "\"since\":\"" + Dates.today() + "\"}");
        assertThat(post.status()).as(post.body()).isEqualTo(201);
        int cadreId = post.json("$.cadreId");
        office.put("/api/v1/cadres/" + cadreId + "/contact", "{\"phone\":\"13800001111\",\"username\":\"\"}");

        Api.Response wrong = office.put("/api/v1/cadres/" + cadreId + "/contact", "{\"phone\":\"abc\",\"username\":\"nobody683\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.<List<String>>json("$.errors[*].field")).containsExactly("phone", "username");
        assertThat(wrong.<List<String>>json("$.errors[*].rule")).containsExactly("phone", "accountUnknown");
        assertThat(office.put("/api/v1/cadres/" + cadreId + "/contact", "{\"username\":\"officer\"}")
                .<String>json("$.errors[0].rule")).as("刘玉娥's account in the demo town").isEqualTo("cadreAccountTaken");
        assertThat(Api.as(port, "cadre683", "cadre683pw").put("/api/v1/cadres/" + cadreId + "/contact", "{\"phone\":\"13900002222\"}")
                .status()).as("the town office keeps the team").isEqualTo(403);

        Api.Response corrected = office.put("/api/v1/cadres/" + cadreId + "/contact", "{\"phone\":\"13900002222\",\"username\":\"helper683\"}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.<String>json("$.phone")).isEqualTo("13900002222");
        assertThat(corrected.<String>json("$.username")).isEqualTo("helper683");
        assertThat(office.get("/api/v1/cadres?area=" + VILLAGE).<List<String>>json("$.posts[?(@.cadreId == " + cadreId + ")].phone"))
                .containsExactly("13900002222");
        assertThat(Api.as(port, "admin", "admin123").get("/api/v1/audit?username=county&action=UPDATE&size=200")
                .<List<String>>json("$.items[*].detail")).contains("contact corrected: phone changed, account none → helper683");
        Api.Response unlinked = office.put("/api/v1/cadres/" + cadreId + "/contact", "{\"phone\":\"13900002222\",\"username\":\" \"}");
        assertThat(unlinked.<Object>json("$.username")).as("a blank account unlinks it").isNull();
    }
}
