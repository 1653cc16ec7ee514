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
}
