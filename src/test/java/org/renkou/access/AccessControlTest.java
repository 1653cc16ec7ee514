package org.renkou.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each role is held to its scope on every API call, however the URL or id is guessed. */
@RenkouTest
class AccessControlTest {
    private static final String CADRE_VILLAGE = "430105100201";
    private static final String OTHER_VILLAGE = "430105100202";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private Api as(String user, String password) {
        return Api.as(port, user, password);
    }

    private int firstPersonId(String query) {
        return as("admin", "admin123").get("/api/v1/persons?size=1&" + query).json("$.items[0].id");
    }

    @Test
    void anonymousCallsAreRefused() {
        assertThat(Api.anonymous(port).get("/api/v1/persons").status()).isEqualTo(401);
        assertThat(as("admin", "wrong-password").get("/api/v1/areas").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void aVillageCadreSeesAndChangesOnlyTheirVillage() {
        Api cadre = as("cadre", "cadre123");
        Api.Response list = cadre.get("/api/v1/persons?size=200");
        assertThat(list.<Integer>json("$.total")).isPositive();
        assertThat(list.<List<String>>json("$.items[*].villageCode")).containsOnly(CADRE_VILLAGE);
        assertThat(cadre.get("/api/v1/persons?area=" + OTHER_VILLAGE).<Integer>json("$.total")).isZero();
        int outside = firstPersonId("area=" + OTHER_VILLAGE);
        assertThat(cadre.get("/api/v1/persons/" + outside).status()).isEqualTo(404);
        assertThat(cadre.get("/api/v1/persons/" + outside + "/history").status()).isEqualTo(404);
        assertThat(cadre.put("/api/v1/persons/" + outside, "{\"name\":\"x\",\"version\":0}").status()).isEqualTo(404);
        LocalDate birth = LocalDate.of(1980, 1, 1);
        assertThat(cadre.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "1"), "越权", "1", birth,
                OTHER_VILLAGE, null, "")).status()).isEqualTo(403);
        int inside = firstPersonId("area=" + CADRE_VILLAGE);
        assertThat(cadre.get("/api/v1/persons/" + inside).status()).isEqualTo(200);
        Api.Response mine = cadre.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "1"), "本村新人", "1",
                birth, CADRE_VILLAGE, null, ""));
        assertThat(mine.status()).isEqualTo(201);
        // leave the demo town's figures as they were
        assertThat(cadre.post("/api/v1/persons/" + mine.<Integer>json("$.id") + "/entered-by-mistake?version=0", "")
                .status()).isEqualTo(204);
    }

    @Test
    void aGridWorkerSeesOnlyTheirGrid() {
        Api grid = as("grid", "grid1234");
        Api.Response list = grid.get("/api/v1/persons?size=200");
        assertThat(list.<Integer>json("$.total")).isPositive();
        assertThat(list.<List<String>>json("$.items[*].gridCode")).containsOnly(CADRE_VILLAGE + "001");
        int otherGrid = firstPersonId("area=" + CADRE_VILLAGE + "002");
        assertThat(grid.get("/api/v1/persons/" + otherGrid).status()).isEqualTo(404);
    }

    @Test
    void thePoliceLiaisonReadsFloatingPeopleOnly() {
        Api police = as("police", "police123");
        Api.Response list = police.get("/api/v1/persons?size=200");
        assertThat(list.<Integer>json("$.total")).isEqualTo(7_304 + 1_076);
        assertThat(list.<List<String>>json("$.items[*].status")).allMatch(s -> s.equals("INFLOW") || s.equals("OUTFLOW"));
        int registered = firstPersonId("status=REGISTERED&area=430105100");
        assertThat(police.get("/api/v1/persons/" + registered).status()).isEqualTo(404);
        int inflow = firstPersonId("status=INFLOW&area=430105100");
        Api.Response detail = police.get("/api/v1/persons/" + inflow);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.<String>json("$.idNumber")).doesNotContain("*");
        assertThat(police.put("/api/v1/persons/" + inflow, "{\"version\":0}").status()).isEqualTo(403);
    }

    @Test
    void clinicStaffReadWithMaskedNumbersAndCannotChangeTheRegister() {
        Api clinic = as("clinic", "clinic123");
        int someone = firstPersonId("area=430105100");
        Api.Response detail = clinic.get("/api/v1/persons/" + someone);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.<String>json("$.idNumber")).contains("********");
        LocalDate birth = LocalDate.of(1980, 1, 1);
        assertThat(clinic.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "1"), "x", "1", birth,
                CADRE_VILLAGE, null, "")).status()).isEqualTo(403);
    }

    @Test
    void theDistrictSupervisorReadsNoPersonalRecords() {
        Api supervisor = as("supervisor", "super123");
        assertThat(supervisor.get("/api/v1/persons").status()).isEqualTo(403);
        assertThat(supervisor.get("/api/v1/persons/" + firstPersonId("")).status()).isEqualTo(403);
        assertThat(supervisor.get("/api/v1/areas?parent=430105100").status()).isEqualTo(200);
    }

    @Test
    void everyViewAndWriteIsAuditedAndTheLogIsAppendOnly() {
        int someone = firstPersonId("area=" + CADRE_VILLAGE);
        as("cadre", "cadre123").get("/api/v1/persons/" + someone);
        long views = jdbc.sql("select count(*) from audit_log where username = 'cadre' and action = 'VIEW' and entity = 'person' and entity_id = ?")
                .param(String.valueOf(someone)).query(Long.class).single();
        assertThat(views).isPositive();
        assertThat(jdbc.sql("select client_addr from audit_log where username = 'cadre' and entity_id = ? limit 1")
                .param(String.valueOf(someone)).query(String.class).single()).isNotBlank();
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update audit_log set username = 'x'").update()).hasMessageContaining("append-only");
    }

    @Test
    void aFailedLoginLeavesOtherUsersRememberedChecksAlone() {
        jdbc.sql("delete from app_user where username = 'cachedclient'").update();
        userService.create("cachedclient", "Cached Client", Role.TOWN_OFFICER, List.of(), "correct-horse");
        assertThat(as("cachedclient", "correct-horse").get("/api/v1/areas").status()).isEqualTo(200);
        // behind the cache's back the stored hash no longer matches: only a remembered check still answers 200
        jdbc.sql("update app_user set password_hash = '{noop}something-else' where username = 'cachedclient'").update();
        assertThat(as("officer", "wrong-password").get("/api/v1/areas").status()).isEqualTo(401);
        assertThat(as("cachedclient", "correct-horse").get("/api/v1/areas").status())
                .as("another user's failed login did not evict this client's check").isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginClearsTheFailuresBeforeIt() {
        jdbc.sql("delete from app_user where username = 'resetme'").update();
        userService.create("resetme", "Reset Me", Role.TOWN_OFFICER, List.of(), "correct-horse");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(as("resetme", "wrong-" + round + i).get("/api/v1/areas").status()).isEqualTo(401);
            }
            assertThat(as("resetme", "correct-horse").get("/api/v1/areas").status()).as("round " + round).isEqualTo(200);
        }
        assertThat(jdbc.sql("select failed_logins from app_user where username = 'resetme'").query(Integer.class).single()).isZero();
    }

    @Autowired
    UserService userService;
}
