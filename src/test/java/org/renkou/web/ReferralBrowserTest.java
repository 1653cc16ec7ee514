package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.renkou.Api;
import org.renkou.TestData;
import org.renkou.access.AccessService;
import org.renkou.access.Role;
import org.renkou.access.SystemPrincipal;
import org.renkou.access.UserService;
import org.renkou.common.Dates;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A referral as a desktop shows it, from creation to answer: the office finds a floating person, refers them to the
 * police station (a refusal names the field), and the station's officer answers it; and the cadre team page as the
 * town office and as a village cadre see it. Test town 684 beside the demo town.
 */
class ReferralBrowserTest extends BrowserTestSupport {
    private static final String TOWN = "430105684";
    private static final String VILLAGE = TOWN + "001";

    @Autowired
    UserService users;
    @Autowired
    AccessService access;

    private Select select(String id) {
        return new Select(browser.driver().findElement(By.id(id)));
    }

    @Test
    void theOfficeRefersAFloatingPersonAndThePoliceStationAnswers() {
        Api admin = Api.as(port, "admin", "admin123");
        Api office = Api.as(port, "county", "county123");
        TestData.town(admin, "684");
        if (users.find("police684").isEmpty()) {
            access.runAs(SystemPrincipal.FIRST_ADMINISTRATOR, () -> users.create("police684", "测试派出所民警", Role.POLICE,
                    List.of(TOWN), "police684pw"));
        }
        Api.Response partner = office.post("/api/v1/referrals/partners",
                "{\"name\":\"测试派出所684\",\"kind\":\"POLICE\",\"townCode\":\"" + TOWN + "\",\"accounts\":[\"police684\"]}");
        int station = partner.status() == 201 ? partner.json("$.id")
                : office.get("/api/v1/referrals/partners").<List<Integer>>json("$[?(@.name == '测试派出所684')].id").get(0);
        LocalDate birth = LocalDate.of(1990, 2, 2);
        String name = "页面转介" + System.nanoTime() % 100_000;
        int person = office.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "1"), name, "1", birth, VILLAGE,
                        VILLAGE + "001", ",\"arrivedOn\":\"" + Dates.today().minusMonths(6) + "\"")
                .replace("\"status\":\"REGISTERED\"", "\"status\":\"INFLOW\"").replace("\"hukouCode\":\"430105\"", "\"hukouCode\":\"431021\""))
                .json("$.id");

        browser.driver().manage().window().setSize(new Dimension(1366, 900));
        browser.login("county", "county123").open("/referrals");
        browser.clickAndWait("new-referral");
        browser.type("q", name).clickAndWait("search-person");
        assertThat(browser.text("found")).contains(name);
        browser.clickAndWait("choose-" + person);
        assertThat(browser.text("chosen-name")).isEqualTo(name);
        select("partnerId").selectByValue(String.valueOf(station));
        browser.type("need", "办理居住证").clickAndWait("save-referral");
        assertThat(browser.text("error-kind")).as("the refusal names the field").contains("类型");
        assertThat(browser.text("chosen-name")).as("what was typed stays").isEqualTo(name);
        assertThat(select("partnerId").getFirstSelectedOption().getAttribute("value")).isEqualTo(String.valueOf(station));
        select("kind").selectByValue("HUKOU");
        browser.clickAndWait("save-referral");
        assertThat(browser.text("saved")).isNotBlank();
        String id = browser.url().replaceAll(".*/referrals/(\\d+).*", "$1");
        assertThat(browser.text("referral-state")).contains("待答复");
        assertThat(browser.text("referral-partner")).isEqualTo("测试派出所684");
        assertThat(browser.all(By.id("answer-form"))).as("the station answers for itself").isEmpty();
        browser.open("/referrals?village=" + VILLAGE);
        assertThat(browser.text("referral-" + id)).contains(name).contains("申办户口").contains("待答复");
        assertThat(browser.consoleErrors()).isEmpty();

        browser.open("/persons/" + person);
        assertThat(browser.text("person-name")).isEqualTo(name);
        String section = browser.driver().findElement(By.xpath("//a[@href='/referrals/" + id + "']/ancestor::section")).getText();
        assertThat(section).as("the person's referrals on their page").contains("转介服务").contains("申办户口")
                .contains("测试派出所684").contains("待答复");
        browser.clickAndWait("refer-person");
        assertThat(browser.url()).contains("/referrals/new").contains("personId=" + person);
        assertThat(browser.text("chosen-name")).as("the person is chosen").isEqualTo(name);
        int resident = office.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "2"), "户籍" + name, "2", birth,
                VILLAGE, VILLAGE + "001", "")).json("$.id");
        browser.open("/persons/" + resident);
        assertThat(browser.all(By.id("refer-person"))).as("only floating people are referred").isEmpty();
        browser.clickAndWait("logout");

        browser.login("police684", "police684pw").open("/");
        browser.clickAndWait("home-referrals");
        assertThat(browser.text("referral-" + id)).contains(name);
        browser.open("/referrals/" + id);
        select("outcome").selectByValue("GIVEN");
        browser.type("note", "居住证已办结").clickAndWait("save-answer");
        assertThat(browser.text("referral-state")).contains("已提供服务").contains("police684");
        assertThat(browser.text("answer-note")).isEqualTo("居住证已办结");
        assertThat(browser.all(By.id("answer-form"))).as("answered once").isEmpty();
        browser.open("/persons/" + person);
        assertThat(browser.driver().findElement(By.xpath("//a[@href='/referrals/" + id + "']")).getText())
                .as("the station sees its referral on the person's page").contains("已提供服务");
        assertThat(browser.all(By.id("refer-person"))).as("the station answers, the town office refers").isEmpty();
        screenshots("referral-answered");
        browser.open("/referrals?lang=en");
        assertThat(browser.text("referral-" + id)).contains("Hukou matters").contains("Service given");
        browser.open("/referrals?lang=zh_CN");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theDemoTownsReferralsShowTheOverdueOnes() {
        browser.login("officer", "officer123").open("/referrals?state=OVERDUE");
        assertThat(browser.all(By.cssSelector("#referrals tr.referral-row.overdue"))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(browser.text("total")).contains("共");
        screenshots("referrals-overdue");
        browser.open("/referrals");
        assertThat(browser.all(By.cssSelector("#referrals tr.referral-row"))).hasSize(20);
        browser.clickAndWait("next");
        assertThat(browser.url()).contains("page=1");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theCadreTeamShowsVacanciesFirstAndTheTownOfficeAddsAPost() {
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
        browser.login("officer", "officer123").open("/cadres?period=2012Q1");
        assertThat(browser.text("vacancies")).contains("莲花村").contains("樟树村").contains("未设专干岗位");
        assertThat(browser.text("vacant-count")).isEqualTo("2");
        assertThat(browser.text("total-hours")).isEqualTo(String.valueOf(35 * 6 + 50 * 18));
        assertThat(browser.text("posts")).contains("周敏").contains("刘玉娥");
        screenshots("cadres-office");
        browser.clickAndWait("logout");

        browser.login("cadre", "cadre123").open("/cadres?period=2012Q1");
        assertThat(browser.all(By.cssSelector("#posts tr.post td.card-title"))).allMatch(td -> td.getText().equals("捞刀河村"));
        assertThat(browser.all(By.cssSelector("#posts .phone"))).isNotEmpty().allMatch(td -> td.getText().contains("*"));
        assertThat(browser.all(By.id("post-form"))).as("the town office keeps the team").isEmpty();
        screenshots("cadres-cadre");
        browser.clickAndWait("logout");

        TestData.town(Api.as(port, "admin", "admin123"), "684");
        browser.login("county", "county123").open("/cadres?area=" + VILLAGE);
        select("kind").selectByValue("TOWN_STAFF");
        select("areaCode").selectByValue(VILLAGE);
        browser.type("title", "镇计生办统计员").clickAndWait("save-post");
        assertThat(browser.text("error-areaCode")).contains("区域");
        select("kind").selectByValue("FLOATING_ASSISTANT");
        String holder = "协管员" + System.nanoTime() % 100_000;
        browser.type("title", "测试村流动人口协管员").type("name", holder).type("phone", "13900001111").clickAndWait("save-post");
        assertThat(browser.text("saved")).isNotBlank();
        browser.open("/cadres?area=" + VILLAGE);
        assertThat(browser.text("posts")).contains(holder).contains("13900001111");

        // the holder's phone and account corrected in place; a wrong one is refused at the field, the form open
        String row = browser.driver().findElement(By.xpath("//tr[contains(@class, 'post')][.//span[text()='" + holder + "']]"))
                .getAttribute("id").substring("post-".length());
        browser.click("contact-" + row);
        browser.type("contact-phone-" + row, "13x").type("contact-username-" + row, "nobody684").clickAndWait("save-contact-" + row);
        assertThat(browser.text("contact-error-phone-" + row)).contains("电话");
        assertThat(browser.text("contact-error-username-" + row)).contains("nobody684");
        assertThat(browser.driver().findElement(By.id("contact-phone-" + row)).getAttribute("value")).as("what was typed stays")
                .isEqualTo("13x");
        browser.type("contact-phone-" + row, "13900002222").type("contact-username-" + row, "").clickAndWait("save-contact-" + row);
        assertThat(browser.text("saved")).isNotBlank();
        assertThat(browser.text("post-" + row)).contains("13900002222").doesNotContain("13900001111");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
