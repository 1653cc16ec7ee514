package org.renkou.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Indicators on a small hand-built town whose every figure is counted by hand: people are counted on the
 * period's last day from their status history, events within the period, WRA by age on that day.
 */
@RenkouTest
class IndicatorApiTest {
    private static final String TOWN = "430105216";
    private static final String VILLAGE = TOWN + "001";
    private static final String GRID = VILLAGE + "001";
    private static final String OTHER_VILLAGE = TOWN + "002";
    /** The last day of FP2012 (2011-10-01 .. 2012-09-30). */
    private static final LocalDate END = LocalDate.of(2012, 9, 30);

    @LocalServerPort
    int port;
    Api admin;
    static boolean built;

    @BeforeEach
    void town() {
        admin = Api.as(port, "admin", "admin123");
        if (built) {
            return;
        }
        TestData.town(admin, "216");
        int mother = person("户籍已婚", "2", END.minusYears(30), VILLAGE, GRID, "REGISTERED", "");
        person("流入次日", "1", END.minusYears(30), VILLAGE, null, "INFLOW", ",\"arrivedOn\":\"" + END.plusDays(1) + "\"");
        person("流入当日", "2", END.minusYears(25), OTHER_VILLAGE, null, "INFLOW", ",\"arrivedOn\":\"" + END + "\"");
        person("流出当日", "1", END.minusYears(35), VILLAGE, GRID, "OUTFLOW", ",\"leftOn\":\"" + END + "\"");
        person("流出次日", "2", END.minusYears(36), VILLAGE, GRID, "OUTFLOW", ",\"leftOn\":\"" + END.plusDays(1) + "\"");
        person("满十五岁", "2", END.minusYears(15), VILLAGE, GRID, "REGISTERED", "");
        person("满五十岁", "2", END.minusYears(50), VILLAGE, GRID, "REGISTERED", "");
        person("五十差一天", "2", END.minusYears(50).plusDays(1), VILLAGE, GRID, "REGISTERED", "");
        for (String born : List.of("2011-09-30", "2011-10-01", "2012-09-30", "2012-10-01")) {
            Api.Response b = admin.post("/api/v1/health/women/" + mother + "/births", "{\"sex\":\"" + (born.endsWith("01") ? "1" : "2")
                    + "\",\"birthDate\":\"" + born + "\"}");
            assertThat(b.status()).as(b.body()).isEqualTo(201);
        }
        built = true;
    }

    private int person(String name, String sex, LocalDate birth, String village, String grid, String status, String extra) {
        String json = TestData.person(TestData.idNumber(birth, sex), name, sex, birth, village, grid, extra)
                .replace("\"status\":\"REGISTERED\"", "\"status\":\"" + status + "\"")
                .replace("\"hukouCode\":\"430105\"", "\"hukouCode\":\"" + (status.equals("INFLOW") ? "430121" : "430105") + "\"");
        Api.Response r = admin.post("/api/v1/persons", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json("$.id");
    }

    private BigDecimal value(String area, String period, String code) {
        Api.Response r = admin.get("/api/v1/indicators?area=" + area + "&period=" + period + "&codes=" + code);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new BigDecimal(String.valueOf(r.<Object>json("$[0].value")));
    }

    @Test
    void peopleAreCountedOnTheLastDayFromTheirStatusHistory() {
        // registered on END: the married woman, the two age-edge women, the one of 50, and 流出次日 (leaves the next day)
        assertThat(value(TOWN, "FP2012", "POP_RESIDENT")).isEqualByComparingTo("6");
        assertThat(value(TOWN, "FP2012", "POP_INFLOW")).as("arrived on the day counts, the next day not").isEqualByComparingTo("1");
        assertThat(value(TOWN, "FP2012", "POP_OUTFLOW")).as("left on the day").isEqualByComparingTo("1");
        assertThat(value(TOWN, "FP2012", "POP_REGISTERED")).isEqualByComparingTo("6");
        assertThat(value(TOWN, "2012-10", "POP_INFLOW")).as("a month later both arrived").isEqualByComparingTo("2");
        assertThat(value(TOWN, "2012-10", "POP_OUTFLOW")).isEqualByComparingTo("2");
        Api.Response onADay = admin.get("/api/v1/indicators?area=" + TOWN + "&period=FP2012&date=" + END.minusDays(1) + "&codes=POP_INFLOW");
        assertThat(onADay.<Integer>json("$[0].value")).as("&date= moves the day people are counted on").isZero();
    }

    @Test
    void womenOfReproductiveAgeAreFifteenToFortyNineOnTheDay() {
        // 户籍已婚 30, 满十五岁 15, 五十差一天 49, 流入当日 25, 流出次日 36 (still here on the day); not 满五十岁
        assertThat(value(TOWN, "FP2012", "WRA")).isEqualByComparingTo("5");
        assertThat(value(TOWN, "FP2012", "WRA_MARRIED")).as("the test persons are all married").isEqualByComparingTo("5");
        assertThat(value(TOWN, "FP2012", "POP_INFLOW_WRA")).isEqualByComparingTo("1");
        assertThat(value(VILLAGE, "FP2012", "WRA")).as("a village").isEqualByComparingTo("4");
        assertThat(value(GRID, "FP2012", "WRA")).as("a grid").isEqualByComparingTo("4");
    }

    @Test
    void birthsAreCountedWithinThePeriod() {
        assertThat(value(TOWN, "FP2012", "BIRTHS")).isEqualByComparingTo("2");
        assertThat(value(TOWN, "FP2012", "BIRTHS_MALE")).isEqualByComparingTo("1");
        assertThat(value(TOWN, "FP2012", "SEX_RATIO_AT_BIRTH")).isEqualByComparingTo("100.0");
        assertThat(value(TOWN, "2011", "BIRTHS")).isEqualByComparingTo("2");
        assertThat(value(TOWN, "2011Q4", "BIRTHS")).isEqualByComparingTo("1");
        assertThat(value(TOWN, "2011-10-01..2012-10-01", "BIRTHS")).isEqualByComparingTo("3");
        assertThat(value(OTHER_VILLAGE, "FP2012", "BIRTHS")).isEqualByComparingTo("0");
    }

    @Test
    void aCountyIsTheSumOfItsTowns() {
        List<String> towns = admin.get("/api/v1/areas?parent=430105").json("$[*].code");
        BigDecimal sum = BigDecimal.ZERO;
        for (String t : towns) {
            sum = sum.add(value(t, "FP2012", "POP_RESIDENT"));
        }
        assertThat(value("430105", "FP2012", "POP_RESIDENT")).isEqualByComparingTo(sum);
    }

    @Test
    void drillDownListsThePersonsBehindANumerator() {
        Api.Response persons = admin.get("/api/v1/indicators/POP_INFLOW/persons?area=" + TOWN + "&period=FP2012");
        assertThat(persons.<List<String>>json("$.items[*].name")).containsExactly("流入当日");
        assertThat(persons.<Integer>json("$.total")).isEqualTo(1);
        assertThat(persons.<String>json("$.items[0].maskedIdNumber")).contains("********");
        assertThat(Api.as(port, "supervisor", "super123").get("/api/v1/indicators/POP_INFLOW/persons?area=" + TOWN
                + "&period=FP2012").status()).as("the supervisor reads aggregates only").isEqualTo(403);
    }

    @Test
    void badQueriesNameTheField() {
        Api.Response r = admin.inLanguage("en").get("/api/v1/indicators?area=999999&period=2012Q5&codes=NOPE");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.<List<String>>json("$.errors[*].field")).containsExactlyInAnyOrder("period", "codes", "area");
        assertThat(r.<List<String>>json("$.errors[*].message")).anySatisfy(m -> assertThat(m).contains("2012Q5"));
        assertThat(Api.as(port, "cadre", "cadre123").get("/api/v1/indicators?area=" + TOWN + "&period=2012").status())
                .as("a cadre sees only her own area").isEqualTo(403);
        Api.Response own = Api.as(port, "cadre", "cadre123").get("/api/v1/indicators?area=430105100201&period=2012&codes=POP_RESIDENT");
        assertThat(own.status()).isEqualTo(200);
        List<Map<String, Object>> catalogue = admin.get("/api/v1/indicators/catalogue").json("$");
        assertThat(catalogue).extracting(c -> c.get("code")).contains("POP_RESIDENT", "POP_REGISTERED", "POP_INFLOW",
                "POP_INFLOW_MALE", "POP_INFLOW_FEMALE", "POP_INFLOW_WRA", "POP_OUTFLOW", "WRA", "WRA_MARRIED", "BIRTHS",
                "BIRTHS_MALE", "BIRTHS_FEMALE", "SEX_RATIO_AT_BIRTH", "POLICY_BIRTH_RATE", "CHECK_RATE", "CONTRACEPTION_RATE",
                "EXCHANGE_FEEDBACK_TIMELINESS");
    }

    @Test
    void everyIndicatorIsDefinedInBothLanguages() {
        List<Map<String, Object>> catalogue = admin.get("/api/v1/indicators/catalogue").json("$");
        assertThat(catalogue).isNotEmpty().allSatisfy(c -> {
            assertThat((String) c.get("definition")).as("%s in Chinese", c.get("code")).isNotBlank();
            assertThat((String) c.get("definitionEn")).as("%s in English", c.get("code")).isNotBlank()
                    .doesNotContainPattern("\\p{IsHan}");
        });
    }
}
