package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.renkou.Api;
import org.renkou.TestData;
import org.renkou.access.AccessService;
import org.renkou.access.Role;
import org.renkou.access.SystemPrincipal;
import org.renkou.access.UserService;
import org.renkou.common.Dates;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The town office's verification pages on a desktop: plan a round, follow the visits a grid worker sends (the page
 * refreshes itself), open the changes the round made and undo one. In the test town 430105611 with its own town
 * officer and grid worker, so the demo town's figures stay as they are.
 */
class VerificationBrowserTest extends BrowserTestSupport {
    private static final String TOWN = "430105611";
    private static final String VILLAGE = TOWN + "001";
    private static final String GRID1 = VILLAGE + "001";
    private static final String GRID2 = VILLAGE + "002";

    @Autowired
    UserService users;
    @Autowired
    AccessService access;

    @Test
    void theOfficePlansARoundFollowsTheVisitsAndUndoesAChange() {
        Api admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "611");
        account("office611", "镇办611", Role.TOWN_OFFICER, TOWN);
        account("grid611", "网格员611", Role.GRID_WORKER, GRID1);
        LocalDate today = Dates.today();
        long head = person(admin, "核甲", "1", LocalDate.of(1970, 3, 4), GRID1, "H611-A", "02", "核查路1号");
        long wife = person(admin, "核乙", "2", LocalDate.of(1972, 5, 6), GRID1, "H611-A", "10", "核查路1号");
        person(admin, "核丙", "1", LocalDate.of(1980, 7, 8), GRID1, "H611-B", "02", "核查路2号");
        person(admin, "核丁", "2", LocalDate.of(1985, 9, 10), GRID2, "H611-C", "02", "核查路3号");

        browser.driver().manage().window().setSize(new Dimension(1366, 900));
        browser.login("office611", "office611pw").open("/");
        browser.clickAndWait("home-verification");
        assertThat(browser.url()).endsWith("/verification");
        browser.clickAndWait("plan-submit");
        assertThat(browser.text("error-name")).contains("名称").contains("必须填写");
        assertThat(browser.text("error-areaCodes")).contains("必须填写");
        assertThat(browser.text("error-startsOn")).contains("开始日期");
        browser.type("plan-name", "611镇冬季清查");
        setDate("plan-startsOn", today.minusDays(1));
        setDate("plan-endsOn", today.minusDays(2));
        browser.click("area-" + VILLAGE);
        browser.clickAndWait("plan-submit");
        assertThat(browser.text("error-endsOn")).as("the API's rule, beside the field").contains("不能早于开始日期");
        assertThat(browser.driver().findElement(By.id("area-" + VILLAGE)).isSelected()).as("the choice is kept").isTrue();
        setDate("plan-endsOn", today.plusDays(20));
        browser.clickAndWait("plan-submit");
        assertThat(browser.url()).matches(".*/verification/\\d+$");
        long round = Long.parseLong(browser.url().replaceAll(".*/verification/(\\d+)$", "$1"));
        assertThat(browser.text("planned")).contains("已安排");
        assertThat(row(GRID1)).contains("第1网格").contains("网格员611").contains("未开始");
        assertThat(browser.text("not-started")).contains("测试村第1网格").contains("测试村第2网格");
        assertThat(browser.text("figure-visited")).isEqualTo("0 / 3");

        Api grid = Api.as(port, "grid611", "grid611pw");
        int version = admin.get("/api/v1/persons/" + wife).json("$.version");
        String clientId = UUID.randomUUID().toString();
        Api.Response sent = grid.post("/api/v1/verification-rounds/" + round + "/visits", """
                [{"clientId":"%s","householdNo":"H611-A","visitedOn":"%s","outcome":"VISITED","persons":[
                   {"personId":%d,"result":"CORRECT"},
                   {"personId":%d,"result":"CORRECTED","version":%d,"corrections":{"phone":"13912345678"}}]},
                 {"clientId":"%s","householdNo":"H611-B","visitedOn":"%s","outcome":"NOBODY_HOME","persons":[]}]"""
                .formatted(clientId, today, head, wife, version, UUID.randomUUID(), today));
        assertThat(sent.body()).as(sent.body()).doesNotContain("REJECTED");
        assertThat(admin.get("/api/v1/persons/" + wife).<String>json("$.phone")).isEqualTo("13912345678");

        new WebDriverWait(browser.driver(), Duration.ofSeconds(25)).withMessage("the page polls for progress")
                .until(ExpectedConditions.textToBe(By.id("figure-visited"), "1 / 3"));
        assertThat(row(GRID1)).doesNotContain("未开始");
        assertThat(cell(GRID1, 4)).as("visited").isEqualTo("1");
        assertThat(cell(GRID1, 5)).as("nobody home").isEqualTo("1");
        assertThat(cell(GRID1, 8)).as("persons checked").isEqualTo("2");
        assertThat(cell(GRID1, 9)).as("corrected").isEqualTo("1");
        assertThat(browser.text("figure-accuracy")).isEqualTo("50.00%");
        assertThat(browser.text("not-started")).doesNotContain("第1网格").contains("第2网格");
        screenshots("verification-round");

        browser.clickAndWait("open-changes");
        assertThat(browser.text("total")).startsWith("共 1 条");
        assertThat(browser.text("changes")).contains("核乙").contains("更正").contains("13800000000")
                .contains("13912345678").contains("grid611").contains("H611-A");
        long change = Long.parseLong(browser.driver().findElement(By.cssSelector("#changes tr[data-change]"))
                .getAttribute("data-change"));
        browser.open("/verification/" + round + "/changes?kind=NEW");
        assertThat(browser.all(By.cssSelector("#changes tr[data-change]"))).as("no person was added").isEmpty();
        browser.open("/verification/" + round + "/changes?kind=CORRECTED&village=" + VILLAGE);
        browser.click("undo-" + change);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(browser.text("undone-notice")).contains(String.valueOf(change));
        assertThat(browser.url()).as("the filters are kept").contains("kind=CORRECTED");
        assertThat(browser.driver().findElement(By.cssSelector("#changes tr[data-change='" + change + "']")).getAttribute("class"))
                .as("an undone change stays, marked").contains("undone");
        assertThat(browser.text("changes")).contains("已由 office611").contains("撤销");
        assertThat(browser.all(By.id("undo-" + change))).isEmpty();
        screenshots("verification-changes");

        assertThat(admin.get("/api/v1/persons/" + wife).<String>json("$.phone")).isEqualTo("13800000000");
        List<Map<String, Object>> changes = Api.as(port, "office611", "office611pw")
                .get("/api/v1/verification-rounds/" + round + "/changes").json("$.items");
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.get("undoneBy")).isEqualTo("office611"));

        browser.open("/verification");
        assertThat(browser.text("rounds")).contains("611镇冬季清查").contains("进行中").contains("1 / 3");
        screenshots("verification-rounds");
        browser.open("/verification?lang=en");
        assertThat(browser.text("rounds")).contains("Open");
        browser.open("/verification/" + round + "/changes");
        assertThat(browser.text("changes")).contains("Undone by office611");
        browser.open("/verification?lang=zh_CN");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void account(String username, String name, Role role, String area) {
        if (users.find(username).isEmpty()) {
            access.runAs(SystemPrincipal.FIRST_ADMINISTRATOR, () -> users.create(username, name, role, List.of(area),
                    username + "pw"));
        }
    }

    private static long person(Api admin, String name, String sex, LocalDate birth, String grid, String householdNo,
                               String relation, String address) {
        Api.Response r = admin.post("/api/v1/persons", """
                {"idNumber":"%s","name":"%s","sex":"%s","birthDate":"%s","ethnicity":"01","maritalStatus":"20",
                 "householdNo":"%s","relation":"%s","hukouCode":"430105","villageCode":"%s","gridCode":"%s",
                 "status":"REGISTERED","phone":"13800000000","address":"%s"}"""
                .formatted(TestData.idNumber(birth, sex), name, sex, birth, householdNo, relation, VILLAGE, grid, address));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return ((Number) r.json("$.id")).longValue();
    }

    private void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
                id, date.toString());
    }

    private String row(String area) {
        return browser.waitFor(By.cssSelector("#progress-table tr[data-area='" + area + "']")).getText();
    }

    /** The n-th cell (1: the area) of an area's line in the progress table. */
    private String cell(String area, int n) {
        return browser.driver().findElement(By.cssSelector("#progress-table tr[data-area='" + area + "'] > :nth-child(" + n + ")"))
                .getText();
    }
}
