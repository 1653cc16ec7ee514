package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.renkou.Api;
import org.renkou.TestData;

/**
 * Every main screen as the role that works with it, on the demo town: names where codes are stored, lists paged
 * with their true totals, labels that say what a field is, no form a role may not use; screenshots at 1366 and
 * 390 px (target/screenshots).
 */
class ScreensBrowserTest extends BrowserTestSupport {

    private String page() {
        return browser.driver().getPageSource();
    }

    private List<String> texts(String css) {
        return browser.all(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    @Test
    void verificationRequestsArePagedAndTheirFeedbackReadsAsWords() {
        browser.login("officer", "officer123").open("/migration?sentPage=1000");
        assertThat(browser.text("sentPage-total")).matches("共 \\d+ 条，第 (\\d+)/\\1 页");
        assertThat(browser.all(By.cssSelector("#sent tbody tr"))).hasSizeBetween(1, 20);
        assertThat(browser.text("sent")).as("the oldest requests are the demo's, answered")
                .contains("本地有此人").doesNotContain("{").doesNotContain("found").doesNotContain("maritalStatus");
        assertThat(texts("#sent .place > span:first-child")).allMatch(t -> t.endsWith("县") || t.endsWith("区")
                || t.endsWith("市") || t.endsWith("旗") || t.matches(".*[省州盟].*"));
        assertThat(browser.all(By.cssSelector("#sent th")).stream().map(WebElement::getText)).contains("户籍地", "状态")
                .doesNotContain("人口类别");
        screenshots("migration");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aGridWorkerRegistersAnArrivalInTheirGridAndSeesTheirGridAsHome() {
        browser.login("grid", "grid1234");
        assertThat(browser.text("home-place")).startsWith("捞刀河村第1网格"); // an earlier test may give the account another grid
        screenshots("home-grid");
        LocalDate birth = LocalDate.of(1994, 4, 4);
        String id = TestData.idNumber(birth, "1");
        browser.open("/migration");
        browser.type("idNumber", id).type("name", "网格流入");
        assertThat(new Select(browser.driver().findElement(By.id("sex"))).getFirstSelectedOption().getText())
                .as("no sex is chosen for the user").isEqualTo("请选择");
        new Select(browser.driver().findElement(By.id("sex"))).selectByValue("1");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('birthDate').value = '1994-04-04';");
        browser.type("hukouCode", "431021");
        new Select(browser.driver().findElement(By.id("villageCode"))).selectByVisibleText("捞刀河村");
        // the account may have been given another grid by an earlier test, so the grid is chosen, not assumed
        new Select(browser.driver().findElement(By.id("gridCode"))).selectByValue("430105100201001");
        assertThat(new Select(browser.driver().findElement(By.id("gridCode"))).getFirstSelectedOption().getText())
                .isEqualTo("第1网格");
        browser.clickAndWait("register-arrival");
        assertThat(browser.text("saved")).contains("协查已发往户籍地");
        Api officer = Api.as(port, "officer", "officer123");
        int personId = officer.get("/api/v1/persons?idNumber=" + id).json("$.items[0].id");
        browser.open("/persons/" + personId);
        assertThat(browser.text("person-record")).contains("湖南省郴州市桂阳县").contains("431021");
        officer.post("/api/v1/persons/" + personId + "/entered-by-mistake?version=0", "");

        browser.open("/stats");
        assertThat(new Select(browser.driver().findElement(By.id("area"))).getOptions()).extracting(WebElement::getText)
                .contains("—— 第1网格");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aPersonsHistoryReadsAsNamesAndAMansRecordHasNoWomensPage() {
        Api officer = Api.as(port, "officer", "officer123");
        String id = TestData.idNumber(LocalDate.of(1980, 8, 8), "1");
        int personId = officer.post("/api/v1/persons", TestData.person(id, "历史男", "1", LocalDate.of(1980, 8, 8),
                "430105100201", null, "")).json("$.id");
        officer.post("/api/v1/migration/persons/" + personId + "/departure",
                "{\"on\":\"" + LocalDate.now().minusDays(3) + "\",\"placeCode\":\"440306\",\"reason\":\"WORK\"}");
        browser.login("officer", "officer123").open("/persons/" + personId);
        String history = browser.text("history");
        assertThat(history).contains("户籍").contains("流出").contains("广东省深圳市宝安区")
                .doesNotContain("REGISTERED").doesNotContain("OUTFLOW").doesNotContain("WEB");
        assertThat(browser.text("person-record")).contains("广东省深圳市宝安区");
        screenshots("person");
        browser.open("/health/women/" + personId);
        assertThat(browser.url()).as("a man's record opens his register page").endsWith("/persons/" + personId);
        assertThat(browser.all(By.id("contraception-form"))).isEmpty();
        officer.post("/api/v1/persons/" + personId + "/entered-by-mistake?version=" + officer.get("/api/v1/persons/" + personId)
                .<Integer>json("$.version"), "");
    }

    @Test
    void theRegisterAndTheTaskListAreCardsOnAPhone() {
        browser.login("cadre", "cadre123").open("/persons");
        browser.driver().manage().window().setSize(new Dimension(390, 900));
        WebElement row = browser.waitFor(By.cssSelector("#person-table tbody tr"));
        assertThat(row.getCssValue("display")).as("a card, not a table row").isEqualTo("grid");
        assertThat(browser.waitFor(By.cssSelector("#person-table tbody tr td[data-label]")).getText()).isNotBlank();
        assertThat(browser.driver().findElement(By.cssSelector("#person-table thead")).isDisplayed()).isFalse();
        screenshots("persons");

        browser.open("/health/tasks");
        assertThat(browser.text("total")).matches("共 \\d+ 条，第 1/\\d+ 页");
        assertThat(browser.all(By.cssSelector("#tasks tbody tr"))).hasSizeLessThanOrEqualTo(50);
        browser.driver().manage().window().setSize(new Dimension(390, 900));
        assertThat(browser.waitFor(By.cssSelector("#tasks tbody tr")).getCssValue("display")).as("a card, not a table row").isEqualTo("grid");
        screenshots("tasks");
        new Select(browser.driver().findElement(By.id("f-kind"))).selectByValue("IUD_CHECK_DUE");
        browser.clickAndWait("search");
        assertThat(texts("#tasks tbody tr td:first-child")).isNotEmpty().allMatch(t -> t.contains("应查环"));
    }

    @Test
    void theWomensRegisterNamesMaritalStatus() {
        browser.login("officer", "officer123").open("/health?married=true");
        assertThat(texts("#women tbody td:nth-child(6)")).isNotEmpty().allMatch(t -> t.equals("已婚") || t.endsWith("婚"));
        assertThat(browser.text("women")).doesNotContain(" 20 ");
        screenshots("health");
    }

    @Test
    void suppliesShowPointsByItemsWithOneForm() {
        browser.login("officer", "officer123").open("/supplies");
        List<String> heads = texts("#stock thead th");
        assertThat(heads).hasSize(6).anyMatch(h -> h.startsWith("外用避孕药")).anyMatch(h -> h.startsWith("紧急避孕药"));
        assertThat(texts("#stock tbody tr td:nth-child(5)")).as("the demo's points hold every item").isNotEmpty()
                .noneMatch(t -> t.equals("0"));
        assertThat(browser.all(By.cssSelector("#stock td.low"))).isNotEmpty();
        assertThat(browser.all(By.cssSelector("form[action$='/ledger']"))).hasSize(1);
        assertThat(browser.text("total")).startsWith("共");
        screenshots("supplies");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void exchangeNamesMessageKindsAndStates() {
        browser.login("officer", "officer123").open("/exchange");
        assertThat(browser.text("outbox")).contains("协查").doesNotContain("migration.verification");
        assertThat(texts("#outbox th")).contains("状态").doesNotContain("人口类别");
        screenshots("exchange");
    }

    @Test
    void theDashboardNamesItsIndicatorsAndTheTablesReadInEnglish() {
        browser.login("officer", "officer123").open("/stats?period=2011-10-01..2012-03-15&date=2012-03-15");
        assertThat(texts("#indicators th")).contains("指标").doesNotContain("姓名", "代码");
        assertThat(texts("#indicators tbody td:first-child")).contains("常住人口").doesNotContain("POP_RESIDENT");
        screenshots("dashboard");
        browser.open("/stats/tables?period=2011-10-01..2012-03-15&date=2012-03-15");
        assertThat(browser.text("table-tong1")).contains("国人口统1表").contains("合计");
        screenshots("tables");
        browser.open("/stats/tables?period=2011-10-01..2012-03-15&date=2012-03-15&lang=en");
        assertThat(browser.text("table-tong1")).contains("Total").contains("Registered population").doesNotContain("合计");
        browser.open("/stats/report?period=2011-10-01..2012-03-15&date=2012-03-15");
        assertThat(page()).contains("work report").doesNotContain("工作汇报</h1>");
        browser.open("/stats/report?lang=zh_CN");
    }

    @Test
    void requestsOutreachAndThePortalAskForWhatTheyMean() {
        browser.login("officer", "officer123").open("/requests");
        assertThat(page()).doesNotContain(">模板<");
        screenshots("requests");
        browser.open("/outreach");
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isNotBlank();
        screenshots("outreach");
        browser.open("/portal/ask");
        assertThat(texts("#ask-form label > span")).contains("内容").doesNotContain("模板");
        screenshots("portal-ask");
        browser.clickAndWait("lang-switch");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(texts("#ask-form label > span")).contains("Message");
        browser.clickAndWait("lang-switch");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
    }
}
