package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/** A submission as a desktop shows it: the town office submits, the district returns it, the town submits again. */
class SubmissionBrowserTest extends BrowserTestSupport {
    private static final String TABLES = "/stats/tables?area=430105100&period=2011Q4";

    @Test
    void theTownSubmitsTheDistrictReturnsAndTheTownSubmitsAgain() {
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
        browser.login("officer", "officer123").open(TABLES);
        assertThat(browser.text("submit-form")).contains("冻结");
        browser.clickAndWait("submit-tables");
        assertThat(browser.url()).contains("/stats/submissions/");
        String first = browser.url().replaceAll(".*/stats/submissions/(\\d+).*", "$1");
        assertThat(browser.text("submission-status")).contains("报送").contains("officer");
        assertThat(browser.text("submitted-tong1")).contains("国人口统1表").contains("迟报").contains("合计");
        assertThat(browser.all(By.id("return-form"))).as("the town does not review its own report").isEmpty();
        browser.open(TABLES);
        assertThat(browser.text("submitted-notice")).contains("已于");
        assertThat(browser.all(By.id("submit-tables"))).isEmpty();
        browser.clickAndWait("logout");

        browser.login("supervisor", "super123").open("/stats/submissions");
        assertThat(browser.text("submissions")).contains("捞刀河镇").contains("2011Q4").contains("已报送");
        browser.open("/stats/submissions/" + first);
        browser.type("return-reason", "一孩政策内数字与花名册不符，请核对");
        browser.clickAndWait("return-submission");
        assertThat(browser.text("submission-status")).contains("退回").contains("一孩政策内数字与花名册不符");
        assertThat(browser.all(By.id("return-form"))).isEmpty();
        screenshots("submission-returned");
        browser.clickAndWait("logout");

        browser.login("officer", "officer123").open(TABLES);
        assertThat(browser.text("returned-notice")).contains("一孩政策内数字与花名册不符");
        browser.clickAndWait("submit-tables");
        assertThat(browser.text("submission-status")).contains("已于");
        assertThat(browser.all(By.cssSelector("#history .history-entry"))).hasSize(2);
        assertThat(browser.text("history")).contains("supervisor 退回：一孩政策内数字与花名册不符");
        screenshots("submission-resubmitted");
        browser.open("/stats/submissions?lang=en");
        assertThat(browser.text("submissions")).contains("Submitted").contains("Returned");
        browser.open("/stats/submissions/" + first);
        assertThat(browser.text("submission-status")).contains("Returned for correction");
        assertThat(browser.text("submitted-tong1")).contains("Late reports");
        browser.open("/stats/submissions?lang=zh_CN");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theLiveTableHighlightsWhatChangedSinceTheSubmissionAndTheSubmittedOneStaysPut() {
        Api admin = Api.as(port, "admin", "admin123");
        Api office = Api.as(port, "county", "county123");
        String town = TestData.town(admin, "245");
        int submission = office.post("/api/v1/reports/submissions", "{\"area\":\"" + town + "\",\"period\":\"FP2012\"}")
                .json("$.id");
        LocalDate born = LocalDate.of(1986, 1, 5);
        int mother = admin.post("/api/v1/persons", TestData.person(TestData.idNumber(born, "2"), "迟报母", "2", born,
                town + "001", town + "001001", "")).json("$.id");
        admin.post("/api/v1/health/women/" + mother + "/births", "{\"sex\":\"2\",\"birthDate\":\"2012-07-07\"}");

        browser.login("county", "county123").open("/stats/tables?area=" + town + "&period=FP2012");
        assertThat(browser.text("changed-since")).contains("标色");
        assertThat(browser.driver().findElement(By.cssSelector("#table-tong1 tr:last-child td:nth-child(5)")).getText())
                .as("births now, with the submitted figure").isEqualTo("1\n（报送 0）");
        assertThat(browser.all(By.cssSelector("#table-tong1 tr:last-child td.changed .was")).get(0).getText()).isEqualTo("（报送 0）");
        screenshots("tables-changed-since-submission");
        browser.clickAndWait("open-submitted");
        assertThat(browser.url()).endsWith("/stats/submissions/" + submission);
        assertThat(browser.driver().findElement(By.cssSelector("#submitted-tong1 tr:last-child td:nth-child(5)")).getText())
                .as("births as submitted").isEqualTo("0");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
