package org.renkou.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.renkou.portal.PortalService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Each role reads what its work needs and no more, and nothing runs as an all-powerful user by accident. */
@RenkouTest
class ScopeLeaksTest {
    private static final String CADRE_VILLAGE = "430105100201";
    private static final String OTHER_VILLAGE = "430105100202";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccessService access;
    @Autowired
    PortalService portal;

    private Api as(String user, String password) {
        return Api.as(port, user, password);
    }

    @Test
    void withoutAuthenticationEverythingIsRefusedAndSystemWorkIsNamedInTheAudit() {
        assertThatThrownBy(() -> access.current()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> access.require(Permission.READ_PERSONS)).isInstanceOf(AccessDeniedException.class);
        assertThat(access.runAs(SystemPrincipal.EXCHANGE, () -> access.current().username())).isEqualTo("system:exchange");
        assertThat(access.runAs(SystemPrincipal.EXCHANGE, () -> access.has(Permission.READ_PERSONS))).isFalse();
        assertThatThrownBy(() -> access.current()).as("the context is restored").isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from audit_log where username = 'system:demo' and entity = 'user'")
                .query(Long.class).single()).as("the demo accounts were created by the demo principal").isPositive();
        assertThat(jdbc.sql("select count(*) from audit_log where username = 'system'").query(Long.class).single()).isZero();
    }

    @Test
    void aPublicRequestIsHandledByTheTownOfficeAndItsAssigneeOnly() {
        portal.submit("CONSULTATION", null, "咨询生育登记", "请问需要哪些材料", "张三", "13912349999", "127.0.0.1");
        long id = jdbc.sql("select max(id) from portal_request").query(Long.class).single();
        Api cadre = as("cadre", "cadre123");
        Api grid = as("grid", "grid1234");
        assertThat(cadre.get("/api/v1/portal/requests").<List<Integer>>json("$.items[*].id")).doesNotContain((int) id);
        assertThat(cadre.post("/api/v1/portal/requests/" + id + "/followups", "{\"note\":\"偷看\"}").status()).isEqualTo(404);
        assertThat(cadre.post("/api/v1/portal/requests/" + id + "/answer", "{\"answer\":\"x\"}").status()).isEqualTo(404);
        assertThat(cadre.post("/api/v1/portal/requests/" + id + "/close", "").status()).isEqualTo(404);
        assertThat(cadre.get("/requests").body()).as("nor on the staff page").doesNotContain("请问需要哪些材料");
        assertThat(as("police", "police123").get("/api/v1/portal/requests").status()).isEqualTo(403);
        assertThat(as("clinic", "clinic123").get("/api/v1/portal/requests").status()).isEqualTo(403);

        Api officer = as("officer", "officer123");
        assertThat(officer.post("/api/v1/portal/requests/" + id + "/assign", "{\"username\":\"cadre\"}").status()).isEqualTo(200);
        assertThat(cadre.get("/api/v1/portal/requests").<List<Integer>>json("$.items[*].id")).as("assigned: visible to the cadre")
                .contains((int) id);
        assertThat(grid.get("/api/v1/portal/requests").<List<Integer>>json("$.items[*].id")).doesNotContain((int) id);
        assertThat(cadre.post("/api/v1/portal/requests/" + id + "/answer", "{\"answer\":\"携带户口簿到村委会\"}").status())
                .isEqualTo(200);
        assertThat(grid.post("/api/v1/portal/requests/" + id + "/close", "").status()).isEqualTo(404);
        assertThat(grid.post("/api/v1/portal/requests/" + id + "/followups", "{\"note\":\"偷看\"}").status()).isEqualTo(404);
        assertThat(cadre.post("/api/v1/portal/requests/" + id + "/followups", "{\"note\":\"电话回访\"}").status()).isEqualTo(201);
        assertThat(cadre.post("/api/v1/portal/requests/" + id + "/close", "").<String>json("$.state")).isEqualTo("CLOSED");
    }

    @Test
    void thePoliceAndTheClinicReadNoSupportSuppliesOrOutreachData() {
        int programme = as("admin", "admin123").get("/api/v1/support/programmes").json("$[0].id");
        List<String> supportData = List.of("/api/v1/support/families", "/api/v1/support/visits?period=2012",
                "/api/v1/support/totals?period=2012", "/api/v1/support/programmes/" + programme + "/eligible",
                "/api/v1/support/programmes/" + programme + "/applications", "/api/v1/supplies/stock", "/api/v1/outreach/activities?period=2012", "/api/v1/outreach/trainings?period=2012");
        for (String path : supportData) {
            assertThat(as("cadre", "cadre123").get(path).status()).as("cadre " + path).isEqualTo(200);
            assertThat(as("police", "police123").get(path).status()).as("police " + path).isEqualTo(403);
            assertThat(as("clinic", "clinic123").get(path).status()).as("clinic " + path).isEqualTo(403);
        }
        assertThat(as("police", "police123").get("/api/v1/migration/overview").status()).isNotEqualTo(403);
    }

    @Test
    void aTownOfficerSeesTheirOwnTownAndACountyOfficerTheCounty() {
        Api admin = as("admin", "admin123");
        String town = TestData.town(admin, "231");
        LocalDate birth = LocalDate.of(1985, 5, 5);
        String idNumber = TestData.idNumber(birth, "2");
        Api.Response created = admin.post("/api/v1/persons", TestData.person(idNumber, "邻镇居民", "2", birth, town + "001",
                null, ""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        int id = created.json("$.id");

        Api officer = as("officer", "officer123");
        assertThat(officer.get("/api/v1/persons/" + id).status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/persons?area=" + town).<Integer>json("$.total")).isZero();
        assertThat(officer.get("/api/v1/persons?idNumber=" + idNumber).<Integer>json("$.total")).isZero();
        assertThat(officer.get("/api/v1/persons?size=200").<List<String>>json("$.items[*].villageCode"))
                .allMatch(v -> v.startsWith("430105100"));
        assertThat(officer.get("/api/v1/persons?area=430105100").<Integer>json("$.total")).isPositive();

        Api county = as("county", "county123");
        assertThat(county.get("/api/v1/persons/" + id).status()).isEqualTo(200);
        assertThat(county.get("/api/v1/persons?idNumber=" + idNumber).<Integer>json("$.total")).isEqualTo(1);
        assertThat(county.get("/api/v1/persons?area=430105100").<Integer>json("$.total")).isPositive();
        assertThat(county.get("/admin/users").status()).isEqualTo(403);
    }

    @Test
    void aCadreCannotMoveTheirPersonIntoAnotherVillagesHousehold() {
        Api admin = as("admin", "admin123");
        LocalDate birth = LocalDate.of(1990, 3, 3);
        Api.Response elsewhere = admin.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "1"), "邻村户主", "1",
                birth, OTHER_VILLAGE, null, ""));
        String otherHousehold = elsewhere.json("$.householdNo");
        Api cadre = as("cadre", "cadre123");
        Api.Response mine = cadre.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "2"), "本村人", "2", birth,
                CADRE_VILLAGE, null, ""));
        assertThat(mine.status()).as(mine.body()).isEqualTo(201);
        int id = mine.json("$.id");
        String moved = TestData.person(mine.json("$.idNumber"), "本村人", "2", birth, CADRE_VILLAGE, null,
                ",\"version\":0").replaceAll("\"householdNo\":\"[^\"]*\"", "\"householdNo\":\"" + otherHousehold + "\"");
        Api.Response refused = cadre.put("/api/v1/persons/" + id, moved);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.<List<String>>json("$.errors[*].field")).containsExactly("householdNo");
        assertThat(refused.body()).doesNotContain(OTHER_VILLAGE);
        assertThat(admin.get("/api/v1/persons/" + id).<String>json("$.householdNo")).isNotEqualTo(otherHousehold);
        // a new person cannot be put there either
        Api.Response added = cadre.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "1"), "新人", "1", birth,
                CADRE_VILLAGE, null, "").replaceAll("\"householdNo\":\"[^\"]*\"", "\"householdNo\":\"" + otherHousehold + "\""));
        assertThat(added.status()).as(added.body()).isEqualTo(400);
        cadre.post("/api/v1/persons/" + id + "/entered-by-mistake?version=0", "");
        admin.post("/api/v1/persons/" + elsewhere.json("$.id") + "/entered-by-mistake?version=0", "");
    }

    @Test
    void aNumberRegisteredOutsideTheCadresAreaIsAnsweredWithoutSayingSo() {
        Api admin = as("admin", "admin123");
        LocalDate birth = LocalDate.of(1977, 7, 7);
        String outsider = TestData.idNumber(birth, "2");
        Api.Response elsewhere = admin.post("/api/v1/persons", TestData.person(outsider, "区外人", "2", birth, OTHER_VILLAGE,
                null, ""));
        assertThat(elsewhere.status()).isEqualTo(201);
        Api cadre = as("cadre", "cadre123");
        Api.Response again = cadre.post("/api/v1/persons", TestData.person(outsider, "区外人", "2", birth, CADRE_VILLAGE,
                null, ""));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.<List<String>>json("$.errors[*].rule")).containsExactly("idNumber.unavailable");
        assertThat(again.body()).doesNotContain("负责区域以外").doesNotContain("另一人");
        // the administrator, who may see that person, is told plainly
        assertThat(admin.post("/api/v1/persons", TestData.person(outsider, "区外人", "2", birth, CADRE_VILLAGE, null, ""))
                .<List<String>>json("$.errors[*].rule")).containsExactly("idNumber.taken");
        admin.post("/api/v1/persons/" + elsewhere.json("$.id") + "/entered-by-mistake?version=0", "");
    }
}
