import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.renkou.RenkouApplication;
import org.renkou.access.AccessService;
import org.renkou.access.Role;
import org.renkou.access.SystemPrincipal;
import org.renkou.access.UserService;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.IdNumber;
import org.renkou.people.BulkLoader;
import org.renkou.people.PersonStatus;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verification rounds against a register of 1,000,000 persons (the demo town, a bench town 430105900 with 51
 * grids of households, the rest spread over the demo villages as in RegisterBench, COPYed with the person indexes
 * dropped and built again afterwards):
 *  1. 50 phones (each a grid worker signed in through the login form, with its own session, as the phone page is)
 *     send 200 visits each at once, in batches of 50: all applied, none twice (counted in the database, and a
 *     resend of every batch answers ALREADY_APPLIED), p50/p99 of a 50-visit batch; the floor: one phone alone;
 *  2. the round's figures for the town after that (GET /api/v1/verification-rounds/{id}), and the floor: the
 *     one GROUP BY over the round's results;
 *  3. the worklist of a grid of 500 households / 1,500 persons served, and downloaded and stored in IndexedDB by
 *     the phone page in headless chromium (the page's own timings).
 * The load generator runs in the same JVM on the same cores, so the figures include its cost.
 */
public class VerificationBench {
    static final int TOTAL = 1_000_000;
    static final String TOWN = "430105900";
    static final String VILLAGE = TOWN + "001";
    static final int PHONES = 50;
    static final int VISITS = 200;
    static final int BATCH = 50;
    static final int BIG = 500;
    static final String PASSWORD = "bench-phone-pw";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        ConfigurableApplicationContext app = SpringApplication.run(RenkouApplication.class, "--server.port=0",
                "--renkou.embedded-db.ephemeral=true", "--renkou.demo=true", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        try (app) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            AccessService access = app.getBean(AccessService.class);
            long t0 = System.nanoTime();
            System.out.printf("app started with the demo town in %.0f s%n", (t0 - started) / 1e9);
            access.runAs(SystemPrincipal.DEMO, () -> {
                AreaService areas = app.getBean(AreaService.class);
                areas.create(new Area(TOWN, "基准镇", Area.Level.TOWN, "430105", null, null));
                areas.create(new Area(VILLAGE, "基准村", Area.Level.VILLAGE, TOWN, Area.Kind.VILLAGE, null));
                for (int g = 1; g <= PHONES + 1; g++) {
                    areas.create(new Area(grid(g), "第" + g + "网格", Area.Level.GRID, VILLAGE, null, null));
                }
                long before = jdbc.sql("select count(*) from person").query(Long.class).single();
                int inGrids = (PHONES * VISITS + BIG) * 3;
                households(app.getBean(BulkLoader.class));
                System.out.printf("bench grids loaded in %.0f s%n", (System.nanoTime() - t0) / 1e9);
                long t1 = System.nanoTime();
                withoutIndexes(jdbc, app.getBean(TransactionTemplate.class),
                        () -> rest(app.getBean(BulkLoader.class), (int) (TOTAL - before - inGrids)));
                System.out.printf("the rest of the million loaded (indexes dropped, COPY, indexes built again) in %.0f s%n",
                        (System.nanoTime() - t1) / 1e9);
            });
            access.runAs(SystemPrincipal.FIRST_ADMINISTRATOR, () -> {
                UserService users = app.getBean(UserService.class);
                for (int g = 1; g <= PHONES + 1; g++) {
                    users.create(phone(g), "基准网格员" + g, Role.GRID_WORKER, List.of(grid(g)), PASSWORD);
                }
            });
            jdbc.sql("vacuum analyze").update();
            System.out.printf("register of %,d persons (%,d households in the bench grids) built in %.0f s%n",
                    jdbc.sql("select count(*) from person").query(Long.class).single(),
                    jdbc.sql("select count(*) from household where village_code = ?").param(VILLAGE).query(Long.class).single(),
                    (System.nanoTime() - t0) / 1e9);
            run(jdbc, ((WebServerApplicationContext) app).getWebServer().getPort());
        }
    }

    static String grid(int g) {
        return VILLAGE + String.format("%03d", g);
    }

    static String phone(int g) {
        return String.format("benchphone%02d", g);
    }

    /** 200 households of three persons in each phone's grid, 500 in grid 051 (the big worklist). */
    static void households(BulkLoader loader) {
        List<BulkLoader.NewHousehold> households = new ArrayList<>();
        List<BulkLoader.NewPerson> persons = new ArrayList<>();
        int seq = 0;
        for (int g = 1; g <= PHONES + 1; g++) {
            int count = g <= PHONES ? VISITS : BIG;
            for (int h = 0; h < count; h++) {
                int key = households.size();
                String address = "基准村" + g + "组" + (h + 1) + "号";
                households.add(new BulkLoader.NewHousehold(key, "B" + g + "-" + h, VILLAGE, grid(g), address));
                for (int p = 0; p < 3; p++) {
                    LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(seq / 900 + p * 9000L);
                    String first17 = "430198" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                            + (seq % 900 + 100);
                    // the ID number's 17th digit gives the sex: a correction re-checks the whole record
                    String sex = (seq % 900 + 100) % 2 == 1 ? "1" : "2";
                    persons.add(new BulkLoader.NewPerson(first17 + IdNumber.checkChar(first17), "基准" + g + "户" + h + "人" + p,
                            sex, birth, "01", "20", "71", key, p == 0 ? "02" : p == 1 ? "10" : "20", "430105", VILLAGE, grid(g),
                            PersonStatus.REGISTERED, null, null, null, null, null, "13800000000", address));
                    seq++;
                }
            }
        }
        loader.load(households, persons, "benchmark");
    }

    /**
     * Runs a load in one transaction with the secondary indexes of persons, their history and status periods
     * dropped and built again at the end, as the import's large load does for an empty register (the bench's register
     * has the demo town, so the loader writes the ordinary way): maintaining a dozen indexes row by row is most of a
     * million-row load's cost, building each once over the whole table is a fraction of it.
     */
    static void withoutIndexes(JdbcClient jdbc, TransactionTemplate tx, Runnable load) {
        tx.executeWithoutResult(status -> {
            List<String[]> indexes = jdbc.sql("""
                    select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
                    where i.indrelid = any(?::regclass[])
                      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)""")
                    .param(new String[]{"person", "person_change", "person_status_period"})
                    .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list();
            indexes.forEach(x -> jdbc.sql("drop index " + x[0]).update());
            load.run();
            jdbc.sql("set local maintenance_work_mem = '512MB'").update();
            indexes.forEach(x -> jdbc.sql(x[1]).update());
        });
    }

    /** The rest of the million, spread over the demo villages without households (as RegisterBench does). */
    static void rest(BulkLoader loader, int count) {
        Random rnd = new Random(42);
        String[] surnames = "刘李陈王张周黄彭罗唐曾谭邓胡易杨吴赵徐孙朱何郭马梁宋郑谢韩冯".split("");
        String[] given = "伟强军勇杰涛明超辉刚平华芳娟敏静丽艳娜燕霞玲红梅英兰琴秀萍".split("");
        List<String> villages = new ArrayList<>();
        for (int v = 1; v <= 3; v++) {
            villages.add("430105100" + String.format("%03d", v));
        }
        for (int v = 201; v <= 224; v++) {
            villages.add("430105100" + v);
        }
        for (int start = 0; start < count; start += 100_000) {
            List<BulkLoader.NewPerson> persons = new ArrayList<>();
            for (int i = start; i < Math.min(count, start + 100_000); i++) {
                LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(i / 900);
                int seq = i % 900 + 100;
                String first17 = "430199" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + seq;
                String name = surnames[rnd.nextInt(surnames.length)] + given[rnd.nextInt(given.length)]
                        + (rnd.nextBoolean() ? given[rnd.nextInt(given.length)] : "");
                persons.add(new BulkLoader.NewPerson(first17 + IdNumber.checkChar(first17), name, seq % 2 == 1 ? "1" : "2",
                        birth, "01", "20", "71", null, null, "430105100", villages.get(rnd.nextInt(villages.size())), null,
                        PersonStatus.REGISTERED, null, null, null, null, null, null, null));
            }
            loader.load(List.of(), persons, "benchmark");
        }
    }

    /** A phone: an HTTP client with the session of a sign-in through the login form. */
    record Phone(HttpClient http, String base) {
        static Phone signIn(int port, String user, String password) throws Exception {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
            String base = "http://127.0.0.1:" + port;
            String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = CSRF.matcher(login);
            if (!csrf.find()) {
                throw new IllegalStateException("no login form");
            }
            String form = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.headers().firstValue("Location").orElse("error").contains("error")) {
                throw new IllegalStateException("sign-in of " + user + " failed");
            }
            return new Phone(http, base);
        }

        HttpResponse<String> get(String path) throws Exception {
            return check(http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                    .header("X-Requested-With", "XMLHttpRequest").GET().build(), HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            return check(http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                    .header("Content-Type", "application/json").header("X-Requested-With", "XMLHttpRequest")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()));
        }

        private static HttpResponse<String> check(HttpResponse<String> r) {
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
            return r;
        }
    }

    @SuppressWarnings("unchecked")
    static void run(JdbcClient jdbc, int port) throws Exception {
        Phone office = Phone.signIn(port, "county", "county123");
        long t = System.nanoTime();
        long round = ((Number) JSON.readValue(office.post("/api/v1/verification-rounds", """
                {"name":"基准清查","areaCodes":["%s"],"startsOn":"%s","endsOn":"%s"}""".formatted(VILLAGE, TODAY, TODAY.plusDays(30)))
                .body(), Map.class).get("id")).longValue();
        System.out.printf("planned the round over the bench village (%,d households) in %.0f ms%n",
                jdbc.sql("select count(*) from verification_household where round_id = ?").param(round).query(Long.class).single(),
                (System.nanoTime() - t) / 1e6);

        List<Phone> phones = new ArrayList<>();
        List<List<String>> batches = new ArrayList<>(); // per phone, its four batches
        for (int g = 1; g <= PHONES + 1; g++) {
            Phone p = Phone.signIn(port, phone(g), PASSWORD);
            phones.add(p);
            List<Map<String, Object>> worklist = JSON.readValue(p.get("/api/v1/verification-rounds/" + round + "/worklist?area="
                    + grid(g)).body(), List.class);
            List<String> mine = new ArrayList<>();
            for (int b = 0; b < VISITS / BATCH; b++) {
                List<Object> visits = new ArrayList<>();
                for (int h = b * BATCH; h < (b + 1) * BATCH; h++) {
                    visits.add(visit(worklist.get(h), h, g));
                }
                mine.add(JSON.writeValueAsString(visits));
            }
            batches.add(mine);
        }
        int expectedNew = 0;
        for (int h = 0; h < VISITS; h++) {
            expectedNew += h % 20 != 19 && h % 25 == 7 ? 1 : 0;
        }

        // the floor: the phone of the big grid alone, its 200 visits in four batches one after the other
        List<Long> alone = new ArrayList<>();
        for (String batch : batches.get(PHONES)) {
            long s = System.nanoTime();
            states(phones.get(PHONES).post("/api/v1/verification-rounds/" + round + "/visits", batch).body(), "APPLIED");
            alone.add(System.nanoTime() - s);
        }
        System.out.printf("floor: one phone alone, 4 batches of 50 visits: median %.0f ms, max %.0f ms%n", median(alone) / 1e6,
                Collections.max(alone) / 1e6);

        long[] sync = syncAll(phones, batches, round, "APPLIED");
        long visits = jdbc.sql("select count(*) from verification_visit where round_id = ?").param(round).query(Long.class).single();
        long results = jdbc.sql("select count(*) from verification_result where round_id = ?").param(round).query(Long.class).single();
        long created = jdbc.sql("select count(*) from verification_change where round_id = ? and result = 'NEW'").param(round)
                .query(Long.class).single();
        System.out.printf("50 phones x 200 visits at once, batches of 50: %d batches in %.1f s, p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                sync.length - 1, sync[sync.length - 1] / 1e9, pct(sync, 50) / 1e6, pct(sync, 99) / 1e6, pct(sync, 100) / 1e6);
        long[] resend = syncAll(phones, batches, round, "ALREADY_APPLIED");
        System.out.printf("resend of every batch: all ALREADY_APPLIED, p50 %.0f ms, p99 %.0f ms%n", pct(resend, 50) / 1e6,
                pct(resend, 99) / 1e6);
        long visitsAfter = jdbc.sql("select count(*) from verification_visit where round_id = ?").param(round).query(Long.class).single();
        System.out.printf("visits stored %,d (expected %,d), after the resend %,d; person results %,d; new persons %,d (expected %,d)%n",
                visits, (PHONES + 1) * VISITS, visitsAfter, results, created, expectedNew * (PHONES + 1));
        if (visits != (PHONES + 1) * VISITS || visitsAfter != visits || created != expectedNew * (PHONES + 1L)) {
            throw new IllegalStateException("visits applied twice or lost");
        }

        List<Long> figures = new ArrayList<>();
        String body = "";
        for (int i = 0; i < 30; i++) {
            long s = System.nanoTime();
            body = office.get("/api/v1/verification-rounds/" + round).body();
            figures.add(System.nanoTime() - s);
        }
        System.out.printf("the round's figures for the town (GET /api/v1/verification-rounds/{id}): median %.1f ms, max %.1f ms  %s%n",
                median(figures) / 1e6, Collections.max(figures) / 1e6, body.replaceAll("\"areaCodes\":\\[[^]]*],", ""));
        List<Long> floor = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long s = System.nanoTime();
            jdbc.sql("select result, count(*) from verification_result where round_id = ? group by result").param(round)
                    .query((rs, n) -> rs.getString(1)).list();
            floor.add(System.nanoTime() - s);
        }
        System.out.printf("floor: one GROUP BY over the round's results: median %.1f ms%n", median(floor) / 1e6);

        Phone big = phones.get(PHONES);
        List<Long> served = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < 20; i++) {
            long s = System.nanoTime();
            bytes = big.get("/api/v1/verification-rounds/" + round + "/worklist?area=" + grid(PHONES + 1)).body()
                    .getBytes(StandardCharsets.UTF_8).length;
            served.add(System.nanoTime() - s);
        }
        System.out.printf("worklist of a grid of %d households / %d persons served: median %.0f ms, max %.0f ms, %,d bytes%n", BIG,
                BIG * 3, median(served) / 1e6, Collections.max(served) / 1e6, bytes);
        chromium(port, round);
    }

    /** A visit to one household of the worklist: mostly all correct, some corrected, some with a newborn, some nobody home. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> visit(Map<String, Object> household, int h, int g) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("clientId", UUID.randomUUID().toString());
        v.put("householdNo", household.get("householdNo"));
        v.put("visitedOn", TODAY.toString());
        boolean home = h % 20 != 19;
        v.put("outcome", home ? "VISITED" : "NOBODY_HOME");
        List<Object> results = new ArrayList<>();
        if (home) {
            List<Map<String, Object>> persons = (List<Map<String, Object>>) household.get("persons");
            for (int i = 0; i < persons.size(); i++) {
                Map<String, Object> p = persons.get(i);
                Map<String, Object> r = new LinkedHashMap<>(Map.of("personId", p.get("personId"), "version", p.get("version")));
                if (i == 0 && h % 10 == 3) {
                    r.put("result", "CORRECTED");
                    r.put("corrections", Map.of("phone", String.format("139%02d%06d", g, h)));
                } else {
                    r.put("result", "CORRECT");
                }
                results.add(r);
            }
            if (h % 25 == 7) { // a newborn, each born on a day of its own: else the duplicate check holds them as one
                results.add(Map.of("result", "NEW", "person", Map.of("name", "新生" + g + "-" + h, "sex", "2",
                        "birthDate", TODAY.minusDays(1 + g * 8L + h / 25).toString(), "relation", "20", "ethnicity", "01",
                        "hukouCode", "430105", "status", "REGISTERED")));
            }
        }
        v.put("persons", results);
        return v;
    }

    /** Every phone sends its batches one after another, all phones at once; answers the batch latencies, then the wall time. */
    static long[] syncAll(List<Phone> phones, List<List<String>> batches, long round, String state) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PHONES);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int g = 0; g < PHONES; g++) {
            int phone = g;
            futures.add(pool.submit(() -> {
                go.await();
                List<Long> times = new ArrayList<>();
                for (String batch : batches.get(phone)) {
                    long s = System.nanoTime();
                    String answer = phones.get(phone).post("/api/v1/verification-rounds/" + round + "/visits", batch).body();
                    times.add(System.nanoTime() - s);
                    states(answer, state);
                }
                return times;
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        long wall = System.nanoTime() - start;
        pool.shutdown();
        long[] out = new long[all.size() + 1];
        for (int i = 0; i < all.size(); i++) {
            out[i] = all.get(i);
        }
        java.util.Arrays.sort(out, 0, all.size());
        out[all.size()] = wall;
        return out;
    }

    @SuppressWarnings("unchecked")
    static void states(String answer, String expected) {
        for (Map<String, Object> a : (List<Map<String, Object>>) JSON.readValue(answer, List.class)) {
            if (!expected.equals(a.get("state"))) {
                throw new IllegalStateException("expected " + expected + ": " + a);
            }
        }
    }

    /** Percentile of the sorted latencies (the last element is the wall time, left out). */
    static double pct(long[] sorted, int p) {
        int n = sorted.length - 1;
        return sorted[Math.min(n - 1, (int) Math.ceil(n * p / 100.0) - 1)];
    }

    static double median(List<Long> times) {
        List<Long> s = new ArrayList<>(times);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    /** The phone page in headless chromium downloads and stores the big grid's worklist; its own timings, five times. */
    static void chromium(int port, long round) {
        if (!new java.io.File("/usr/bin/chromedriver").exists()) {
            System.out.println("no /usr/bin/chromedriver: the phone page's download was not timed");
            return;
        }
        org.openqa.selenium.chrome.ChromeOptions options = new org.openqa.selenium.chrome.ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=390,844",
                "--lang=zh-CN");
        org.openqa.selenium.chrome.ChromeDriver driver = new org.openqa.selenium.chrome.ChromeDriver(
                new org.openqa.selenium.chrome.ChromeDriverService.Builder().usingDriverExecutable(
                        new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
        try {
            String base = "http://localhost:" + port;
            var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(base + "/login");
            driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(phone(PHONES + 1));
            driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(PASSWORD);
            driver.findElement(org.openqa.selenium.By.id("login-submit")).click();
            wait.until(d -> !d.getCurrentUrl().contains("/login"));
            List<Long> total = new ArrayList<>();
            List<Long> fetch = new ArrayList<>();
            List<Long> store = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                driver.get(base + "/verification/phone");
                wait.until(d -> "true".equals(d.findElement(org.openqa.selenium.By.id("phone")).getAttribute("data-ready")));
                driver.executeScript("delete document.getElementById('phone').dataset.totalMs;");
                driver.executeScript("document.getElementById('change-list').click();");
                driver.findElement(org.openqa.selenium.By.id("round-" + round)).click();
                driver.findElement(org.openqa.selenium.By.id("area-" + grid(PHONES + 1))).click();
                driver.findElement(org.openqa.selenium.By.id("download")).click();
                wait.until(d -> d.findElement(org.openqa.selenium.By.id("phone")).getAttribute("data-total-ms") != null);
                var root = driver.findElement(org.openqa.selenium.By.id("phone"));
                total.add(Long.parseLong(root.getAttribute("data-total-ms")));
                fetch.add(Long.parseLong(root.getAttribute("data-download-ms")));
                store.add(Long.parseLong(root.getAttribute("data-store-ms")));
            }
            System.out.printf("phone page in headless chromium, %d households / %d persons: downloaded and stored median %.0f ms"
                    + " (fetch and parse %.0f ms, IndexedDB %.0f ms), max %d ms%n", BIG, BIG * 3, median(total), median(fetch),
                    median(store), Collections.max(total));
        } finally {
            driver.quit();
        }
    }
}
