package org.renkou;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium and chromium-driver, headless (never a downloaded browser). Outside CI a machine without
 * them skips browser tests; in CI (CI=true) their absence fails the build.
 */
public final class Browser implements AutoCloseable {
    private static final String DRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";

    private final WebDriver driver;
    private final String base;

    public Browser(int port) {
        assumeTrue(new File(DRIVER).exists() || System.getenv("CI") != null, "chromium-driver is not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.base = "http://localhost:" + port;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public Browser login(String user, String password) {
        open("/login");
        type("username", user);
        type("password", password);
        WebElement submit = driver.findElement(By.id("login-submit"));
        submit.click();
        waitUntilGone(submit);
        return this;
    }

    public Browser type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
        return this;
    }

    public Browser click(String id) {
        waitFor(By.id(id)).click();
        return this;
    }

    /** Clicks something that loads a new page, and waits until the old one is gone. */
    public Browser clickAndWait(String id) {
        WebElement e = waitFor(By.id(id));
        e.click();
        waitUntilGone(e);
        return this;
    }

    /** Types keys into an element (ending with Enter, say) that loads a new page, and waits for it. */
    public Browser keysAndWait(String id, CharSequence... keys) {
        WebElement e = waitFor(By.id(id));
        e.sendKeys(keys);
        waitUntilGone(e);
        return this;
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Clicks a button that submits a form, and waits for the next page. */
    public Browser submit(By button) {
        WebElement e = waitFor(button);
        e.click();
        waitUntilGone(e);
        return this;
    }

    /**
     * Waits until an element of the previous page is gone. While chromium swaps pages, asking about the old
     * element may fail with a stale-element error or another "not in the document" error: both mean gone.
     */
    private void waitUntilGone(WebElement e) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            try {
                e.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    public String text(String id) {
        return waitFor(By.id(id)).getText();
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Saves what the browser shows, for looking at a screen (target/screenshots/NAME.png). */
    public void screenshot(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(dir.resolve(name + ".png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public WebDriver driver() {
        return driver;
    }

    /** Errors the page wrote to the browser console (failed scripts, JavaScript errors). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
