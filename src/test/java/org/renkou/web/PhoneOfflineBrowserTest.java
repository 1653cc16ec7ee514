package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.renkou.Api;
import org.renkou.TestData;
import org.renkou.access.AccessService;
import org.renkou.access.Role;
import org.renkou.access.SystemPrincipal;
import org.renkou.access.UserService;
import org.renkou.common.Dates;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The phone app and the API together in chromium at 390 px: a grid worker downloads the worklist, the network
 * goes off (DevTools network conditions, for the page and for its service worker), visits are recorded, the
 * network comes back and they are applied once; the app shell loads offline; a visit refused for a stale
 * version comes back with the reason and the current record. Households are made in test town 430105617.
 */
class PhoneOfflineBrowserTest extends BrowserTestSupport {
    private static final String TOWN = "430105617";
    private static final String VILLAGE = TOWN + "001";
    private static final String GRID = VILLAGE + "001";
    private static final String WORKER = "grid617";
    private static final String PASSWORD = "grid617pw";
    private static final AtomicInteger HOUSEHOLDS = new AtomicInteger();

    @Autowired
    UserService users;
    @Autowired
    AccessService access;

    Api admin;
    Api office;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "admin123");
        office = Api.as(port, "county", "county123");
        TestData.town(admin, "617");
        if (users.find(WORKER).isEmpty()) {
            access.runAs(SystemPrincipal.FIRST_ADMINISTRATOR, () -> users.create(WORKER, "网格员六一七", Role.GRID_WORKER,
                    List.of(GRID), PASSWORD));
        }
    }

    @Test
    void visitsRecordedOfflineAreSentWhenTheNetworkIsBackAndAppliedOnce() {
        List<Object> a = household("测试村1组1号", "黄一");
        List<Object> b = household("测试村1组2号", "黄二");
        List<Object> c = household("测试村1组3号", "黄三");
        long round = plan();
        phoneWithWorklist(round);
        Network network = new Network(browser.driver());

        network.offline(true);
        assertThat(waitForText("net", "离线")).isTrue();
        visit(a, "CORRECTED");
        browser.type("p" + a.get(1) + "-phone", "13712345678");
        save();
        visit(b, "CORRECT");
        tap("add-person");
        WebElement found = browser.waitFor(By.cssSelector("#persons li[data-result='NEW']"));
        String id = found.getAttribute("id");
        browser.type(id + "-name", "黄新生");
        browser.click(id + "-sex-2");
        dateInput(id + "-birthDate", Dates.today().minusDays(20));
        new Select(browser.waitFor(By.id(id + "-relation"))).selectByValue("20");
        save();
        tap("hh-" + c.get(0));
        tap("outcome-NOBODY_HOME");
        save();
        waitForPending(3);
        assertThat(browser.text("pending")).contains("3");
        assertThat(office.get("/api/v1/verification-rounds/" + round).<Integer>json("$.visited")).as("nothing sent yet").isZero();
        String unsent = script("idb.openDB('renkou-verification').then(function (db) { return db.getAll('visits'); })"
                + ".then(function (rows) { done(JSON.stringify(rows)); })");

        network.offline(false);
        waitForPending(0);
        assertThat(browser.text("last-sync")).startsWith("上次发送");
        assertAppliedOnce(round, a, b);

        // the answers were lost on the way (say): the phone sends the same visits again after a reload
        script("var rows = JSON.parse(arguments[0]); idb.openDB('renkou-verification').then(function (db) {"
                + " var tx = db.transaction('visits', 'readwrite'); rows.forEach(function (r) { tx.store.put(r); });"
                + " return tx.done; }).then(function () { done('ok'); })", unsent);
        browser.driver().navigate().refresh();
        waitForReady();
        waitForPending(0);
        assertAppliedOnce(round, a, b);
        assertThat(browser.consoleErrors()).allMatch(m -> m.contains("ERR_INTERNET_DISCONNECTED"), "only the sends tried offline");
    }

    @Test
    void theServiceWorkerServesTheAppShellOffline() {
        List<Object> e = household("测试村2组1号", "蓝一");
        long round = plan();
        phoneWithWorklist(round);
        // the phone's copy of its stylesheet is older than the server's: online the server's is used
        String stale = "caches.keys().then(function (keys) { return caches.open(keys.filter(function (k) {"
                + " return k.indexOf('renkou-phone') === 0; })[0]); }).then(function (c) {"
                + " return c.put(new URL('/verification/phone.css', location).href, new Response('/* older */')); })"
                + ".then(function () { return fetch('/verification/phone.css'); }).then(function (r) { return r.text(); })"
                + ".then(function (t) { done(t.indexOf('/* older */') === 0 ? 'older' : 'current'); })";
        assertThat(script(stale)).as("online, the shell comes from the server").isEqualTo("current");
        Network network = new Network(browser.driver());
        network.offline(true);
        assertThat(script("fetch('/verification/phone.css').then(function (r) { return r.text(); })"
                + ".then(function (t) { done(t.length > 100 ? 'css' : t); }, function (e) { done('failed ' + e); })"))
                .as("offline, the copy the phone kept").isEqualTo("css");
        // a round planned now is on the server's page only: the page shown offline is the phone's own copy
        long later = plan();
        browser.driver().navigate().refresh();
        waitForReady();
        assertThat(browser.text("net")).contains("离线");
        assertThat(browser.text("list-title")).contains("手机测试");
        assertThat(browser.waitFor(By.id("hh-" + e.get(0))).getText()).contains("测试村2组1号");
        assertThat(browser.all(By.id("round-" + later))).as("not fetched from the server").isEmpty();
        assertThat(script("fetch('/api/v1/verification-rounds').then(function () { done('reached'); },"
                + " function () { done('offline'); })")).isEqualTo("offline");

        network.offline(false);
        browser.driver().navigate().refresh();
        waitForReady();
        assertThat(browser.all(By.id("round-" + later))).as("online, the page comes from the server").hasSize(1);
        assertThat(browser.consoleErrors()).allMatch(m -> m.contains("ERR_INTERNET_DISCONNECTED"), "only the call made offline");
    }

    @Test
    void aVisitRefusedForAStaleVersionComesBackWithTheReasonAndTheCurrentRecord() {
        List<Object> d = household("测试村3组1号", "白一");
        long round = plan();
        phoneWithWorklist(round);
        Network network = new Network(browser.driver());
        network.offline(true);
        visit(d, "CORRECT");
        save();
        waitForPending(1);
        Map<String, Object> person = admin.get("/api/v1/persons/" + d.get(1)).json("$");
        person.put("phone", "13600000017");
        assertThat(admin.put("/api/v1/persons/" + d.get(1), JsonMapper.builder().build().writeValueAsString(person)).status())
                .isEqualTo(200);

        network.offline(false);
        WebElement sentBack = browser.waitFor(By.id("rejected-" + d.get(0)));
        assertThat(sentBack.getText()).contains("已被他人修改").contains("13600000017").contains("白一")
                .as("the status in words").contains("户籍").doesNotContain("REGISTERED");
        waitForPending(0);
        assertThat(office.get("/api/v1/verification-rounds/" + round).<Integer>json("$.visited")).isZero();

        tap("redo-" + d.get(0));
        tap("outcome-VISITED");
        tap("p" + d.get(1) + "-CORRECT");
        save();
        waitForPending(0);
        until(x -> x.findElements(By.id("rejected-" + d.get(0))).isEmpty());
        assertThat(office.get("/api/v1/verification-rounds/" + round).<Map<String, Object>>json("$")).containsEntry("visited", 1)
                .containsEntry("correct", 1);
        assertThat(browser.consoleErrors()).allMatch(m -> m.contains("ERR_INTERNET_DISCONNECTED"), "only the sends tried offline");
    }

    /**
     * The worker signs in again elsewhere (another tab) while the phone page, with a visit waiting, stays open: the
     * session and its CSRF token are new, the page's are not. The waiting visit is still sent (the API takes the
     * session with the X-Requested-With header, no token), and signing out of the old page works.
     */
    @Test
    void afterASignInElsewhereTheWaitingVisitsAreSentAndSigningOutWorks() {
        List<Object> f = household("测试村4组1号", "紫一");
        long round = plan();
        phoneWithWorklist(round);
        Network network = new Network(browser.driver());
        network.offline(true);
        visit(f, "CORRECT");
        save();
        waitForPending(1);
        String phoneTab = browser.driver().getWindowHandle();

        browser.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        browser.login(WORKER, PASSWORD);
        browser.driver().close();
        browser.driver().switchTo().window(phoneTab);

        network.offline(false);
        waitForPending(0);
        assertThat(office.get("/api/v1/verification-rounds/" + round).<Map<String, Object>>json("$"))
                .containsEntry("visited", 1).containsEntry("correct", 1);

        tap("logout");
        until(d -> d.getCurrentUrl().contains("/login?logout"));
        browser.open("/verification/phone");
        until(d -> d.getCurrentUrl().contains("/login"));
        assertThat(browser.consoleErrors()).allMatch(m -> m.contains("ERR_INTERNET_DISCONNECTED"), "only the sends tried offline");
    }

    /** Two households visited (one also nobody home), three persons found, the new one created once. */
    private void assertAppliedOnce(long round, List<Object> a, List<Object> b) {
        Map<String, Object> figures = office.get("/api/v1/verification-rounds/" + round).json("$");
        assertThat(figures).containsEntry("visited", 2).containsEntry("nobodyHome", 1).containsEntry("found", 3)
                .containsEntry("inRegister", 2).containsEntry("checked", 2).containsEntry("correct", 1);
        assertThat(admin.get("/api/v1/persons/" + a.get(1)).<String>json("$.phone")).isEqualTo("13712345678");
        assertThat(office.get("/api/v1/persons?area=" + VILLAGE + "&name=" + Api.enc("黄新生")).<Integer>json("$.total"))
                .isEqualTo(1);
        assertThat(office.get("/api/v1/verification-rounds/" + round + "/changes").<Integer>json("$.total")).isEqualTo(2);
    }

    /** A phone signed in as the grid worker, at 390 px, with the round's worklist of the grid downloaded. */
    private void phoneWithWorklist(long round) {
        browser.login(WORKER, PASSWORD);
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/verification/phone");
        waitForReady();
        browser.click("round-" + round);
        browser.click("area-" + GRID);
        browser.click("download");
        browser.waitFor(By.id("view-list"));
        assertThat(browser.text("message")).contains("已下载");
        waitForWorker();
    }

    private void visit(List<Object> household, String result) {
        tap("hh-" + household.get(0));
        tap("outcome-VISITED");
        for (Object person : household.subList(1, household.size())) {
            tap("p" + person + "-" + result);
        }
    }

    private void save() {
        tap("save");
        browser.waitFor(By.id("view-list"));
    }

    /** Taps a button; the script may just have drawn the list again (after a sync attempt), so a stale one is found anew. */
    private void tap(String id) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement e = browser.waitFor(By.id(id));
                    // a thumb scrolls the button up first: at the very bottom the sticky save button covers it
                    ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
                    e.click();
                    return true;
                });
    }

    private void dateInput(String id, LocalDate date) {
        ((JavascriptExecutor) browser.driver()).executeScript("var e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + " e.dispatchEvent(new Event('change'));", id, date.toString());
    }

    /** Runs an asynchronous script that ends by calling done(result). */
    private String script(String body, Object... args) {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];" + body, args));
    }

    private void waitForReady() {
        until(d -> "true".equals(browser.driver().findElement(By.id("phone")).getAttribute("data-ready")));
    }

    /** The service worker controls the page (its shell is cached). */
    private void waitForWorker() {
        until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return !!navigator.serviceWorker.controller")));
    }

    private void waitForPending(int count) {
        until(d -> String.valueOf(count).equals(d.findElement(By.id("pending")).getAttribute("data-count"))
                && !d.findElement(By.id("pending")).getText().contains("正在"));
    }

    private boolean waitForText(String id, String text) {
        until(d -> d.findElement(By.id(id)).getText().contains(text));
        return true;
    }

    private void until(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(condition);
    }

    private long plan() {
        LocalDate today = Dates.today();
        Api.Response r = office.post("/api/v1/verification-rounds", """
                {"name":"手机测试%d","areaCodes":["%s"],"startsOn":"%s","endsOn":"%s"}"""
                .formatted(HOUSEHOLDS.incrementAndGet(), VILLAGE, today.minusDays(1), today.plusDays(30)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return ((Number) r.json("$.id")).longValue();
    }

    /** A household of the grid: [householdNo, personIds...]. */
    private List<Object> household(String address, String... names) {
        String no = "P617-" + HOUSEHOLDS.incrementAndGet() + "-" + System.nanoTime() % 100000;
        List<Object> out = new ArrayList<>(List.of(no));
        for (int i = 0; i < names.length; i++) {
            LocalDate birth = LocalDate.of(1965 + i * 9, 3 + i, 5 + i);
            String sex = i % 2 == 0 ? "1" : "2";
            Api.Response r = admin.post("/api/v1/persons", """
                    {"idNumber":"%s","name":"%s","sex":"%s","birthDate":"%s","ethnicity":"01","maritalStatus":"20",
                     "householdNo":"%s","relation":"%s","hukouCode":"430105","villageCode":"%s","gridCode":"%s",
                     "status":"REGISTERED","phone":"13800000000","address":"%s"}"""
                    .formatted(TestData.idNumber(birth, sex), names[i], sex, birth, no, i == 0 ? "02" : "10", VILLAGE, GRID,
                            address));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            out.add(((Number) r.json("$.id")).longValue());
        }
        return out;
    }

    /**
     * The network switch of Chrome DevTools (Network.emulateNetworkConditions). It is set for the page and for each
     * service worker: a worker is a DevTools target of its own, reached through a session of the page's connection
     * (Target.attachToTarget, then Target.sendMessageToTarget), else its fetches would still reach the server.
     */
    static final class Network {
        private final HasCdp cdp;
        private final Map<String, String> workerSessions = new HashMap<>();
        private int messageId;

        Network(org.openqa.selenium.WebDriver driver) {
            this.cdp = (HasCdp) driver;
            cdp.executeCdpCommand("Network.enable", Map.of());
        }

        @SuppressWarnings("unchecked")
        void offline(boolean offline) {
            Map<String, Object> conditions = Map.of("offline", offline, "latency", 0, "downloadThroughput", -1,
                    "uploadThroughput", -1);
            cdp.executeCdpCommand("Network.emulateNetworkConditions", conditions);
            List<Map<String, Object>> targets = (List<Map<String, Object>>) cdp.executeCdpCommand("Target.getTargets", Map.of())
                    .get("targetInfos");
            for (Map<String, Object> target : targets) {
                if ("service_worker".equals(target.get("type"))) {
                    String session = workerSessions.computeIfAbsent((String) target.get("targetId"), this::attach);
                    send(session, "Network.emulateNetworkConditions", conditions);
                }
            }
        }

        private String attach(String targetId) {
            String session = (String) cdp.executeCdpCommand("Target.attachToTarget", Map.of("targetId", targetId,
                    "flatten", false)).get("sessionId");
            send(session, "Network.enable", Map.of());
            return session;
        }

        private void send(String session, String method, Map<String, Object> params) {
            String message = JsonMapper.builder().build().writeValueAsString(Map.of("id", ++messageId, "method", method,
                    "params", params));
            cdp.executeCdpCommand("Target.sendMessageToTarget", Map.of("sessionId", session, "message", message));
        }
    }
}
