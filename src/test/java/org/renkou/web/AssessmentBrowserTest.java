package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The assessment page: the ranking of the units, a unit's items, and its agreement edited in place. */
class AssessmentBrowserTest extends BrowserTestSupport {

    @Test
    void theTownOfficeReadsTheRankingAndEditsAUnitsAgreement() {
        browser.login("officer", "officer123").open("/assessment?area=430105100&year=2012");
        assertThat(browser.all(By.cssSelector("#assessment-ranking tbody tr"))).hasSize(27);
        assertThat(browser.text("assessment-ranking")).contains("捞刀河村").doesNotContain("POLICY_BIRTH_RATE");
        browser.screenshot("assessment-ranking");
        browser.open("/assessment/unit/430105100224?year=2012");
        assertThat(browser.text("assessment-items")).contains("符合政策生育率").contains("≥ 99");
        new Select(browser.driver().findElement(By.id("targets6.indicator"))).selectByValue("BIRTHS");
        new Select(browser.driver().findElement(By.id("targets6.comparison"))).selectByValue("LE");
        browser.type("targets6.target", "500").type("targets6.weight", "5");
        browser.clickAndWait("agreement-save");
        assertThat(browser.text("saved")).isNotBlank();
        assertThat(browser.text("assessment-items")).contains("出生人数").contains("≤ 500");
        // pro rata without a floor: the page may send it, the server refuses it naming the field
        new Select(browser.driver().findElement(By.id("targets7.indicator"))).selectByValue("BIRTHS");
        new Select(browser.driver().findElement(By.id("targets7.rule"))).selectByValue("PRO_RATA");
        browser.type("targets7.target", "1").type("targets7.weight", "5").clickAndWait("agreement-save");
        assertThat(browser.text("errors")).contains("起评值");
        browser.screenshot("assessment-unit");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
