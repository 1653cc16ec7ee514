package org.renkou.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads, searches, exports, refusals and logins each leave one entry of a fixed action, with query and rows. */
@RenkouTest
class AuditTest {
    private static final String VILLAGE = "430105100201";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private long last() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();
    }

    private List<Map<String, Object>> since(long id, String username) {
        return jdbc.sql("select action, entity, entity_id, query, row_count, detail from audit_log where id > ? and username = ?"
                + " order by id").params(id, username).query().listOfRows();
    }

    @Test
    void aSearchLeavesOneEntryWithItsQueryAndRowCount() {
        Api cadre = Api.as(port, "cadre", "cadre123");
        long before = last();
        Api.Response list = cadre.get("/api/v1/persons?size=7&status=REGISTERED&area=" + VILLAGE);
        assertThat(list.status()).isEqualTo(200);
        List<Map<String, Object>> entries = since(before, "cadre");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0)).containsEntry("action", "SEARCH").containsEntry("entity", "person")
                .containsEntry("row_count", 7L);
        assertThat((String) entries.get(0).get("query")).contains("status=REGISTERED").contains("area=" + VILLAGE);
    }

    @Test
    void aPersonViewLeavesOneEntryOnTheApiAndOnThePage() {
        Api cadre = Api.as(port, "cadre", "cadre123");
        int someone = cadre.get("/api/v1/persons?size=1&area=" + VILLAGE).json("$.items[0].id");
        long before = last();
        assertThat(cadre.get("/api/v1/persons/" + someone).status()).isEqualTo(200);
        assertThat(since(before, "cadre")).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "VIEW").containsEntry("entity", "person")
                .containsEntry("entity_id", String.valueOf(someone)));

        before = last();
        // the page shows the record and its history: still one entry
        assertThat(cadre.get("/persons/" + someone).status()).isEqualTo(200);
        assertThat(since(before, "cadre")).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "VIEW").containsEntry("entity_id", String.valueOf(someone)));
    }

    @Test
    void anExportLeavesOneEntryWithTheNumberOfRowsInTheFile() {
        Api cadre = Api.as(port, "cadre", "cadre123");
        long before = last();
        byte[] file = cadre.download("/api/v1/exports/persons?status=INFLOW&area=" + VILLAGE);
        long lines = new String(file, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count() - 1;
        assertThat(lines).isPositive();
        assertThat(since(before, "cadre")).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "EXPORT").containsEntry("entity", "person").containsEntry("row_count", lines));
    }

    @Test
    void aDrillDownIsOneEntryWithItsRows() {
        Api officer = Api.as(port, "officer", "officer123");
        long before = last();
        Api.Response persons = officer.get("/api/v1/indicators/POP_INFLOW/persons?area=" + VILLAGE + "&period=FP2024");
        assertThat(persons.status()).isEqualTo(200);
        int rows = persons.<List<Object>>json("$.items").size();
        assertThat(since(before, "officer")).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "DRILL_DOWN").containsEntry("entity", "indicator")
                .containsEntry("entity_id", "POP_INFLOW").containsEntry("row_count", (long) rows));
    }

    @Test
    void aRefusalAndAFailedLoginAreRecorded() {
        long before = last();
        assertThat(Api.as(port, "supervisor", "super123").get("/api/v1/persons").status()).isEqualTo(403);
        assertThat(since(before, "supervisor")).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "ACCESS_DENIED"));
        before = last();
        assertThat(Api.as(port, "officer", "officer123").get("/admin/audit").status()).isEqualTo(403);
        assertThat(since(before, "officer")).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "ACCESS_DENIED"));
        before = last();
        assertThat(Api.as(port, "police", "not-the-password").get("/api/v1/areas").status()).isEqualTo(401);
        assertThat(since(before, "police")).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "LOGIN_FAILED"));
        // leave the police liaison's account without failures for the other tests
        assertThat(Api.as(port, "police", "police123").get("/api/v1/areas").status()).isEqualTo(200);
    }

    @Test
    void theAdministratorFiltersTheLogByUserPersonActionAndDate() {
        Api cadre = Api.as(port, "cadre", "cadre123");
        int someone = cadre.get("/api/v1/persons?size=1&area=" + VILLAGE).json("$.items[0].id");
        cadre.get("/api/v1/persons/" + someone);
        Api admin = Api.as(port, "admin", "admin123");
        String today = java.time.LocalDate.now(org.renkou.common.Dates.ZONE).toString();
        Api.Response log = admin.get("/api/v1/audit?username=cadre&personId=" + someone + "&action=VIEW&from=" + today
                + "&to=" + today + "&size=5");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.<Integer>json("$.total")).isPositive();
        assertThat(log.<List<String>>json("$.items[*].action")).containsOnly("VIEW");
        assertThat(log.<List<String>>json("$.items[*].username")).containsOnly("cadre");
        assertThat(log.<List<String>>json("$.items[*].target")).containsOnly("person/" + someone);
        assertThat(log.<Integer>json("$.size")).isEqualTo(5);
        assertThat(log.<Integer>json("$.page")).isZero();

        Api.Response bad = admin.get("/api/v1/audit?action=PEEK");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.<List<String>>json("$.errors[*].field")).containsExactly("action");
        assertThat(cadre.get("/api/v1/audit").status()).isEqualTo(403);

        String page = admin.get("/admin/audit?username=cadre&action=VIEW&personId=" + someone).body();
        assertThat(page).contains("id=\"f-action\"").contains("href=\"/persons/" + someone + "\"")
                .doesNotContain("<td>SEARCH</td>");
    }
}
