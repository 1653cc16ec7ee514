package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.renkou.Api;
import org.renkou.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bulk merge screen: the preview of the AUTO pairs, the merge started, its page watched until it is done,
 * with the pair it could not merge listed and linked for review.
 */
class LinkageAutoMergeBrowserTest extends BrowserTestSupport {
    private static final String VILLAGE = "430105473001";

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAutoPairsArePreviewedMergedInTheBackgroundAndTheOutcomeShown() {
        Api admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "473");
        LocalDate born = LocalDate.of(1949, 11, 23);
        long a1 = person(admin, TestData.idNumber(born, "1"), "王建国", born);
        long b1 = person(admin, null, "王建国", born);
        long c1 = person(admin, TestData.idNumber(born, "1"), "王建國", born);
        LocalDate born2 = LocalDate.of(1953, 3, 6);
        long a2 = person(admin, null, "黄淑珍", born2);
        long b2 = person(admin, TestData.idNumber(born2, "2"), "黄淑珍", born2);
        pair(a1, b1, 31.0);
        pair(a2, b2, 30.0);
        // b1 again: merged into a1 by the first pair, so this one cannot be merged
        long chained = pair(b1, c1, 22.0);

        browser.login("county", "county123");
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
        browser.open("/linkage/auto?area=" + VILLAGE);
        // the area is chosen by name, not typed as a code
        String villageName = new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("auto-area")))
                .getFirstSelectedOption().getText();
        assertThat(villageName).isNotBlank().doesNotContain(VILLAGE);
        assertThat(browser.text("auto-pairs")).contains("王建国", "黄淑珍", "王建國");
        assertThat(browser.driver().findElement(By.id("auto-merge-form")).getAttribute("data-confirm")).contains("3");
        screenshots("linkage-auto-preview");

        // the confirmation is the browser's own dialog: answered yes
        ((JavascriptExecutor) browser.driver()).executeScript("window.confirm = function () { return true; };");
        browser.clickAndWait("auto-merge");
        assertThat(browser.url()).contains("/linkage/auto/jobs/");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(d -> !d.findElements(By.id("job-done")).isEmpty());
        assertThat(browser.text("job-status")).isEqualTo("已完成");
        assertThat(browser.text("count-merged")).isEqualTo("2");
        assertThat(browser.text("count-skipped")).isEqualTo("1");
        assertThat(browser.text("not-merged")).contains("已合并到别的记录");
        assertThat(browser.all(By.cssSelector("#not-merged tr[data-pair='" + chained + "'] a"))).hasSize(1);
        screenshots("linkage-auto-job");
        assertThat(browser.consoleErrors()).isEmpty();

        // the bulk merge page lists it, to come back to
        browser.open("/linkage/auto?area=" + VILLAGE);
        assertThat(browser.text("auto-jobs")).contains("已完成", villageName.replace("— ", "")).doesNotContain(VILLAGE);
        assertThat(browser.text("auto-pairs")).contains("王建國").doesNotContain("黄淑珍");
    }

    @Test
    void anEstimationIsStartedWatchedAndItsWeightsShownBesideThoseInUseUntilAdopted() {
        browser.login("officer", "officer123");
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
        browser.open("/linkage/weights");
        browser.type("estimate-area", "430105100201");
        browser.submit(By.cssSelector("#estimate-form button[type=submit]"));
        assertThat(browser.url()).contains("estimation=");
        // the page polls the job until the estimate is there, without a reload
        new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
                .until(d -> !d.findElements(By.id("estimate")).isEmpty());
        assertThat(browser.driver().findElement(By.id("estimation")).getAttribute("data-status")).isEqualTo("DONE");
        assertThat(browser.text("estimate")).contains("两个不同的有效号码");
        assertThat(browser.all(By.id("adopt-form"))).hasSize(1);
        assertThat(browser.text("in-use")).contains("默认权重");
        // the list of estimations, polled with it, says the same
        String id = browser.url().replaceFirst(".*estimation=(\\d+).*", "$1");
        assertThat(browser.driver().findElement(By.cssSelector("#estimations tr[data-estimation='" + id + "']")).getText())
                .contains("已完成");
        screenshots("linkage-weights-estimated");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** A person as old data enters it: added as somebody else (so the entry check does not stop it), then changed. */
    private static long person(Api admin, String idNumber, String name, LocalDate born) {
        String sex = idNumber == null || (idNumber.charAt(16) - '0') % 2 == 1 ? "1" : "2";
        int id = admin.post("/api/v1/persons", TestData.person(null, "临时", sex, LocalDate.of(1931, 1, 1), VILLAGE,
                null, "")).json("$.id");
        Api.Response changed = admin.put("/api/v1/persons/" + id, TestData.person(idNumber, name, sex, born, VILLAGE,
                null, ",\"version\":0"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        return id;
    }

    private long pair(long a, long b, double score) {
        return jdbc.sql("""
                insert into linkage_pair (left_id, right_id, score, match, reasons, status, source, found_by)
                values (?, ?, ?, 'AUTO', ?, 'OPEN', 'ENTRY', 'test') returning id""")
                .params(Math.min(a, b), Math.max(a, b), score, new String[]{"NAME.EXACT"}).query(Long.class).single();
    }
}
