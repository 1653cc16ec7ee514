package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.renkou.Api;
import org.renkou.TestData;

/** The main screens of the register in a real browser: login, search, edit with an error, household. */
class RegisterBrowserTest extends BrowserTestSupport {
    private static final String VILLAGE = "430105161001";

    @BeforeEach
    void makeTown() {
        TestData.town(Api.as(port, "admin", "admin123"), "161");
    }

    @Test
    void logsInAndSeesTheDemoTownsFigures() {
        browser.login("admin", "wrong-password");
        assertThat(browser.text("login-error")).contains("用户名或密码错误");
        browser.login("officer", "officer123");
        // today's register: the report's town plus the children born since (and whatever other tests added)
        org.renkou.Api officer = org.renkou.Api.as(port, "officer", "officer123");
        int registered = officer.get("/api/v1/persons?size=1&status=REGISTERED").json("$.total");
        int inflow = officer.get("/api/v1/persons?size=1&status=INFLOW").json("$.total");
        assertThat(browser.text("fig-resident")).isEqualTo(String.format("%,d", registered + inflow));
        assertThat(registered + inflow).isGreaterThanOrEqualTo(47_150 + org.renkou.demo.DemoTown.CHILDREN_TODAY);
        browser.screenshot("home");
        assertThat(browser.driver().getPageSource()).contains("合成数据");
        browser.clickAndWait("lang-switch");
        assertThat(browser.waitFor(By.cssSelector("#figures .label")).getText()).isEqualTo("Resident population");
        browser.clickAndWait("lang-switch");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void searchesTheRegisterWithMaskedIdNumbers() {
        browser.login("officer", "officer123").open("/persons");
        browser.type("f-name", "刘").click("search");
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(ExpectedConditions.urlContains("name="));
        List<WebElement> rows = browser.all(By.cssSelector("#person-table .person-row"));
        assertThat(rows).isNotEmpty();
        assertThat(browser.all(By.cssSelector("#person-table .person-link"))).allMatch(a -> a.getText().startsWith("刘"));
        assertThat(browser.all(By.cssSelector("#person-table .id-number")))
                .allMatch(td -> td.getText().matches("\\d{6}\\*{12}"));
        assertThat(browser.text("total")).startsWith("共");
        browser.screenshot("persons");
        browser.all(By.cssSelector("#person-table .person-link")).get(0).click();
        assertThat(browser.text("id-number")).matches("\\d{17}[0-9X]");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void editingShowsTheErrorBesideItsFieldAndThenSaves() {
        LocalDate birth = LocalDate.of(1986, 4, 12);
        String id = TestData.idNumber(birth, "2");
        int personId = Api.as(port, "admin", "admin123")
                .post("/api/v1/persons", TestData.person(id, "浏览器测试", "2", birth, VILLAGE, null, "")).json("$.id");
        browser.login("admin", "admin123").open("/persons/" + personId + "/edit");
        String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        browser.type("idNumber", wrong).clickAndWait("save");
        assertThat(browser.text("error-idNumber")).contains("校验码错误");
        assertThat(browser.driver().findElement(By.id("idNumber")).getAttribute("class")).contains("invalid");
        browser.screenshot("person-form-error");
        browser.type("idNumber", id).type("phone", "13712345678").clickAndWait("save");
        assertThat(browser.text("saved")).isEqualTo("已保存。");
        assertThat(browser.text("person-name")).isEqualTo("浏览器测试");
        assertThat(browser.driver().findElement(By.id("history")).getText()).contains("13712345678");
    }

    @Test
    void theHouseholdPageListsTheMembersWithTheirRelation() {
        browser.login("cadre", "cadre123").open("/persons?area=430105100201");
        browser.all(By.cssSelector("#person-table .person-link")).get(0).click();
        browser.clickAndWait("household-link");
        assertThat(browser.text("household-no")).isNotBlank();
        List<WebElement> members = browser.all(By.cssSelector("#members .member"));
        assertThat(members).isNotEmpty();
        browser.screenshot("household");
        assertThat(browser.all(By.cssSelector("#members .relation"))).extracting(WebElement::getText).contains("户主");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aCadreIsRefusedAPersonOutsideTheirVillage() {
        int outside = Api.as(port, "admin", "admin123").get("/api/v1/persons?size=1&area=430105100202").json("$.items[0].id");
        browser.login("cadre", "cadre123").open("/persons/" + outside);
        assertThat(browser.text("error-message")).contains("不存在");
        browser.open("/admin/users");
        assertThat(browser.text("error-message")).contains("不允许");
    }
}
