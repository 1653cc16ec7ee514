package org.renkou.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GET /api/v1/indicators gives the seed report's figures for the demo town and the statistical year to 2012-03-15. */
@RenkouTest
class DemoIndicatorsTest {
    @LocalServerPort
    int port;

    static Map<String, Map<String, Object>> figures;

    @BeforeAll
    static void reset() {
        figures = null;
    }

    private Map<String, Object> figure(String code) {
        if (figures == null) {
            Api.Response r = Api.as(port, "supervisor", "super123").get("/api/v1/indicators?area=430105100&period=2011-10-01..2012-03-15");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            List<Map<String, Object>> all = r.json("$");
            figures = new HashMap<>();
            all.forEach(f -> figures.put((String) f.get("code"), f));
        }
        return figures.get(code);
    }

    private void assertValue(String code, String value) {
        assertThat(new BigDecimal(String.valueOf(figure(code).get("value")))).as(code).isEqualByComparingTo(value);
    }

    @Test
    void populationOnTheReportsDate() {
        assertValue("POP_RESIDENT", "47150");
        assertValue("POP_REGISTERED", "40922");
        assertValue("POP_INFLOW", "7304");
        assertValue("POP_INFLOW_MALE", "4499");
        assertValue("POP_INFLOW_FEMALE", "2805");
        assertValue("POP_INFLOW_WRA", "1643");
        assertValue("POP_OUTFLOW", "1076");
    }

    @Test
    void birthsAndPolicy() {
        assertValue("BIRTHS", "256");
        assertValue("BIRTHS_MALE", "134");
        assertValue("BIRTHS_FEMALE", "122");
        assertValue("SEX_RATIO_AT_BIRTH", "109.8");
        assertValue("POLICY_BIRTH_RATE", "99.6");
        assertThat(figure("POLICY_BIRTH_RATE").get("numerator")).isEqualTo(255);
        assertThat(figure("POLICY_BIRTH_RATE").get("unit")).isEqualTo("%");
    }

    @Test
    void supportPublicitySuppliesAndTraining() {
        assertValue("SUPPORT_TOWN_HOUSEHOLDS", "124");
        assertValue("SUPPORT_TOWN_CASH", "28800");
        assertValue("SUPPORT_ASSOC_HOUSEHOLDS", "2240");
        assertValue("SUPPORT_ASSOC_CASH", "549700");
        assertThat(figure("SUPPORT_ASSOC_CASH").get("numerator")).as("exact to the fen").isEqualTo(54_970_000);
        assertValue("GOODS_OIL", "763");
        assertValue("GOODS_RICE", "773");
        assertValue("GOODS_MEAT", "720");
        assertValue("GOODS_NEW_YEAR_PICTURES", "11199");
        assertThat(new BigDecimal(String.valueOf(figure("GOODS_CONTRACEPTIVES").get("value")))).isGreaterThan(new BigDecimal("3000"));
        assertValue("PUBLICITY_VEHICLE_TRIP", "42");
        assertValue("PUBLICITY_BANNER", "87");
        assertValue("PUBLICITY_SLOGAN", "551");
        assertValue("PUBLICITY_SHOWCASE", "30");
        assertThat(new BigDecimal(String.valueOf(figure("PUBLICITY_MATERIALS").get("value")))).isGreaterThanOrEqualTo(new BigDecimal("20000"));
        assertValue("TRAINING_SESSIONS", "2");
        assertValue("SUPPLY_POINTS", "15");
        assertThat(new BigDecimal(String.valueOf(figure("SUPPLY_ACQUISITION_RATE").get("value")))).isGreaterThanOrEqualTo(new BigDecimal("99"));
        assertThat(new BigDecimal(String.valueOf(figure("POLICY_AWARENESS_RATE").get("value")))).isGreaterThanOrEqualTo(new BigDecimal("95"));
    }

    @Test
    void registerQualityAndExchangeTimeliness() {
        assertThat(new BigDecimal(String.valueOf(figure("REGISTER_COVERAGE").get("value")))).isGreaterThanOrEqualTo(new BigDecimal("99"));
        assertThat(new BigDecimal(String.valueOf(figure("REGISTER_ACCURACY").get("value")))).isGreaterThanOrEqualTo(new BigDecimal("98"));
        assertThat(new BigDecimal(String.valueOf(figure("EXCHANGE_FEEDBACK_TIMELINESS").get("value"))))
                .isGreaterThanOrEqualTo(new BigDecimal("90")).isLessThan(new BigDecimal("100"));
        assertThat(((Number) figure("EXCHANGE_FEEDBACK_TIMELINESS").get("denominator")).intValue()).isGreaterThan(100);
    }

    @Test
    void checksAndContraception() {
        assertValue("CHECK_RATE", "98.0");
        assertThat(figure("CHECK_RATE").get("numerator")).isEqualTo(8_943);
        assertThat(figure("CHECK_RATE").get("denominator")).isEqualTo(9_126);
        assertValue("CONTRACEPTION_RATE", "100.0");
    }
}
