package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The town office's and the administrator's lists on a phone (390 px): the births, the check campaigns, the birth-policy
 * rules, the allowance applications, the user accounts and the audit log are cards (no table squeezed to a column a
 * character wide), and read as words.
 */
class OfficePhoneBrowserTest extends BrowserTestSupport {

    @Test
    void theBirthsAreCardsWithTheirCountNamed() {
        phone().login("officer", "officer123").open("/health/births?period=2012");
        assertThat(browser.text("birth-count")).matches("共 [\\d,]+ 人");
        assertCards("births");
        assertThat(browser.all(By.cssSelector("#births tbody tr:first-child td[data-label]")))
                .extracting(td -> td.getAttribute("data-label")).contains("性别", "孩次");
        screenshots("office-births");
    }

    @Test
    void theRulesNameTheirRegion() {
        phone().login("officer", "officer123").open("/health/rules");
        assertCards("rules");
        assertThat(browser.text("rules")).as("the province by name, its code beside it").contains("湖南省").contains("全国");
        assertThat(browser.all(By.cssSelector("#rules td"))).extracting(e -> e.getText().trim()).doesNotContain("43");
    }

    @Test
    void theAllowanceListsAreCards() {
        phone().login("county", "county123").open("/support/allowances");
        // the demo town's childcare subsidy: approved applications, and children still to apply for
        assertCards("applications");
        assertCards("eligible");
        screenshots("office-allowances");
    }

    @Test
    void theAdministratorsUsersAreCardsWithNamedFields() {
        phone().login("admin", "admin123").open("/admin/users");
        assertCards("users");
        assertThat(browser.all(By.cssSelector("#users tbody tr:first-child .phone-label")))
                .as("each field says what it is, where the head is hidden").hasSize(3)
                .allSatisfy(l -> assertThat(l.isDisplayed()).isTrue());
        assertThat(browser.driver().findElement(By.cssSelector("#users tbody tr:first-child input[name=password]"))
                .getRect().getX() + 10).as("the password field is on the screen").isLessThan(390);
        screenshots("admin-users");
    }

    @Test
    void theCheckCampaignsAreCards() {
        phone().login("officer", "officer123").open("/health/campaigns");
        assertCards("campaigns");
        assertThat(browser.all(By.cssSelector("#campaigns tbody tr:first-child td[data-label]")))
                .extracting(td -> td.getAttribute("data-label")).contains("花名册人数", "检查率");
    }

    @Test
    void theAuditLogIsCards() {
        phone().login("admin", "admin123").open("/admin/audit");
        assertCards("audit");
    }

    private org.renkou.Browser phone() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        return browser;
    }

    /** The table's head is hidden, its rows are cards as wide as the screen, and nothing scrolls sideways. */
    private void assertCards(String table) {
        assertThat(browser.driver().findElement(By.cssSelector("#" + table + " thead")).isDisplayed()).as(table + " head").isFalse();
        assertThat(browser.all(By.cssSelector("#" + table + " tbody tr"))).as(table + " rows").isNotEmpty()
                .allSatisfy(r -> assertThat(r.getCssValue("display")).isEqualTo("grid"));
        Long scroll = (Long) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollWidth;");
        assertThat(scroll).as("the page fits the phone").isLessThanOrEqualTo(390L);
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
