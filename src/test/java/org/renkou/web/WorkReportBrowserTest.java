package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.renkou.Api;

/**
 * The work report page on a desktop screen: a section's text edited, the report generated again with it, then
 * back to the default (after the page asks: it discards the office's text).
 */
class WorkReportBrowserTest extends BrowserTestSupport {
    private static final String PAGE = "/stats/report?area=430105100&period=2011-10-01..2012-03-15";
    private static final String ADDED = "另外，我镇今年新建了两个流动人口服务站。";

    @Test
    void theOfficeEditsASectionSeesItInTheReportAndGoesBackToTheDefault() {
        Api api = Api.as(port, "officer", "officer123");
        String original = api.get("/api/v1/reports/work-report/template").json("$.body");
        try {
            browser.driver().manage().window().setSize(new Dimension(1366, 900));
            browser.login("officer", "officer123").open(PAGE);
            assertThat(browser.text("report")).contains("一、百日行工作").doesNotContain(ADDED).doesNotContain("{");
            screenshots("work-report");
            browser.driver().manage().window().setSize(new Dimension(1366, 900));

            // the editor is below a long report: a link at the top leads to it
            assertThat(browser.waitFor(By.id("edit-template")).getAttribute("href")).endsWith("#template-editor");
            assertThat(browser.all(By.id("template-editor"))).hasSize(1);
            WebElement text = browser.waitFor(By.id("section-text-1"));
            assertThat(browser.text("section-1")).contains("一、百日行工作");
            text.click();
            text.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n\n" + ADDED + "期内出生 {BIRTHS} 人。");
            browser.clickAndWait("save-sections");
            assertThat(browser.text("template-saved")).isNotBlank();
            String births = api.get("/api/v1/indicators?area=430105100&period=2011-10-01..2012-03-15&codes=BIRTHS")
                    .json("$[0].value").toString();
            assertThat(browser.text("report")).as("the report is generated again with the new paragraph and its figure")
                    .contains(ADDED + "期内出生 " + births + " 人。");
            assertThat(browser.driver().findElement(By.id("section-text-1")).getAttribute("value")).contains(ADDED);

            // going back to the default discards the office's text: the page asks first
            WebElement report = browser.waitFor(By.id("report"));
            browser.click("restore-default");
            Alert question = new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
            assertThat(question.getText()).contains("恢复默认模板将丢弃");
            question.accept();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(report));
            assertThat(browser.text("report")).contains("一、百日行工作").doesNotContain(ADDED);
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            api.put("/api/v1/reports/work-report/template", "{\"body\":" + tools.jackson.databind.json.JsonMapper.builder()
                    .build().writeValueAsString(original) + "}");
        }
    }
}
