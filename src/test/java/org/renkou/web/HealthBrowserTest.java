package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.renkou.Api;
import org.renkou.TestData;
import org.renkou.access.Role;
import org.renkou.access.AccessService;
import org.renkou.access.SystemPrincipal;
import org.renkou.access.UserService;
import org.renkou.common.Dates;
import org.springframework.beans.factory.annotation.Autowired;

/** A clinic day's result entry by keyboard alone, and a woman's health page. */
class HealthBrowserTest extends BrowserTestSupport {
    private static final String TOWN = "430105215";
    private static final LocalDate TODAY = Dates.today();

    @Autowired
    UserService users;
    @Autowired
    AccessService access;
    Api admin;

    @BeforeEach
    void town() {
        admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "215");
        if (users.find("clinic215").isEmpty()) {
            access.runAs(SystemPrincipal.FIRST_ADMINISTRATOR,
                    () -> users.create("clinic215", "测试卫生院215", Role.CLINIC, List.of(TOWN), "clinic215pw"));
        }
    }

    private int woman(String name) {
        LocalDate birth = TODAY.minusYears(31);
        Api.Response r = admin.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "2"), name, "2", birth,
                TOWN + "001", TOWN + "001001", ""));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json("$.id");
    }

    @Test
    void aResultIsEnteredWithTheKeyboardAlone() {
        int w = woman("键盘录入");
        Api.Response c = Api.as(port, "officer", "officer123").post("/api/v1/health/campaigns",
                "{\"name\":\"浏览器三查\",\"kinds\":[\"RING\"],\"startsOn\":\"" + TODAY.minusDays(2) + "\",\"endsOn\":\""
                        + TODAY.plusDays(2) + "\",\"areaCodes\":[\"" + TOWN + "\"]}");
        int campaign = c.json("$.id");
        browser.login("clinic215", "clinic215pw").open("/health/campaigns/" + campaign + "/entry");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("q");
        browser.keysAndWait("q", "键盘录", Keys.ENTER);
        assertThat(browser.text("found-name")).isEqualTo("键盘录入");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("result");
        browser.keysAndWait("result", Keys.ARROW_DOWN, Keys.ENTER);
        assertThat(browser.text("entered")).contains("键盘录入").contains("环在位");
        assertThat(browser.focused().getAttribute("id")).as("ready for the next woman").isEqualTo("q");
        Api.Response line = Api.as(port, "clinic215", "clinic215pw").get("/api/v1/health/campaigns/" + campaign + "/roster");
        assertThat(line.<List<String>>json("$[?(@.personId == " + w + ")].result")).containsExactly("IUD_IN_PLACE");
        browser.open("/health/campaigns/" + campaign);
        assertThat(browser.text("campaign-rate")).isEqualTo("100.0%");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aWomansPageRecordsHerContraceptionAndShowsHerRecord() {
        int w = woman("档案页面");
        browser.login("clinic215", "clinic215pw").open("/health?area=" + TOWN + "001&married=true");
        assertThat(browser.text("women")).contains("档案页面").contains("********");
        browser.open("/health/women/" + w);
        assertThat(browser.text("woman-name")).isEqualTo("档案页面");
        assertThat(browser.text("woman-id")).as("the clinic sees ID numbers masked").contains("********");
        // every choice of the forms reads as words: no blank option (the empty one says 请选择)
        assertThat(browser.all(By.cssSelector("main form select option"))).isNotEmpty()
                .allSatisfy(o -> assertThat(o.getAttribute("textContent")).as("option " + o.getAttribute("value")).isNotBlank());
        new Select(browser.driver().findElement(By.id("method"))).selectByValue("IMPLANT");
        browser.type("provider", "镇卫生院").clickAndWait("save-contraception");
        assertThat(browser.text("saved")).isNotBlank();
        assertThat(browser.text("current-measure")).isEqualTo("皮下埋植");
        assertThat(browser.text("contraception")).contains("镇卫生院");
        new Select(browser.driver().findElement(By.id("noMethodReason"))).selectByValue("PREGNANT");
        new Select(browser.driver().findElement(By.id("method"))).selectByValue("PILL");
        browser.clickAndWait("save-contraception");
        assertThat(browser.text("errors")).contains("避孕方法").contains("二者选一");
        browser.screenshot("health-woman");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
