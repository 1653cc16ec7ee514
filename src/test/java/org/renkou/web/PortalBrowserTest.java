package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/** The public portal on a phone-sized window: booking an appointment; a complaint and its answer. */
class PortalBrowserTest extends BrowserTestSupport {

    @Test
    void aResidentBooksAnAppointmentOnAPhone() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/portal");
        browser.clickAndWait("go-book");
        browser.type("name", "手机预约").type("phone", "13911112222").clickAndWait("book");
        assertThat(browser.text("reference")).contains("预约号");
        assertThat(browser.text("appointment-state")).isEqualTo("已预约");
        String link = browser.url();
        browser.clickAndWait("cancel");
        assertThat(browser.text("appointment-state")).isEqualTo("已取消");
        assertThat(browser.url()).isEqualTo(link);
        browser.screenshot("portal-appointment");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aComplaintIsAnsweredAndTheAnswerReadThroughThePrivateLink() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/portal/ask");
        browser.type("subject", "办证太慢").type("body", "<i>等了两周</i>").clickAndWait("submit-ask");
        assertThat(browser.text("tracking")).contains("受理号");
        assertThat(browser.text("request-body")).isEqualTo("<i>等了两周</i>");
        String link = browser.url();
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.login("officer", "officer123").open("/requests");
        org.openqa.selenium.WebElement row = browser.driver().findElements(By.cssSelector(".request-row")).stream()
                .filter(r -> r.getText().contains("办证太慢")).findFirst().orElseThrow();
        row.findElement(By.name("answer")).sendKeys("已加派人手，本周办结");
        org.openqa.selenium.WebElement button = row.findElement(By.cssSelector("button.answer"));
        button.click();
        browser.waitFor(By.id("saved"));
        browser.driver().get(link);
        assertThat(browser.text("answer")).contains("已加派人手");
        browser.screenshot("portal-answer");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
