package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.renkou.Api;
import org.renkou.common.IdNumber;

/** Registering an inflow person shows the verification request going out to the hukou place. */
class MigrationBrowserTest extends BrowserTestSupport {

    @Test
    void anArrivalSendsAVerificationRequest() {
        LocalDate birth = LocalDate.of(1993, 3, 3);
        String first17 = "431021" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "468";
        String id = first17 + IdNumber.checkChar(first17);
        browser.login("officer", "officer123").open("/migration");
        browser.type("idNumber", id).type("name", "流入测试");
        new Select(browser.driver().findElement(By.id("sex"))).selectByValue("2");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('birthDate').value = '1993-03-03';"
                        + "document.getElementById('arrivedOn').value = arguments[0];", LocalDate.now().minusDays(5).toString());
        browser.type("hukouCode", "431021");
        new Select(browser.driver().findElement(By.id("villageCode"))).selectByVisibleText("大明村");
        new Select(browser.driver().findElement(By.id("housing"))).selectByValue("DORMITORY");
        new Select(browser.driver().findElement(By.id("reason"))).selectByValue("来企业务工");
        browser.type("employer", "大明电子厂");
        browser.click("keySubject").clickAndWait("register-arrival");
        assertThat(browser.text("saved")).contains("协查已发往户籍地");
        assertThat(browser.text("sent")).contains("流入测试").contains("431021").contains("已发出，待反馈")
                .contains(LocalDate.now().plusDays(15).toString());
        assertThat(Api.as(port, "officer", "officer123").get("/api/v1/persons?idNumber=" + id).<String>json("$.items[0].status"))
                .isEqualTo("INFLOW");
        assertThat(browser.consoleErrors()).isEmpty();
        // leave the demo town's figures as they were
        int personId = Api.as(port, "officer", "officer123").get("/api/v1/persons?idNumber=" + id).json("$.items[0].id");
        Api.as(port, "officer", "officer123").post("/api/v1/persons/" + personId + "/entered-by-mistake?version=0", "");
    }
}
