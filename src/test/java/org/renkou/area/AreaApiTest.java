package org.renkou.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.springframework.boot.test.web.server.LocalServerPort;

@RenkouTest
class AreaApiTest {
    @LocalServerPort
    int port;

    @Test
    void theDemoTownHas27VillageLevelUnits() {
        Api admin = Api.as(port, "admin", "admin123");
        assertThat(admin.get("/api/v1/areas").<List<String>>json("$[*].code")).contains("430105");
        Api.Response town = admin.get("/api/v1/areas/430105100");
        assertThat(town.<String>json("$.name")).isEqualTo("捞刀河镇");
        Api.Response units = admin.get("/api/v1/areas?parent=430105100");
        assertThat(units.<List<Object>>json("$[*]")).hasSize(27);
        assertThat(units.<List<String>>json("$[?(@.kind == 'COMMUNITY')].name")).hasSize(3).contains("捞居社区", "彭居社区");
        assertThat(units.<List<String>>json("$[?(@.kind == 'VILLAGE')].name")).hasSize(24)
                .contains("捞刀河村", "凤羽村", "大明村", "板塘村", "高源村");
        assertThat(admin.get("/api/v1/areas?parent=430105100201").<List<String>>json("$[*].code"))
                .allMatch(c -> c.startsWith("430105100201") && c.length() == 15);
    }

    @Test
    void createsGridsAndRefusesBadCodesWithProblemDetails() {
        Api admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "191");
        Api.Response bad = admin.post("/api/v1/areas", TestData.area("4301051910019", "坏网格", "GRID", "430105191001", null));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.<List<Map<String, String>>>json("$.errors")).extracting(e -> e.get("field") + "/" + e.get("rule"))
                .contains("code/areaCodeLength");
        Api.Response wrongParent = admin.post("/api/v1/areas", TestData.area("430105192001003", "网格", "GRID", "430105191001", null));
        assertThat(wrongParent.<List<String>>json("$.errors[*].rule")).contains("codePrefix");
        Api.Response duplicate = admin.post("/api/v1/areas", TestData.area("430105191001001", "again", "GRID", "430105191001", null));
        assertThat(duplicate.<List<String>>json("$.errors[*].rule")).contains("taken");
        assertThat(admin.get("/api/v1/areas/999999999").status()).isEqualTo(404);
    }

    @Test
    void onlyRegisterWritersInScopeCreateAreas() {
        Api admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "193");
        assertThat(Api.as(port, "supervisor", "super123")
                .post("/api/v1/areas", TestData.area("430105193001009", "x", "GRID", "430105193001", null)).status())
                .isEqualTo(403);
        assertThat(Api.as(port, "cadre", "cadre123")
                .post("/api/v1/areas", TestData.area("430105193001009", "x", "GRID", "430105193001", null)).status())
                .isEqualTo(403);
        assertThat(Api.as(port, "cadre", "cadre123")
                .post("/api/v1/areas", TestData.area("430105100201099", "新网格", "GRID", "430105100201", null)).status())
                .isEqualTo(201);
    }
}
