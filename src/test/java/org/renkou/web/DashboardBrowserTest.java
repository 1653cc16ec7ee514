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
        assertThat(browser.text("fig-POP_RESIDENT")).isEqualTo("47,150");
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
        // the template's charts are drawn in the page, as in the DOCX and PDF (not only their titles)
        List<WebElement> figures = browser.all(By.cssSelector("#report .report-figure .chart"));
        assertThat(figures).isNotEmpty();
        for (WebElement c : figures) {
            assertThat(c.getAttribute("data-rendered")).as(c.getAttribute("id")).isEqualTo("true");
            assertThat(c.findElements(By.tagName("svg"))).as(c.getAttribute("id")).isNotEmpty();
        }
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
    void thePeriodIsReadWholeOnAPhoneAndOnADesktop() {
        browser.login("officer", "officer123");
        for (int width : new int[] {390, 1366}) {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
            for (String page : List.of("/stats/report", "/stats", "/stats/tables")) {
                browser.open(page + "?area=430105100&period=" + PERIOD);
                Boolean whole = (Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                        "var e = document.getElementById('period'); return e.scrollWidth <= e.clientWidth;");
                assertThat(whole).as(page + " at " + width + " px shows " + PERIOD + " whole").isTrue();
            }
        }
    }

    @Test
    void aRateWithoutAValueReadsAsADash() {
        // a month long before the demo town's checks: no check rate, shown as a dash (not "–%")
        browser.login("officer", "officer123").open("/stats?area=430105100&period=2000-01-01..2000-01-31");
        assertThat(browser.all(By.cssSelector("#headline .figure"))).extracting(WebElement::getText)
                .noneMatch(t -> t.contains("–%")).contains("–");
    }

    @Test
    void theSupervisorSeesFiguresButNoPersons() {
        browser.login("supervisor", "super123").open("/stats?area=430105100&period=" + PERIOD);
        assertThat(browser.text("fig-POP_INFLOW")).isEqualTo("7,304");
        assertThat(browser.driver().findElements(By.cssSelector("#row-POP_INFLOW a"))).isEmpty();
    }
}
