package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.renkou.Api;

/** The area tree and an area's page (new grid, rename, staff), user management and the audit log. */
class AdminBrowserTest extends BrowserTestSupport {

    @Test
    void theAreaTreeLeadsToAVillageWhereGridsAreAddedRenamedAndStaffAssigned() {
        browser.login("admin", "admin123").open("/areas");
        assertThat(browser.text("area-tree")).contains("捞刀河镇").contains("凤羽村").contains("捞居社区");
        browser.open("/areas/430105100202");
        assertThat(browser.text("area-name")).isEqualTo("凤羽村");
        browser.type("new-grid-suffix", "001");
        browser.driver().findElement(By.cssSelector("#new-grid input[name=name]")).sendKeys("重复网格");
        browser.submit(By.cssSelector("#new-grid button"));
        assertThat(browser.waitFor(By.cssSelector(".error")).getText()).as("refused, shown on the same page").contains("代码");
        assertThat(browser.text("area-name")).isEqualTo("凤羽村");
        browser.type("new-grid-suffix", "050");
        WebElement gridName = browser.driver().findElement(By.cssSelector("#new-grid input[name=name]"));
        gridName.clear();
        gridName.sendKeys("新建网格");
        browser.submit(By.cssSelector("#new-grid button"));
        assertThat(browser.text("children")).contains("430105100202050").contains("新建网格");
        browser.open("/areas/430105100202050");
        WebElement name = browser.driver().findElement(By.cssSelector("#rename input[name=name]"));
        name.clear();
        name.sendKeys("凤羽村第50网格");
        browser.submit(By.cssSelector("#rename button"));
        assertThat(browser.text("area-name")).isEqualTo("凤羽村第50网格");
        assertThat(browser.driver().getCurrentUrl()).as("the redirect after the form").endsWith("/areas/430105100202050");
        new Select(browser.driver().findElement(By.cssSelector("#assign select"))).selectByValue("grid");
        browser.submit(By.cssSelector("#assign button"));
        assertThat(browser.text("staff")).contains("grid");
        assertThat(Api.as(port, "admin", "admin123").get("/api/v1/areas/430105100202050").<String>json("$.name"))
                .isEqualTo("凤羽村第50网格");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theAdministratorManagesUsersAndReadsTheAuditLog() {
        browser.login("admin", "admin123").open("/admin/users");
        browser.driver().findElement(By.cssSelector("#new-user input[name=username]")).sendKeys("newcadre");
        browser.driver().findElement(By.cssSelector("#new-user input[name=displayName]")).sendKeys("新专干");
        new Select(browser.driver().findElement(By.cssSelector("#new-user select[name=role]"))).selectByValue("VILLAGE_CADRE");
        browser.driver().findElement(By.cssSelector("#new-user input[name=password]")).sendKeys("long-enough-1");
        browser.submit(By.cssSelector("#new-user button"));
        assertThat(browser.waitFor(By.cssSelector(".error")).getText()).contains("负责区域");
        browser.driver().findElement(By.cssSelector("#new-user input[name=username]")).sendKeys("newcadre");
        browser.driver().findElement(By.cssSelector("#new-user input[name=displayName]")).sendKeys("新专干");
        new Select(browser.driver().findElement(By.cssSelector("#new-user select[name=role]"))).selectByValue("VILLAGE_CADRE");
        browser.driver().findElement(By.cssSelector("#new-user input[name=areaCodes]")).sendKeys("430105100203");
        browser.driver().findElement(By.cssSelector("#new-user input[name=password]")).sendKeys("long-enough-1");
        browser.submit(By.cssSelector("#new-user button"));
        assertThat(browser.text("users")).contains("newcadre");
        assertThat(Api.as(port, "newcadre", "long-enough-1").get("/api/v1/persons?size=1").<String>json("$.items[0].villageCode"))
                .isEqualTo("430105100203");
        browser.open("/admin/audit?username=admin&entity=user");
        assertThat(browser.text("audit")).as("the action and the object in words").contains("新增 用户").contains("newcadre")
                .as("the detail in words too").contains("角色 村居专干，区域 430105100203");
        assertThat(new Select(browser.driver().findElement(By.id("f-entity"))).getFirstSelectedOption().getText())
                .as("the object filter names objects").isEqualTo("用户");
        // what the demo town's loader wrote reads as Chinese as well
        new Select(browser.driver().findElement(By.id("f-entity"))).selectByVisibleText("培训");
        browser.type("f-username", "system:demo");
        browser.submit(By.cssSelector("form.filters button"));
        assertThat(browser.text("audit")).contains("参训").contains("学时").doesNotContain("attendance");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void thePagesFitAPhoneScreen() {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.login("cadre", "cadre123").open("/persons");
        Long scroll = (Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth;");
        assertThat(scroll).isLessThanOrEqualTo(390L);
        assertThat(browser.driver().findElement(By.id("nav-persons")).isDisplayed()).isFalse();
        browser.driver().findElement(By.cssSelector("label.nav-burger")).click();
        assertThat(browser.driver().findElement(By.id("nav-persons")).isDisplayed()).isTrue();
        browser.screenshot("phone-persons");
    }
}
