package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The web pages enforce roles and areas too, not just the menus. */
@RenkouTest
class WebAccessTest {
    @LocalServerPort
    int port;

    private int first(String query) {
        return Api.as(port, "admin", "admin123").get("/api/v1/persons?size=1&" + query).json("$.items[0].id");
    }

    @Test
    void pagesRefuseWhatTheRoleMayNotSee() {
        int otherVillage = first("area=430105100202");
        int registered = first("status=REGISTERED&area=430105100");
        assertThat(Api.as(port, "cadre", "cadre123").get("/persons/" + otherVillage).status()).isEqualTo(404);
        assertThat(Api.as(port, "cadre", "cadre123").get("/persons/" + otherVillage + "/edit").status()).isEqualTo(404);
        assertThat(Api.as(port, "grid", "grid1234").get("/persons/" + otherVillage).status()).isEqualTo(404);
        assertThat(Api.as(port, "police", "police123").get("/persons/" + registered).status()).isEqualTo(404);
        assertThat(Api.as(port, "clinic", "clinic123").get("/persons/" + registered + "/edit").status()).isEqualTo(403);
        assertThat(Api.as(port, "supervisor", "super123").get("/persons").status()).isEqualTo(403);
        assertThat(Api.as(port, "supervisor", "super123").get("/").status()).isEqualTo(200);
        assertThat(Api.as(port, "officer", "officer123").get("/admin/users").status()).isEqualTo(403);
        assertThat(Api.as(port, "officer", "officer123").get("/admin/audit").status()).isEqualTo(403);
        assertThat(Api.as(port, "admin", "admin123").get("/admin/audit?entity=person").status()).isEqualTo(200);
        assertThat(Api.anonymous(port).get("/persons").status()).isIn(302, 401);
        assertThat(Api.as(port, "officer", "officer123").get("/exchange").status()).isEqualTo(200);
        assertThat(Api.as(port, "cadre", "cadre123").get("/exchange").status()).isEqualTo(403);
        assertThat(Api.as(port, "cadre", "cadre123").get("/api/v1/exchange/outbox").status()).isEqualTo(403);
        assertThat(Api.as(port, "cadre", "cadre123").get("/api/v1/migration/requests").status()).isEqualTo(403);
        assertThat(Api.as(port, "officer", "officer123").get("/api/v1/migration/requests?direction=IN").status())
                .isEqualTo(200);
        assertThat(Api.anonymous(port).get("/exchange/v1/node").body()).contains("publicKey");
    }

    @Test
    void changesWithoutTheFormsCsrfTokenAreRefused() {
        int someone = first("area=430105100201");
        assertThat(Api.as(port, "admin", "admin123").post("/persons/" + someone + "/mistake?version=0", "").status())
                .isEqualTo(403);
        assertThat(Api.as(port, "admin", "admin123").get("/api/v1/persons/" + someone).<Boolean>json("$.enteredByMistake"))
                .isFalse();
    }

    @Test
    void pagesSayTheDemoTownIsSynthetic() {
        assertThat(Api.as(port, "officer", "officer123").get("/").body()).contains("class=\"synthetic\"");
        assertThat(Api.anonymous(port).get("/portal").body()).contains("class=\"synthetic\"");
    }

    @Test
    void theApiIsDocumented() {
        Api.Response docs = Api.anonymous(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/persons", "/api/v1/areas", "\"ageFrom\"", "\"idNumber\"");
        assertThat(Api.anonymous(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
