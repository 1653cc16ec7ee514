package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What the village cadre, the grid worker, the police and the resident on the portal tripped on when their screens
 * were gone over on a desktop and a phone.
 */
class FieldScreensBrowserTest extends BrowserTestSupport {

    @Test
    void aCadreSearchesDuplicatesInTheirVillageByNameAndTheQueueSaysState() {
        browser.login("cadre", "cadre123").open("/linkage");
        assertThat(new Select(browser.driver().findElement(By.id("run-area"))).getOptions())
                .extracting(WebElement::getText).containsExactly("捞刀河村");
        assertThat(new Select(browser.driver().findElement(By.id("queue-area"))).getOptions())
                .extracting(WebElement::getText).containsExactly("全部", "捞刀河村");
        assertThat(browser.text("queue-filter")).contains("状态").doesNotContain("人口类别");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aCadresOneVillageIsChosenForANewPerson() {
        browser.login("cadre", "cadre123").open("/persons/new");
        assertThat(new Select(browser.driver().findElement(By.id("villageCode"))).getFirstSelectedOption().getText())
                .isEqualTo("捞刀河村");
    }

    @Test
    void aGridWorkerRecordsOutreachInTheirGrid() {
        browser.login("grid", "grid1234").open("/outreach");
        Select area = new Select(browser.driver().findElement(By.cssSelector("#activity-form select[name=areaCode]")));
        assertThat(area.getOptions()).as("the grid worker's grids").isNotEmpty();
        assertThat(area.getFirstSelectedOption().getText()).endsWith("网格");
        browser.driver().findElement(By.cssSelector("#activity-form input[name=count]")).sendKeys("2");
        browser.submit(By.cssSelector("#activity-form button[type=submit]"));
        assertThat(browser.text("saved")).isEqualTo("已保存");
    }

    @Test
    void aRateWithoutADenominatorIsADashNotADashPercent() {
        // no checks were recorded in the demo town after 2012, so this year's check rate has nothing to count
        browser.login("police", "police123").open("/stats?area=430105100");
        assertThat(browser.text("fig-CHECK_RATE")).isEqualTo("–");
    }

    @Test
    void aResidentChoosesTheServiceFirstThenATime() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/portal/appointments");
        List<WebElement> groups = browser.all(By.cssSelector("fieldset.slot-group"));
        assertThat(groups).hasSizeGreaterThan(1);
        assertThat(groups).extracting(g -> g.findElement(By.tagName("legend")).getText())
                .anyMatch(l -> l.startsWith("孕环情检查 · "));
        // a time reads as the day and the hour without the year, its weekday and the places left under it
        assertThat(groups.get(0).findElement(By.cssSelector("label.slot b")).getText()).matches("\\d{1,2}-\\d{1,2} \\d{2}:\\d{2}");
        assertThat(groups.get(0).findElement(By.cssSelector("label.slot small")).getText()).matches("周. · 余 \\d+ 个");
        assertThat(browser.all(By.cssSelector("input[name=slotId]:checked"))).hasSize(1);
        browser.type("name", "分组预约").type("phone", "13911113333").clickAndWait("book");
        assertThat(browser.text("appointment-state")).isEqualTo("已预约");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theSupervisorsHomeLeadsToTheFiguresAndTheSubmissions() {
        browser.login("supervisor", "super123");
        browser.clickAndWait("home-submissions");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("报送记录");
        browser.open("/").clickAndWait("home-stats");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("统计报表");
    }

    @Test
    void onAPhoneTheHomeFiguresStandTwoARow() {
        browser.login("police", "police123");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/");
        List<WebElement> cards = browser.all(By.cssSelector("#figures .card"));
        assertThat(cards).hasSize(4);
        assertThat(cards.get(1).getLocation().getY()).isEqualTo(cards.get(0).getLocation().getY());
        assertThat(cards.get(2).getLocation().getY()).isGreaterThan(cards.get(0).getLocation().getY());
    }

    @Test
    void aSupportVisitAsksForANoteAndItsGoodsRunAcrossTheForm() {
        browser.login("cadre", "cadre123").open("/support");
        WebElement note = browser.driver().findElement(By.id("visit-note"));
        assertThat(note.findElement(By.xpath("..")).getText()).isEqualTo("备注");
        WebElement goods = browser.driver().findElement(By.cssSelector("#visit-form fieldset"));
        WebElement item = browser.driver().findElement(By.id("item0"));
        WebElement unit = browser.driver().findElement(By.id("unit0"));
        // item, quantity and unit of one line of goods side by side on a desktop, not stacked in a narrow column
        assertThat(unit.getLocation().getY()).isEqualTo(item.getLocation().getY());
        assertThat(goods.getSize().getWidth()).isGreaterThan(browser.driver().findElement(By.id("visit-form")).getSize().getWidth() / 2);
    }
}
