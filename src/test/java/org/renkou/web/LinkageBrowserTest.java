package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.renkou.Api;
import org.renkou.TestData;

/**
 * The review queue at 1366 px: a pair found by a run, both records side by side with their differences, one
 * value chosen from the other record, merged ("merged into N" on the merged record), and undone.
 */
class LinkageBrowserTest extends BrowserTestSupport {
    private static final String VILLAGE = "430105417001";

    @Test
    void aPairIsReviewedSideBySideAValueChosenMergedAndUndone() throws InterruptedException {
        Api admin = Api.as(port, "admin", "admin123");
        Api officer = Api.as(port, "county", "county123");
        TestData.town(admin, "417");
        LocalDate born = LocalDate.of(1972, 8, 19);
        int kept = officer.post("/api/v1/persons", TestData.person(TestData.idNumber(born, "1"), "刘德华", "1", born,
                VILLAGE, null, "")).json("$.id");
        // the same man from old data: entered as somebody else, then changed into the duplicate
        int other = officer.post("/api/v1/persons", TestData.person(null, "临时", "1", LocalDate.of(1931, 1, 1),
                VILLAGE, null, "")).json("$.id");
        String old = TestData.person(null, "劉德華", "1", born, VILLAGE, null, ",\"version\":0");
        assertThat(officer.put("/api/v1/persons/" + other, old).status()).isEqualTo(200);
        int run = officer.post("/api/v1/linkage/runs", "{\"area\":\"" + VILLAGE + "\"}").json("$.id");
        for (int i = 0; i < 600 && "RUNNING".equals(officer.get("/api/v1/linkage/runs/" + run).json("$.status")); i++) {
            Thread.sleep(100);
        }

        browser.login("county", "county123");
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
        browser.open("/linkage?area=" + VILLAGE);
        assertThat(browser.text("pairs")).contains("刘德华").contains("劉德華");
        browser.driver().findElement(By.cssSelector("#pairs tbody tr a")).click();
        assertThat(browser.text("reasons")).contains("姓名相同").contains("出生日期相同");
        String pairPage = browser.url().replaceFirst("^https?://[^/]+", "");
        assertThat(browser.all(By.cssSelector("#side-by-side tr.differs[data-field='idNumber']"))).hasSize(1);
        assertThat(browser.all(By.cssSelector("#side-by-side tr.differs[data-field='birthDate']"))).isEmpty();
        // side by side: both records' columns next to each other, inside the window
        WebElement left = browser.driver().findElement(By.cssSelector("#side-by-side tr[data-field='name'] td:nth-of-type(1)"));
        WebElement right = browser.driver().findElement(By.cssSelector("#side-by-side tr[data-field='name'] td:nth-of-type(2)"));
        assertThat(right.getRect().getX()).isGreaterThanOrEqualTo(left.getRect().getX() + left.getRect().getWidth());
        assertThat(right.getRect().getY()).isEqualTo(left.getRect().getY());
        assertThat(right.getRect().getX() + right.getRect().getWidth()).isLessThanOrEqualTo(1366);
        screenshots("linkage-pair");

        // keep the first record, with the other record's way of writing the name
        assertThat(browser.driver().findElement(By.id("survivor-left")).isSelected()).isTrue();
        assertThat(browser.driver().findElement(By.id("value-name-left")).isSelected()).isTrue();
        browser.click("value-name-right");
        // choosing the other record as survivor moves the untouched choices with it, not the one made by hand
        browser.click("survivor-right");
        assertThat(browser.driver().findElement(By.id("value-idNumber-right")).isSelected()).isTrue();
        browser.click("survivor-left");
        assertThat(browser.driver().findElement(By.id("value-idNumber-left")).isSelected()).isTrue();
        assertThat(browser.driver().findElement(By.id("value-name-right")).isSelected()).isTrue();
        browser.clickAndWait("merge");
        assertThat(browser.text("pair-status")).isEqualTo("已合并");
        assertThat(browser.text("merged-into")).contains("#" + kept);
        assertThat(officer.get("/api/v1/persons/" + kept).<String>json("$.name")).isEqualTo("劉德華");
        assertThat(officer.get("/api/v1/persons?area=" + VILLAGE + "&name=" + Api.enc("劉德華")).<java.util.List<Integer>>json("$.items[*].id"))
                .containsExactly(kept);

        // the merged record says where it went, and its history tells it
        browser.open("/persons/" + other);
        assertThat(browser.text("merged-into")).contains("已合并到").contains("#" + kept);
        assertThat(browser.text("history")).contains("合并到记录");
        browser.clickAndWait("merged-into-link");
        assertThat(browser.text("person-name")).isEqualTo("劉德華");

        browser.open(pairPage);
        browser.clickAndWait("undo");
        assertThat(browser.text("pair-status")).isEqualTo("待处理");
        assertThat(officer.get("/api/v1/persons/" + kept).<String>json("$.name")).isEqualTo("刘德华");
        assertThat(officer.get("/api/v1/persons?area=" + VILLAGE + "&name=" + Api.enc("劉德華")).<Integer>json("$.total")).isEqualTo(1);
        screenshots("linkage-pair-open");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
