package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.renkou.Api;
import org.renkou.TestData;

/** The review queue: a pair found by a run, shown side by side with its differences, merged and undone. */
class LinkageBrowserTest extends BrowserTestSupport {
    private static final String VILLAGE = "430105417001";

    @Test
    void aPairIsReviewedSideBySideMergedAndUndone() throws InterruptedException {
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

        browser.login("county", "county123").open("/linkage?area=" + VILLAGE);
        assertThat(browser.text("pairs")).contains("刘德华").contains("劉德華");
        browser.driver().findElement(By.cssSelector("#pairs tbody tr a")).click();
        assertThat(browser.text("reasons")).contains("姓名相同").contains("出生日期相同");
        assertThat(browser.all(By.cssSelector("#side-by-side tr.differs[data-field='idNumber']"))).hasSize(1);
        assertThat(browser.all(By.cssSelector("#side-by-side tr.differs[data-field='birthDate']"))).isEmpty();
        browser.clickAndWait("keep-left");
        assertThat(browser.text("pair-status")).isEqualTo("已合并");
        assertThat(browser.text("merged-into")).contains("#" + kept);
        assertThat(officer.get("/api/v1/persons?area=" + VILLAGE + "&name=" + Api.enc("劉德華")).<Integer>json("$.total")).isZero();
        browser.clickAndWait("undo");
        assertThat(browser.text("pair-status")).isEqualTo("待处理");
        assertThat(officer.get("/api/v1/persons?area=" + VILLAGE + "&name=" + Api.enc("劉德華")).<Integer>json("$.total")).isEqualTo(1);
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
