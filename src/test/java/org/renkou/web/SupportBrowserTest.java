package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.renkou.Api;
import org.renkou.TestData;
import org.renkou.common.Dates;

/** A visit with cash and goods recorded on the page, and a payment batch created and downloaded. */
class SupportBrowserTest extends BrowserTestSupport {

    @Test
    void aVisitWithGoodsIsRecordedAndTotalled() {
        Api officer = Api.as(port, "county", "county123"); // town 219 lies beside the demo town
        TestData.town(Api.as(port, "admin", "admin123"), "219");
        LocalDate birth = LocalDate.of(1948, 8, 8);
        int person = officer.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "1"), "页面慰问", "1", birth,
                "430105219001", null, "")).json("$.id");
        int household = officer.get("/api/v1/persons/" + person).json("$.householdId");
        browser.login("county", "county123").open("/support?household=" + household);
        new Select(browser.driver().findElement(By.id("giver"))).selectByValue("TOWN");
        browser.type("giverName", "测试镇政府").type("cashYuan", "300.50")
                .type("item0", "食用油").type("quantity0", "2").type("unit0", "瓶")
                .type("item1", "大米").type("quantity1", "1").type("unit1", "袋")
                .clickAndWait("save-visit");
        assertThat(browser.text("saved")).isNotBlank();
        assertThat(browser.text("visits")).contains("300.50").contains("食用油 2瓶").contains("大米 1袋");
        browser.type("cashYuan", "3.005").clickAndWait("save-visit");
        assertThat(browser.text("errors")).contains("慰问金").contains("3.005");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aPaymentBatchIsCreatedOnceAndItsBankFileDownloads() {
        Api officer = Api.as(port, "county", "county123"); // town 219 lies beside the demo town
        TestData.town(Api.as(port, "admin", "admin123"), "219");
        LocalDate birth = Dates.today().minusYears(1);
        LocalDate motherBorn = LocalDate.of(1994, 4, 4);
        java.util.Map<String, Object> mother = officer.post("/api/v1/persons", TestData.person(TestData.idNumber(motherBorn, "2"),
                "批次妈妈", "2", motherBorn, "430105219001", null, "")).json("$");
        int child = officer.post("/api/v1/persons", TestData.person(null, "批次宝宝", "2", birth, "430105219001", null, "")
                .replaceFirst("\"householdNo\":\"[^\"]*\"", "\"householdNo\":\"" + mother.get("householdNo") + "\"")
                .replace("\"relation\":\"02\"", "\"relation\":\"30\"")).json("$.id");
        long programme = officer.get("/api/v1/support/programmes").<java.util.List<Integer>>json("$[?(@.code == 'CHILDCARE')].id").get(0);
        int application = officer.post("/api/v1/support/programmes/" + programme + "/applications",
                "{\"beneficiaryId\":" + child + ",\"applicantId\":" + mother.get("id") + ",\"bankAccount\":\"6217999900001111\"}")
                .json("$.id");
        officer.post("/api/v1/support/applications/" + application + "/review", "{}");
        Api.as(port, "admin", "admin123").post("/api/v1/support/applications/" + application + "/approve", "{}");

        browser.login("county", "county123").open("/support/allowances");
        assertThat(browser.text("programme-name")).isEqualTo("育儿补贴");
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('firstMonth').value = '2025-01';"
                + "document.getElementById('lastMonth').value = arguments[0];", Dates.today().toString().substring(0, 7));
        browser.clickAndWait("create-batch");
        assertThat(browser.text("saved")).isNotBlank();
        String csv = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[0]; fetch(document.querySelector('.bank-file').href)"
                        + ".then(function (r) { return r.text(); }).then(done);");
        assertThat(csv).contains("身份证号").contains("批次妈妈").contains((String) mother.get("idNumber"))
                .doesNotContain("批次宝宝").contains("6217999900001111");
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('firstMonth').value = '2025-01';"
                + "document.getElementById('lastMonth').value = arguments[0];", Dates.today().toString().substring(0, 7));
        browser.clickAndWait("create-batch");
        assertThat(browser.text("errors")).as("a second run pays nothing twice").contains("不会重复发放");
        browser.screenshot("allowances");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
