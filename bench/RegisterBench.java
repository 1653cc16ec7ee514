import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.renkou.RenkouApplication;
import org.renkou.common.IdNumber;
import org.renkou.people.BulkLoader;
import org.renkou.people.PersonStatus;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With 1,000,000 persons in the register: exact ID-number lookup and a filtered name-prefix search through
 *    the HTTP API (Basic auth, JSON), p50 and p99 latency at 1 and at 32 concurrent clients.
 * The load generator runs in the same JVM on the same 2 cores, so the figures include its cost.
 */
public class RegisterBench {
    static final int TOTAL = 1_000_000;
    static final String[] SURNAMES = "刘李陈王张周黄彭罗唐曾谭邓胡易杨吴赵徐孙朱何郭马梁宋郑谢韩冯".split("");
    static final String[] GIVEN = "伟强军勇杰涛明超辉刚平华芳娟敏静丽艳娜燕霞玲红梅英兰琴秀萍".split("");

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext app = SpringApplication.run(RenkouApplication.class, "--server.port=0",
                "--renkou.embedded-db.ephemeral=true", "--renkou.demo=true", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        try (app) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long before = jdbc.sql("select count(*) from person").query(Long.class).single();
            long t1 = System.nanoTime();
            load(app.getBean(BulkLoader.class), (int) (TOTAL - before));
            // the steady state of a real server, where autovacuum has run since the bulk load (visibility map set)
            jdbc.sql("vacuum analyze").update();
            System.out.printf("bulk-loaded %,d persons in %.1f s; register now holds %,d%n", TOTAL - before,
                    (System.nanoTime() - t1) / 1e9, jdbc.sql("select count(*) from person").query(Long.class).single());
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            List<String> ids = jdbc.sql("select id_number from person where id_number is not null order by random() limit 5000")
                    .query(String.class).list();
            List<String[]> searches = jdbc.sql("""
                    select left(name, 2), village_code from person tablesample system (1) limit 5000""")
                    .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String auth = "Basic " + Base64.getEncoder().encodeToString("admin:admin123".getBytes(StandardCharsets.UTF_8));
            IntFunction<String> idLookup = i -> "/api/v1/persons?idNumber=" + ids.get(i % ids.size());
            IntFunction<String> nameSearch = i -> {
                String[] s = searches.get(i % searches.size());
                return "/api/v1/persons?size=20&name=" + java.net.URLEncoder.encode(s[0], StandardCharsets.UTF_8)
                        + "&area=" + s[1] + "&sort=name";
            };
            measure(http, port, auth, "warm-up", idLookup, 32, 3000);
            measure(http, port, auth, "warm-up", nameSearch, 32, 3000);
            if (Boolean.getBoolean("quick")) { // -Dquick=true: only the name search at 32 clients, three times
                wrk(port, auth, "warm-up", nameSearch, 32);
                for (int run = 0; run < 3; run++) {
                    wrk(port, auth, "name prefix + village", nameSearch, 32);
                }
                if (Boolean.getBoolean("hold")) { // -Dhold=true: keep the app up to look at it
                    System.out.println("holding; database " + jdbc.sql("select current_setting('port')")
                            .query(String.class).single() + ", app port " + port);
                    Thread.sleep(3_600_000);
                }
                return;
            }
            for (int clients : new int[]{1, 32}) {
                measure(http, port, auth, "exact ID lookup", idLookup, clients, 4000);
                measure(http, port, auth, "name prefix + village", nameSearch, clients, 4000);
            }
            if (new java.io.File("/usr/bin/wrk").exists()) {
                for (int clients : new int[]{1, 32}) {
                    wrk(port, auth, "exact ID lookup", idLookup, clients);
                    wrk(port, auth, "name prefix + village", nameSearch, clients);
                }
            }
        }
    }

    /** Persons spread over the demo town's villages, with unique valid ID numbers (area code 430199). */
    static void load(BulkLoader loader, int count) {
        Random rnd = new Random(42);
        List<String> villages = new ArrayList<>();
        for (int v = 1; v <= 3; v++) {
            villages.add("430105100" + String.format("%03d", v));
        }
        for (int v = 201; v <= 224; v++) {
            villages.add("430105100" + v);
        }
        int batch = 100_000;
        for (int start = 0; start < count; start += batch) {
            List<BulkLoader.NewPerson> persons = new ArrayList<>();
            for (int i = start; i < Math.min(count, start + batch); i++) {
                LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(i / 900);
                int seq = i % 900 + 100;
                String sex = seq % 2 == 1 ? "1" : "2";
                String first17 = "430199" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + seq;
                String village = villages.get(rnd.nextInt(villages.size()));
                String name = SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)]
                        + (rnd.nextBoolean() ? GIVEN[rnd.nextInt(GIVEN.length)] : "");
                persons.add(new BulkLoader.NewPerson(first17 + IdNumber.checkChar(first17), name, sex, birth, "01",
                        "20", "71", null, null, "430105100", village, null, PersonStatus.REGISTERED, null, null,
                        null, null, null, null, null));
            }
            loader.load(List.of(), persons, "benchmark");
        }
    }

    /** The same requests from wrk (a C load generator, lighter than the JVM client), 20 s each. */
    static void wrk(int port, String auth, String name, IntFunction<String> path, int clients) throws Exception {
        java.nio.file.Path paths = java.nio.file.Files.createTempFile("renkou-paths-", ".txt");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            lines.add(path.apply(i));
        }
        java.nio.file.Files.write(paths, lines);
        Process p = new ProcessBuilder("wrk", "-t" + Math.min(2, clients), "-c" + clients, "-d20s", "--latency",
                "-s", "bench/paths.lua", "http://127.0.0.1:" + port, "--", paths.toString(), auth)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        String p50 = out.replaceAll("(?s).*\\s50%\\s+(\\S+).*", "$1");
        String p99 = out.replaceAll("(?s).*\\s99%\\s+(\\S+).*", "$1");
        String rate = out.replaceAll("(?s).*Requests/sec:\\s+(\\S+).*", "$1");
        String errors = out.contains("Non-2xx") ? "  (" + out.replaceAll("(?s).*(Non-2xx[^\\n]*).*", "$1") + ")" : "";
        System.out.printf("wrk %-18s clients=%2d  p50=%8s  p99=%8s  throughput=%s/s%s%n", name, clients, p50, p99, rate,
                errors);
    }

    static void measure(HttpClient http, int port, String auth, String name, IntFunction<String> path, int clients,
                        int requests) throws Exception {
        long[] latencies = new long[requests];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                for (int i = client; i < requests; i += clients) {
                    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path.apply(i)))
                            .header("Authorization", auth).GET().build();
                    long t = System.nanoTime();
                    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - t;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(r.statusCode() + " " + r.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (name.equals("warm-up")) {
            return;
        }
        Arrays.sort(latencies);
        System.out.printf("%-22s clients=%2d  requests=%d  p50=%6.2f ms  p99=%6.2f ms  throughput=%.0f/s%n", name,
                clients, requests, latencies[requests / 2] / 1e6, latencies[requests * 99 / 100] / 1e6,
                requests / seconds);
    }
}
