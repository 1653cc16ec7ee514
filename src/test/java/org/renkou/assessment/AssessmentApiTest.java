package org.renkou.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Target agreements set by the town office and the yearly assessment taken from the indicators. */
@RenkouTest
class AssessmentApiTest {
    private static final String TOWN = "430105100";

    @LocalServerPort
    int port;

    @Test
    void theDemoTownsUnitsAreRankedOnTheIndicatorsOfTheYear() {
        Api officer = Api.as(port, "officer", "officer123");
        Api.Response r = officer.get("/api/v1/assessments?area=" + TOWN + "&year=2012");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Map<String, Object>> units = r.json("$");
        assertThat(units).hasSize(27);
        assertThat(units.get(0).get("rank")).isEqualTo(1);
        List<Double> scores = units.stream().map(u -> ((Number) u.get("score")).doubleValue()).toList();
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        String unit = (String) units.get(units.size() - 1).get("areaCode");
        List<Map<String, Object>> items = r.json("$[26].items");
        assertThat(items).hasSize(6);
        for (Map<String, Object> item : items) {
            String code = (String) item.get("indicator");
            Object actual = officer.get("/api/v1/indicators?area=" + unit + "&period=FP2012&codes=" + code).json("$[0].value");
            assertThat(item.get("actual")).as(code).isEqualTo(actual);
        }
        // the district's agreement with the town, one level up, read by the county office
        Api.Response district = Api.as(port, "county", "county123").get("/api/v1/assessments?area=430105&year=2012");
        assertThat(district.<String>json("$[0].areaCode")).isEqualTo(TOWN);
        assertThat(district.<List<?>>json("$[0].items")).hasSize(6);
    }

    @Test
    void aCountysEveryTownAssessedInOnePassIsEachTownsOwnAssessment() {
        Api county = Api.as(port, "county", "county123");
        Api.Response all = county.get("/api/v1/assessments/towns?area=430105&year=2012");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        Object demoTown = all.json("$['" + TOWN + "']");
        assertThat(demoTown).isEqualTo(county.get("/api/v1/assessments?area=" + TOWN + "&year=2012").json("$"));
        assertThat(all.<List<?>>json("$['" + TOWN + "']")).hasSize(27);
        assertThat(all.<List<Object>>json("$['" + TOWN + "'][*].score")).as("the actual values are counted").anySatisfy(
                s -> assertThat(((Number) s).doubleValue()).isPositive());
    }

    /**
     * The assessment counts each indicator once for all units; unit by unit, each unit's own indicator values
     * (the per-unit path) and its agreement's rules give exactly the same actual values, points and scores.
     */
    @Test
    void theBatchedAssessmentOfEveryUnitEqualsItsOwnIndicatorsUnitByUnit() {
        Api officer = Api.as(port, "officer", "officer123");
        List<Map<String, Object>> units = officer.get("/api/v1/assessments?area=" + TOWN + "&year=2012").json("$");
        List<Map<String, Object>> agreements = officer.get("/api/v1/assessments/agreements?area=" + TOWN + "&year=2012").json("$");
        assertThat(units).hasSize(27);
        int counted = 0;
        for (Map<String, Object> unit : units) {
            String code = (String) unit.get("areaCode");
            List<Map<String, Object>> targets = agreements.stream().filter(a -> code.equals(a.get("areaCode"))).findFirst()
                    .map(a -> (List<Map<String, Object>>) a.get("targets")).orElseThrow();
            List<Map<String, Object>> items = (List<Map<String, Object>>) unit.get("items");
            String codes = String.join(",", items.stream().map(i -> (String) i.get("indicator")).toList());
            List<Map<String, Object>> own = officer.get("/api/v1/indicators?area=" + code + "&period=FP2012&codes=" + codes).json("$");
            BigDecimal score = BigDecimal.ZERO;
            for (int i = 0; i < items.size(); i++) {
                Map<String, Object> item = items.get(i);
                Map<String, Object> t = targets.get(i);
                assertThat(item.get("indicator")).isEqualTo(t.get("indicator"));
                Object actual = own.get(i).get("value");
                assertThat(item.get("actual")).as(code + " " + item.get("indicator")).isEqualTo(actual);
                Target target = new Target((String) t.get("indicator"), Target.Comparison.valueOf((String) t.get("comparison")),
                        decimal(t.get("target")), decimal(t.get("floor")), (Integer) t.get("weight"),
                        Target.Rule.valueOf((String) t.get("rule")));
                BigDecimal points = target.points(decimal(actual));
                assertThat(decimal(item.get("points"))).as(code + " " + item.get("indicator")).isEqualByComparingTo(points);
                assertThat(item.get("met")).isEqualTo(target.met(decimal(actual)));
                score = score.add(points);
                counted += actual == null ? 0 : 1;
            }
            assertThat(decimal(unit.get("score"))).as(code).isEqualByComparingTo(score);
        }
        assertThat(counted).as("values were counted, not only missing").isGreaterThan(27);
    }

    private static BigDecimal decimal(Object o) {
        return o == null ? null : new BigDecimal(o.toString());
    }

    @Test
    void anAgreementSetThroughTheApiGivesPointsProRata() {
        Api officer = Api.as(port, "officer", "officer123");
        String unit = TOWN + "205";
        Api.Response saved = officer.put("/api/v1/assessments/agreements/2011/" + unit, """
                {"signedOn":"2010-12-30","signedBy":"镇计生办","counterSigned":"村专干","targets":[
                 {"indicator":"POP_RESIDENT","comparison":"GE","target":1,"weight":40,"rule":"ALL_OR_NOTHING"},
                 {"indicator":"POP_RESIDENT","comparison":"LE","target":1,"floor":1000000,"weight":60,"rule":"PRO_RATA"}]}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        BigDecimal resident = new BigDecimal(officer.get("/api/v1/indicators?area=" + unit
                + "&period=FP2011&codes=POP_RESIDENT").<Object>json("$[0].value").toString());
        assertThat(resident).isPositive();
        BigDecimal proRata = BigDecimal.valueOf(60).multiply(BigDecimal.valueOf(1_000_000).subtract(resident))
                .divide(BigDecimal.valueOf(999_999), 1, RoundingMode.HALF_UP);
        Api.Response r = officer.get("/api/v1/assessments?area=" + TOWN + "&year=2011");
        List<Map<String, Object>> units = r.json("$");
        Map<String, Object> assessed = units.stream().filter(u -> unit.equals(u.get("areaCode"))).findFirst().orElseThrow();
        assertThat(assessed.get("rank")).isEqualTo(1);
        assertThat(new BigDecimal(assessed.get("score").toString())).isEqualByComparingTo(proRata.add(BigDecimal.valueOf(40)));
        assertThat(units.stream().filter(u -> !unit.equals(u.get("areaCode"))))
                .allSatisfy(u -> assertThat(u.get("rank")).isEqualTo(0));
    }

    @Test
    void aWrongTargetIsRefusedNamingTheField() {
        Api officer = Api.as(port, "officer", "officer123");
        Api.Response r = officer.put("/api/v1/assessments/agreements/2012/" + TOWN + "201", """
                {"targets":[{"indicator":"NO_SUCH","comparison":"GE","target":1,"weight":0,"rule":"PRO_RATA"}]}""");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.<List<String>>json("$.errors[*].field"))
                .containsExactlyInAnyOrder("targets[0].indicator", "targets[0].weight", "targets[0].floor");
        assertThat(r.<List<String>>json("$.errors[*].message")).anySatisfy(m -> assertThat(m).contains("分值"));
        Api.Response noTargets = officer.put("/api/v1/assessments/agreements/2012/" + TOWN + "201", "{\"targets\":[]}");
        assertThat(noTargets.<String>json("$.errors[0].field")).isEqualTo("targets");
    }

    @Test
    void onlyTheTownOfficeSetsAgreementsAndLastYearIsTheTemplate() {
        Api cadre = Api.as(port, "cadre", "cadre123");
        assertThat(cadre.put("/api/v1/assessments/agreements/2013/" + TOWN + "201", """
                {"targets":[{"indicator":"BIRTHS","comparison":"LE","target":5,"weight":10,"rule":"ALL_OR_NOTHING"}]}""")
                .status()).isEqualTo(403);
        Api officer = Api.as(port, "officer", "officer123");
        Api.Response copied = officer.post("/api/v1/assessments/agreements/copy",
                "{\"area\":\"" + TOWN + "\",\"fromYear\":2012,\"toYear\":2013}");
        assertThat(copied.<Integer>json("$.copied")).isEqualTo(27);
        Api.Response again = officer.post("/api/v1/assessments/agreements/copy",
                "{\"area\":\"" + TOWN + "\",\"fromYear\":2012,\"toYear\":2013}");
        assertThat(again.<Integer>json("$.copied")).isZero();
        Api.Response next = officer.get("/api/v1/assessments/agreements?area=" + TOWN + "&year=2013");
        assertThat(next.<List<?>>json("$")).hasSize(27);
        assertThat(next.<Object>json("$[0].signedOn")).isNull();
        assertThat(next.<List<?>>json("$[0].targets")).hasSize(6);
    }

    @Test
    void theTableExportsToSpreadsheetAndPdf() {
        Api officer = Api.as(port, "officer", "officer123");
        byte[] xlsx = officer.download("/assessment.xlsx?area=" + TOWN + "&year=2012");
        assertThat(new String(xlsx, 0, 2)).isEqualTo("PK");
        byte[] pdf = officer.download("/assessment.pdf?area=" + TOWN + "&year=2012");
        assertThat(new String(pdf, 0, 4)).isEqualTo("%PDF");
    }
}
