package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The dashboard of the demo town for the report's period: figures, every chart drawn, tables and CSV. */
class DashboardBrowserTest extends BrowserTestSupport {
    private static final String PERIOD = "2011-10-01..2012-03-15";

    @Test
    void theDemoTownsDashboardShowsTheReportsFiguresAndDrawsEveryChart() {
        browser.login("officer", "officer123").open("/stats?area=430105100&period=" + PERIOD);
        assertThat(browser.text("fig-POP_RESIDENT")).isEqualTo("47150");
        assertThat(browser.text("fig-BIRTHS")).isEqualTo("256");
        assertThat(browser.text("fig-CHECK_RATE")).isEqualTo("98.0%");
        List<WebElement> charts = browser.all(By.cssSelector(".chart"));
        assertThat(charts).hasSizeGreaterThanOrEqualTo(7);
        for (WebElement c : charts) {
            assertThat(c.getAttribute("data-rendered")).as(c.getAttribute("id")).isEqualTo("true");
            assertThat(c.findElements(By.tagName("svg"))).as(c.getAttribute("id")).isNotEmpty();
        }
        assertThat(browser.text("breakdown")).contains("捞刀河村").contains("彭居社区");
        String csv = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[0]; fetch(document.querySelector('#block-pyramid a.csv').href)"
                        + ".then(function (r) { return r.text(); }).then(done);");
        assertThat(csv).contains("男").contains("女").contains("85+");
        browser.screenshot("dashboard");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aFigureDrillsDownToThePersonsBehindIt() {
        browser.login("officer", "officer123").open("/stats?area=430105100201&period=" + PERIOD);
        String inflow = browser.driver().findElement(By.cssSelector("#row-POP_INFLOW td.numerator a")).getText();
        browser.driver().findElement(By.cssSelector("#row-POP_INFLOW td.numerator a")).click();
        assertThat(browser.text("person-count")).isEqualTo(inflow);
        assertThat(browser.text("persons")).contains("********");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theWorkReportIsShownAndDownloads() {
        browser.login("officer", "officer123").open("/stats/report?area=430105100&period=" + PERIOD);
        assertThat(browser.text("report")).contains("常住人口 47150 人").contains("符合政策生育率为 99.6%");
        for (String link : List.of("report-docx", "report-pdf")) {
            String type = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "var done = arguments[0]; fetch(document.getElementById('" + link + "').href)"
                            + ".then(function (r) { return r.blob(); }).then(function (b) { done(b.type + ' ' + b.size); });");
            assertThat(type).as(link).matches(link.endsWith("docx")
                    ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document \\d{5,}"
                    : "application/pdf \\d{5,}");
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theSupervisorSeesFiguresButNoPersons() {
        browser.login("supervisor", "super123").open("/stats?area=430105100&period=" + PERIOD);
        assertThat(browser.text("fig-POP_INFLOW")).isEqualTo("7304");
        assertThat(browser.driver().findElements(By.cssSelector("#row-POP_INFLOW a"))).isEmpty();
    }
}
