package org.renkou.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.renkou.Browser;
import org.renkou.RenkouTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser test: the shared application context, and a fresh headless chromium per test. */
@RenkouTest
abstract class BrowserTestSupport {
    @LocalServerPort
    int port;
    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    /** Screenshots of the whole page as a desktop (1366 px) and a phone (390 px) show it: NAME-1366, NAME-390. */
    void screenshots(String name) {
        for (int width : new int[] {1366, 390}) {
            var window = browser.driver().manage().window();
            window.setSize(new org.openqa.selenium.Dimension(width, 900));
            long height = (Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return Math.min(document.documentElement.scrollHeight, 6000)");
            window.setSize(new org.openqa.selenium.Dimension(width, (int) height + 120));
            browser.screenshot(name + "-" + width);
        }
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
}
