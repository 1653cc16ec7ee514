package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.renkou.Api;
import org.renkou.TestData;

/** Upload a file for a dry run, read the report and fetch the rejected rows. */
class ImportBrowserTest extends BrowserTestSupport {
    private static final String VILLAGE = "430105141001";

    @BeforeEach
    void makeTown() {
        TestData.town(Api.as(port, "admin", "admin123"), "141");
    }

    @Test
    void aDryRunShowsItsReportAndTheRejectedRows(@TempDir Path dir) throws Exception {
        LocalDate b = LocalDate.of(1970, 10, 10);
        String id = TestData.idNumber(b, "1");
        String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        String csv = "身份证号,姓名,性别,出生日期,户号,与户主关系,村居代码,人口类别\n"
                + String.join(",", id, "页面导入", "1", b.toString(), "T141A", "02", VILLAGE, "户籍") + "\n"
                + String.join(",", wrong, "页面错误", "1", b.toString(), "T141B", "02", VILLAGE, "户籍") + "\n";
        Path file = dir.resolve("persons.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        browser.login("admin", "admin123").open("/imports");
        browser.driver().findElement(By.id("file")).sendKeys(file.toString());
        browser.clickAndWait("upload");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.id("job-status"), "完成"));
        assertThat(browser.text("count-added")).isEqualTo("1");
        assertThat(browser.text("count-rejected")).isEqualTo("1");
        assertThat(browser.text("error-table")).contains("3").contains("身份证号").contains("校验码错误");
        browser.screenshot("import-dry-run");
        String href = browser.driver().findElement(By.id("errors-csv")).getAttribute("href");
        assertThat(href).endsWith("/imports/" + href.replaceAll(".*/imports/(\\d+)/.*", "$1") + "/errors?format=csv");
        assertThat(new String(Api.as(port, "admin", "admin123").download("/api/v1/imports/"
                + href.replaceAll(".*/imports/(\\d+)/.*", "$1") + "/errors"), StandardCharsets.UTF_8)).contains(wrong);
        assertThat(Api.as(port, "admin", "admin123").get("/api/v1/persons?name=" + Api.enc("页面导入")).<Integer>json("$.total"))
                .as("a dry run writes nothing").isZero();
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
