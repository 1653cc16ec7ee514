package org.renkou.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Weights estimated from the register by EM: shown beside those in use, adopted (versioned, audited), default back. */
@RenkouTest
class LinkageWeightsApiTest {
    private static final String VILLAGE = "430105100201";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Scorer scorer;

    @AfterEach
    void backToTheDefault() {
        Api.as(port, "officer", "officer123").post("/api/v1/linkage/weights/default", "");
    }

    @Test
    void anEstimateFromTheRegisterIsShownBesideTheWeightsInUseAndScoresPairsOnceAdopted() {
        Api officer = Api.as(port, "officer", "officer123");
        Api.Response inUse = officer.get("/api/v1/linkage/weights");
        assertThat(inUse.status()).as(inUse.body()).isEqualTo(200);
        assertThat((Object) inUse.json("$.version")).isNull();

        Api.Response estimate = officer.post("/api/v1/linkage/weights/estimate", "{\"area\":\"" + VILLAGE + "\"}");
        assertThat(estimate.status()).as(estimate.body()).isEqualTo(200);
        long version = ((Number) estimate.json("$.version")).longValue();
        assertThat(((Number) estimate.json("$.pairs")).longValue()).isPositive();
        assertThat((Boolean) estimate.json("$.inUse")).isFalse();
        List<Map<String, Object>> levels = estimate.json("$.levels");
        Map<String, Object> sameName = level(levels, "NAME", "EXACT");
        assertThat(sameName.get("reason")).isEqualTo("姓名相同");
        assertThat(((Number) sameName.get("weight")).doubleValue()).isPositive();
        assertThat(((Number) sameName.get("currentWeight")).doubleValue())
                .isEqualTo(Math.round(Math.log(0.88 / 0.0005) / Math.log(2) * 100) / 100.0);
        // two valid numbers that differ are two people, whatever the register says
        assertThat(((Number) level(levels, "ID_NUMBER", "BOTH_VALID_DIFFERENT").get("weight")).doubleValue()).isNegative();
        Map<String, Object> absent = level(levels, "ID_NUMBER", "ABSENT");
        assertThat(absent.get("m")).isEqualTo(absent.get("u"));
        assertThat(absent.get("weight")).isEqualTo(0.0);
        // not in use until adopted
        assertThat((Object) officer.get("/api/v1/linkage/weights").json("$.version")).isNull();

        Api.Response adopted = officer.post("/api/v1/linkage/weights/" + version + "/adopt", "");
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(200);
        assertThat(((Number) adopted.json("$.version")).longValue()).isEqualTo(version);
        assertThat(scorer.weights().of(Comparison.NAME, "EXACT")).isCloseTo(
                ((Number) sameName.get("weight")).doubleValue(), org.assertj.core.api.Assertions.within(0.01));
        assertThat((Boolean) officer.get("/api/v1/linkage/weights/" + version).json("$.inUse")).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_log where username = 'officer' and entity = 'linkage_weights'"
                + " and entity_id = ? and action in ('CREATE', 'UPDATE')").param(String.valueOf(version))
                .query(Long.class).single()).isEqualTo(2);

        Api.Response back = officer.post("/api/v1/linkage/weights/default", "");
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat((Object) back.json("$.version")).isNull();
        assertThat(scorer.weights().of(Comparison.NAME, "EXACT")).isEqualTo(Weights.standard().of(Comparison.NAME, "EXACT"));
    }

    @Test
    void anUnknownAreaIsAProblemNamingTheFieldAndOnlyTheTownOfficeEstimates() {
        Api.Response unknown = Api.as(port, "officer", "officer123")
                .post("/api/v1/linkage/weights/estimate", "{\"area\":\"999999999\"}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat((List<String>) unknown.json("$.errors[*].field")).containsExactly("area");
        assertThat((List<String>) unknown.json("$.errors[*].rule")).containsExactly("areaUnknown");

        assertThat(Api.as(port, "cadre", "cadre123").post("/api/v1/linkage/weights/estimate", "{}").status())
                .isEqualTo(403);
        assertThat(Api.as(port, "cadre", "cadre123").post("/api/v1/linkage/weights/default", "").status())
                .isEqualTo(403);
        assertThat(Api.as(port, "officer", "officer123").post("/api/v1/linkage/weights/999999/adopt", "").status())
                .isEqualTo(404);
    }

    @Test
    void theLinkagePageLinksToTheWeightsPageWhichShowsThemAndAnEstimate() {
        Api officer = Api.as(port, "officer", "officer123");
        assertThat(officer.get("/linkage").body()).contains("id=\"weights-link\"", "/linkage/weights");
        assertThat(Api.as(port, "cadre", "cadre123").get("/linkage").body()).doesNotContain("id=\"weights-link\"");
        Api.Response page = officer.get("/linkage/weights");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("默认权重", "姓名相同", "id=\"estimate-form\"");
        long version = ((Number) officer.post("/api/v1/linkage/weights/estimate", "{\"area\":\"" + VILLAGE + "\"}")
                .json("$.version")).longValue();
        Api.Response shown = officer.get("/linkage/weights?version=" + version);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.body()).contains("id=\"estimate\"", "id=\"adopt-form\"", "两个不同的有效身份证号");
    }

    private static Map<String, Object> level(List<Map<String, Object>> levels, String comparison, String level) {
        return levels.stream().filter(l -> comparison.equals(l.get("comparison")) && level.equals(l.get("level")))
                .findFirst().orElseThrow();
    }
}
