package org.renkou.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.renkou.Api;
import org.renkou.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A large load (here from 300 rows, into an empty register of its own) drops the register's foreign keys, unique
 * constraints and secondary indexes inside its transaction and builds them again before it commits. Readers of the
 * register wait for it meanwhile, so it is only taken into a register without persons: an import into one with
 * persons is written the ordinary way, and readers keep reading while it writes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"renkou.embedded-db.ephemeral=true", "renkou.embedded-db.name=large-load", "renkou.demo=false",
                "renkou.import.large-load-rows=300", "RENKOU_ADMIN_PASSWORD=admin123"})
@ExtendWith(OutputCaptureExtension.class)
class LargeImportTest {
    private static final String VILLAGE = "430105153001";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void aLargeLoadWritesEverythingAndLeavesTheSameKeysAndIndexes(CapturedOutput output) throws Exception {
        Api admin = admin();
        emptyRegister();
        List<String> schema = keysAndIndexes();

        Api.Response job = Imports.run(admin, "large.csv", persons(400, "L", 0), false);
        assertThat(job.<Integer>json("$.added")).as(job.body()).isEqualTo(400);
        assertThat(output).contains("a large load: keys and indexes built again");
        assertThat(keysAndIndexes()).isEqualTo(schema);
        assertThat(count("select count(*) from household where household_no like 'L-%'")).isEqualTo(400);
        assertThat(count("select count(*) from person_status_period s join person p on p.id = s.person_id"
                + " where p.village_code = '" + VILLAGE + "' and s.valid_to is null")).isEqualTo(400);
        assertThat(count("select count(*) from person_change where field = 'created'")).isEqualTo(400);
        assertThat(admin.get("/api/v1/persons?area=" + VILLAGE + "&name=" + Api.enc("大批")).<Integer>json("$.total"))
                .isEqualTo(400);

        // as many rows again into the register that now has persons, 200 of them joining households it has: written
        // the ordinary way, and no household is made twice
        Api.Response more = Imports.run(admin, "more.csv", persons(450, "M", 200), false);
        assertThat(more.<Integer>json("$.added")).as(more.body()).isEqualTo(450);
        assertThat(output.toString().split("a large load", -1)).hasSize(2);
        assertThat(keysAndIndexes()).isEqualTo(schema);
        assertThat(count("select count(*) from household where household_no like 'L-%'")).isEqualTo(400);
        assertThat(count("select count(*) from household where household_no like 'M-%'")).isEqualTo(250);
        assertThat(count("select count(*) from person p join household h on h.id = p.household_id"
                + " where h.household_no = 'L-7'")).isEqualTo(2);

        // a few rows into a register that now holds 850: the ordinary way, keys checked row by row
        Api.Response small = Imports.run(admin, "small.csv", persons(5, "S", 0), false);
        assertThat(small.<Integer>json("$.added")).isEqualTo(5);
        assertThat(output.toString().split("a large load", -1)).hasSize(2);

        // a large load while another session reads persons: it does not wait for it, but writes the ordinary way
        emptyRegister();
        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            reader.createStatement().execute("lock table person in access share mode");
            Api.Response busy = Imports.run(admin, "busy.csv", persons(900, "B", 0), false);
            assertThat(busy.<Integer>json("$.added")).as(busy.body()).isEqualTo(900);
            reader.rollback();
        }
        assertThat(output).contains("The register is in use");
        assertThat(output.toString().split("a large load", -1)).hasSize(2);
        assertThat(keysAndIndexes()).isEqualTo(schema);

        // a large load cancelled while it writes: nothing of it stays, and the keys and indexes are as before
        emptyRegister();
        int id = admin.upload("/api/v1/imports/persons", "cancel.csv", persons(30_000, "C", 0), Map.of()).json("$.id");
        for (int i = 0; i < 2_000 && !"WRITING".equals(admin.get("/api/v1/imports/" + id).json("$.phase")); i++) {
            Imports.sleep(5);
        }
        assertThat(admin.post("/api/v1/imports/" + id + "/cancel", "").status()).isEqualTo(202);
        Api.Response cancelled = Imports.await(admin, id);
        assertThat(cancelled.<String>json("$.status")).isEqualTo("CANCELLED");
        assertThat(output).as("stopped between its statements, not after the last")
                .doesNotContain("Import " + id + ": new persons written");
        assertThat(count("select count(*) from person")).isZero();
        assertThat(count("select count(*) from household where household_no like 'C-%'")).isZero();
        assertThat(keysAndIndexes()).isEqualTo(schema);
    }

    @Test
    void anImportIntoARegisterWithPersonsLetsReadersReadWhileItWrites(CapturedOutput output) throws Exception {
        Api admin = admin();
        Imports.run(admin, "first.csv", persons(5, "F", 0), false);
        int id = admin.upload("/api/v1/imports/persons", "reading.csv", persons(30_000, "R", 0), Map.of()).json("$.id");
        int readsWhileWriting = 0;
        for (int i = 0; i < 20_000 && "RUNNING".equals(admin.get("/api/v1/imports/" + id).json("$.status")); i++) {
            if (!"WRITING".equals(admin.get("/api/v1/imports/" + id).json("$.phase"))) {
                Imports.sleep(5);
                continue;
            }
            try (Connection reader = dataSource.getConnection()) {
                reader.setAutoCommit(false);
                // fails at once if the import holds a lock that keeps readers of the register waiting
                reader.createStatement().execute("lock table person, household in access share mode nowait");
                reader.createStatement().execute("select count(*) from person p join household h on h.id = p.household_id"
                        + " where p.village_code = '" + VILLAGE + "'");
                reader.rollback();
            }
            assertThat(admin.get("/api/v1/persons?area=" + VILLAGE + "&name=" + Api.enc("大批F")).<Integer>json("$.total"))
                    .isEqualTo(5);
            if ("WRITING".equals(admin.get("/api/v1/imports/" + id).json("$.phase"))) {
                readsWhileWriting++;
            }
        }
        Api.Response job = Imports.await(admin, id);
        assertThat(job.<Integer>json("$.added")).as(job.body()).isEqualTo(30_000);
        assertThat(readsWhileWriting).as("reads while the import wrote").isPositive();
        assertThat(output).contains("Import " + id + ": new persons written");
        assertThat(output.toString().lines().filter(l -> l.contains("Import " + id + ": new persons written")))
                .noneMatch(l -> l.contains("a large load"));
    }

    /** The admin, with the county and town the persons live in. */
    private Api admin() {
        Api admin = Api.as(port, "admin", "admin123");
        if (count("select count(*) from area where code = '430105'") == 0) {
            assertThat(admin.post("/api/v1/areas", TestData.area("430105", "测试区", "COUNTY", null, null)).status())
                    .isEqualTo(201);
            TestData.town(admin, "153");
        }
        return admin;
    }

    /** A register without persons (and households), as before a town's first load. */
    private void emptyRegister() {
        for (String table : List.of("person_status_period", "person_change", "person", "household")) {
            jdbc.sql("delete from " + table).update();
        }
    }

    /** Persons each heading a household of their own, but the first {@code joining} join the households "L-i". */
    private byte[] persons(int count, String household, int joining) {
        StringBuilder csv = new StringBuilder("id_number,name,sex,birth_date,ethnicity,marital_status,household_no,"
                + "relation,hukou_code,village_code,grid_code,status,phone,address\n");
        for (int i = 0; i < count; i++) {
            LocalDate birth = LocalDate.of(1950, 1, 1).plusDays((i * 17L + household.charAt(0)) % 24_999);
            String sex = i % 2 == 0 ? "1" : "2";
            csv.append(String.join(",", TestData.idNumber(birth, sex), "大批" + household + i, sex, birth.toString(), "01",
                    "20", (i < joining ? "L" : household) + "-" + i, i < joining ? "20" : "02", "430105", VILLAGE, "",
                    "REGISTERED", "", "")).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<String> keysAndIndexes() {
        List<String> all = new ArrayList<>(jdbc.sql("select conrelid::regclass || ' ' || conname || ' '"
                + " || pg_get_constraintdef(oid) from pg_constraint where contype in ('f', 'p', 'u') order by 1").query(String.class).list());
        all.addAll(jdbc.sql("select indexdef from pg_indexes where schemaname = current_schema() order by 1")
                .query(String.class).list());
        return all;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
