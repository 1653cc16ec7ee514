import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileReader;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.renkou.RenkouApplication;
import org.renkou.common.IdNumber;
import org.renkou.imports.ImportJob;
import org.renkou.imports.ImportService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Import of 1,000,000 persons from CSV through the real code path (ImportService: parse, check, stage,
 * classify, apply) into the real schema with its indexes: valid rows, the same file again, and a file with 5%
 * invalid rows; and two floors: PostgreSQL COPY of the same file into an unindexed table of the same columns,
 * and COPY of the rows the import writes straight into the register's tables. Then a search loop (one client,
 * name prefix + village through the HTTP API) runs alone and beside a 200,000-row import of new persons into the
 * register that now has persons: its p99 shows whether the import keeps readers waiting.
 * Run it with a 512 MB heap to show that the file is streamed, never loaded whole. {@code -Donly=reader}: only
 * the last part, into the demo town's register.
 */
public class ImportBench {
    static final int ROWS = Integer.getInteger("rows", 1_000_000);
    static final int BESIDE_READER = 200_000;
    static final String HEADER = "id_number,name,sex,birth_date,ethnicity,marital_status,household_no,relation,"
            + "hukou_code,village_code,grid_code,status,phone,address";

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("renkou-import-bench-");
        Path valid = dir.resolve("valid.csv");
        Path invalid = dir.resolve("invalid.csv");
        Path repeated = dir.resolve("repeated.csv");
        Path beside = dir.resolve("beside-reader.csv");
        boolean readerOnly = "reader".equals(System.getProperty("only"));
        try {
            if (!readerOnly) {
                write(valid, "430177", 0, ROWS, ROWS);
                write(invalid, "430178", 20, ROWS, ROWS);
                write(repeated, "430179", 0, ROWS / 2, ROWS);
                System.out.printf("files: %,d rows each, %.0f MB%n", ROWS, Files.size(valid) / 1e6);
            }
            write(beside, "430176", 0, BESIDE_READER, BESIDE_READER);
            run(readerOnly ? null : valid, invalid, repeated, beside);
        } finally {
            for (Path file : List.of(valid, invalid, repeated, beside)) {
                Files.deleteIfExists(file);
            }
            Files.delete(dir);
        }
    }

    static void run(Path valid, Path invalid, Path repeated, Path beside) throws Exception {
        try (ConfigurableApplicationContext app = SpringApplication.run(RenkouApplication.class, "--server.port=0",
                "--renkou.embedded-db.ephemeral=true", "--renkou.demo=true", "--logging.level.root=WARN",
                "--logging.level.org.renkou.imports=INFO", "--logging.level.org.renkou.people=INFO",
                "--spring.main.banner-mode=off")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            if (valid != null) {
                floor(app.getBean(DataSource.class), jdbc, valid);
                writeFloor(app.getBean(DataSource.class), valid);
                importFile(app, valid, "valid rows", false, ROWS);
                importFile(app, valid, "the valid rows again (all unchanged)", false, ROWS);
                importFile(app, invalid, "5% invalid rows", false, ROWS);
                importFile(app, repeated, "every row twice, dry run (half of them rejected as repeats)", true, ROWS);
            }
            importBesideReader(app, beside);
            Runtime rt = Runtime.getRuntime();
            long full = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .filter(gc -> gc.getName().contains("Old")).mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
            System.out.printf("heap: max %d MB, used at the end %d MB, full collections %d%n", rt.maxMemory() >> 20,
                    (rt.totalMemory() - rt.freeMemory()) >> 20, full);
        }
    }

    /**
     * One client searching the register (name prefix + village, as a user does) in a closed loop: after a warm-up of
     * 500 searches, at least 10 s and 500 searches alone, then
     * while the file's new persons are imported into the register that has persons; latency figures of both.
     */
    static void importBesideReader(ConfigurableApplicationContext app, Path file) throws Exception {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        long holding = jdbc.sql("select count(*) from person").query(Long.class).single();
        List<String> searches = jdbc.sql("select left(name, 2), village_code from person tablesample system (5) limit 2000")
                .query((rs, i) -> "/api/v1/persons?size=20&sort=name&name="
                        + URLEncoder.encode(rs.getString(1), StandardCharsets.UTF_8) + "&area=" + rs.getString(2)).list();
        SearchLoop loop = new SearchLoop(((WebServerApplicationContext) app).getWebServer().getPort(), searches);
        Thread reader = new Thread(loop, "bench-reader");
        reader.start();
        List<Long> warmUp = new ArrayList<>();
        while (warmUp.size() < 500 && reader.isAlive()) { // JIT and caches warm, whatever else the machine does
            Thread.sleep(500);
            warmUp.addAll(loop.record());
        }
        List<Long> alone = new ArrayList<>();
        long until = System.nanoTime() + 10_000_000_000L;
        while ((alone.size() < 500 || System.nanoTime() < until) && reader.isAlive()) {
            Thread.sleep(500);
            alone.addAll(loop.record());
        }
        importFile(app, file, String.format("%,d new persons into a register of %,d, beside a search loop",
                BESIDE_READER, holding), false, BESIDE_READER);
        List<Long> during = loop.record();
        loop.stop = true;
        reader.join();
        System.out.println("reader alone: " + figures(alone));
        System.out.println("reader beside the import: " + figures(during));
    }

    static String figures(List<Long> nanos) {
        Collections.sort(nanos);
        return nanos.isEmpty() ? "no searches" : String.format("%,d searches, p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                nanos.size(), at(nanos, 0.50), at(nanos, 0.99), nanos.get(nanos.size() - 1) / 1e6);
    }

    static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }

    /** Searches one after the other; {@link #record} hands over the latencies since the last call. */
    static final class SearchLoop implements Runnable {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final String auth = "Basic " + Base64.getEncoder().encodeToString("admin:admin123".getBytes(StandardCharsets.UTF_8));
        final int port;
        final List<String> searches;
        List<Long> latencies = new ArrayList<>();
        volatile boolean stop;

        SearchLoop(int port, List<String> searches) {
            this.port = port;
            this.searches = searches;
        }

        synchronized List<Long> record() {
            List<Long> done = latencies;
            latencies = new ArrayList<>();
            return done;
        }

        @Override
        public void run() {
            for (int i = 0; !stop; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + searches.get(i % searches.size()))).header("Authorization", auth).build();
                long t = System.nanoTime();
                try {
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("search answered " + response.statusCode());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                long took = System.nanoTime() - t;
                synchronized (this) {
                    latencies.add(took);
                }
            }
        }
    }

    /**
     * Valid persons of the demo town's villages; every {@code badEvery}-th row (if > 0) has a wrong check character;
     * after {@code distinct} rows the persons repeat; {@code rows} in all.
     */
    static void write(Path file, String area, int badEvery, int distinct, int rows) throws Exception {
        Random rnd = new Random(7);
        String[] villages = new String[27];
        for (int v = 0; v < 27; v++) {
            villages[v] = "430105100" + (v < 3 ? String.format("%03d", v + 1) : String.valueOf(198 + v));
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (int row = 0; row < rows; row++) {
                int i = row % distinct;
                LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(i / 900);
                int seq = i % 900 + 100;
                String first17 = area + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + seq;
                char check = IdNumber.checkChar(first17);
                if (badEvery > 0 && i % badEvery == 0) {
                    check = check == '1' ? '2' : '1';
                }
                String village = villages[rnd.nextInt(27)];
                w.write(String.join(",", first17 + check, "导入" + (char) ('甲' + rnd.nextInt(10)) + i, seq % 2 == 1 ? "1" : "2",
                        birth.toString(), "01", "20", area + "-" + i, "02", "430105", village, "", "REGISTERED",
                        "138" + String.format("%08d", i), "测试地址" + i));
                w.write('\n');
            }
        }
    }

    static void floor(DataSource ds, JdbcClient jdbc, Path file) throws Exception {
        jdbc.sql("create unlogged table bench_copy (id_number text, name text, sex text, birth_date text, ethnicity text,"
                + " marital_status text, household_no text, relation text, hukou_code text, village_code text,"
                + " grid_code text, status text, phone text, address text)").update();
        long t = System.nanoTime();
        try (var con = ds.getConnection(); var reader = new FileReader(file.toFile(), StandardCharsets.UTF_8)) {
            con.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy bench_copy from stdin (format csv, header true)", reader);
        }
        double s = (System.nanoTime() - t) / 1e9;
        System.out.printf("floor: COPY into an unindexed table: %.1f s, %,.0f rows/s%n", s, ROWS / s);
        jdbc.sql("drop table bench_copy").update();
    }

    /**
     * The floor of the register's writes: the rows an import of the valid file writes (a household, a person, a
     * "created" history row and a status period each), built straight from the file and COPYed into the register's
     * tables, with keys and indexes dropped and built again as in a large load; then rolled back and vacuumed.
     */
    static void writeFloor(DataSource ds, Path file) throws Exception {
        try (Connection con = ds.getConnection()) {
            con.setAutoCommit(false);
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(con, true));
            jdbc.sql("set local maintenance_work_mem = '256MB'").update();
            List<String> restore = new ArrayList<>();
            for (String[] c : jdbc.sql("""
                    select conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) from pg_constraint
                    where contype in ('f', 'u') and conrelid = any('{household,person,person_change,person_status_period}'::regclass[])
                    order by contype desc""").query((rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).list()) {
                jdbc.sql("alter table " + c[0] + " drop constraint " + c[1]).update();
                restore.add("alter table " + c[0] + " add constraint " + c[1] + " " + c[2]);
            }
            for (String[] x : jdbc.sql("""
                    select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
                    where i.indrelid = any('{household,person,person_change,person_status_period}'::regclass[])
                      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)""")
                    .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list()) {
                jdbc.sql("drop index " + x[0]).update();
                restore.add(0, x[1]);
            }
            long household = jdbc.sql("select setval('household_id_seq', nextval('household_id_seq') + ?)").param(ROWS)
                    .query(Long.class).single() - ROWS;
            long person = jdbc.sql("select setval('person_id_seq', nextval('person_id_seq') + ?)").param(ROWS)
                    .query(Long.class).single() - ROWS;
            long t = System.nanoTime();
            CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
            copy(copy, file, "household (id, household_no, village_code, address)",
                    (i, c) -> (household + i) + "," + c[6] + "," + c[9] + "," + c[13]);
            copy(copy, file, "person (id, id_number, name, sex, birth_date, ethnicity, marital_status, household_id,"
                    + " relation, hukou_code, village_code, status, phone, address, status_since)",
                    (i, c) -> String.join(",", String.valueOf(person + i), c[0], c[1], c[2], c[3], c[4], c[5],
                            String.valueOf(household + i), c[7], c[8], c[9], c[11], c[12], c[13], c[3]));
            copy(copy, file, "person_change (person_id, username, source, field, new_value)",
                    (i, c) -> (person + i) + ",bench,IMPORT bench,created," + c[1]);
            copy(copy, file, "person_status_period (person_id, status, valid_from)",
                    (i, c) -> (person + i) + ",REGISTERED," + c[3]);
            restore.forEach(statement -> jdbc.sql(statement).update());
            jdbc.sql("analyze household, person").update();
            double s = (System.nanoTime() - t) / 1e9;
            System.out.printf("floor: COPY straight into the register's tables (4 rows per person; keys and indexes"
                    + " built after): %.1f s, %,.0f rows/s%n", s, ROWS / s);
            con.rollback();
            con.setAutoCommit(true);
            // no dead rows and no pending writes left for the imports that follow
            jdbc.sql("vacuum household, person, person_change, person_status_period").update();
            jdbc.sql("checkpoint").update();
        }
    }

    /** Streams one table's rows, made from the file's lines, into COPY. */
    static void copy(CopyManager copy, Path file, String table, BiFunction<Integer, String[], String> row) throws Exception {
        CopyIn in = copy.copyIn("copy " + table + " from stdin (format csv)");
        try (BufferedReader r = Files.newBufferedReader(file)) {
            r.readLine();
            StringBuilder batch = new StringBuilder();
            String line;
            for (int i = 0; (line = r.readLine()) != null; i++) {
                batch.append(row.apply(i, line.split(",", -1))).append('\n');
                if (batch.length() > 1 << 20) {
                    byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                    batch.setLength(0);
                }
            }
            byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    static void importFile(ConfigurableApplicationContext app, Path file, String label, boolean dryRun, int rows)
            throws Exception {
        ImportService imports = app.getBean(ImportService.class);
        long t = System.nanoTime();
        long id;
        try (InputStream in = Files.newInputStream(file)) {
            id = imports.submit(file.getFileName().toString(), in, dryRun);
        }
        ImportJob job = imports.get(id);
        while (job.running()) {
            Thread.sleep(200);
            job = imports.get(id);
        }
        double s = (System.nanoTime() - t) / 1e9;
        System.out.printf("import, %s: %s in %.1f s, %,.0f rows/s (added %,d, rejected %,d)%n", label, job.status(), s,
                rows / s, job.added(), job.rejected());
    }
}
