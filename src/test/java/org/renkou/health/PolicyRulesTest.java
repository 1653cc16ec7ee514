package org.renkou.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every shipped rule set decides births of a Hunan town as the law of the day did, edges included. */
@RenkouTest
class PolicyRulesTest {
    private static final String VILLAGE = "430105214001";

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}, child {1}, permit {2} -> {3} ({4})")
    @CsvSource({
            "2012-05-01, 1, false, true,  WITHIN_LIMIT",
            "2012-05-01, 2, false, false, NO_PERMIT",
            "2012-05-01, 2, true,  true,  PERMIT",
            "2012-05-01, 3, true,  false, OVER_LIMIT",
            "2015-12-31, 2, false, false, NO_PERMIT",
            "2016-01-01, 2, false, true,  WITHIN_LIMIT",
            "2018-07-01, 3, true,  false, OVER_LIMIT",
            "2021-05-30, 3, false, false, OVER_LIMIT",
            "2021-05-31, 3, false, true,  WITHIN_LIMIT",
            "2021-08-01, 4, false, false, OVER_LIMIT",
            "2021-08-20, 4, false, true,  NO_LIMIT",
            "2024-03-01, 6, false, true,  NO_LIMIT"})
    void birthsAreClassifiedByTheRulesInForceOnTheirDate(LocalDate born, int order, boolean permit, boolean compliant,
                                                         String reason) {
        Api admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "214");
        LocalDate motherBirth = born.minusYears(order * 2L + 22);
        Api.Response m = admin.post("/api/v1/persons", TestData.person(TestData.idNumber(motherBirth, "2"), "政策母亲", "2",
                motherBirth, VILLAGE, null, ""));
        int mother = m.json("$.id");
        for (int k = 1; k < order; k++) {
            admin.post("/api/v1/health/women/" + mother + "/births", "{\"sex\":\"2\",\"birthDate\":\"" + born.minusYears(order - k) + "\"}");
        }
        if (permit) {
            admin.post("/api/v1/health/women/" + mother + "/permits", "{\"approvedOn\":\"" + born.minusYears(1) + "\"}");
        }
        Api.Response b = admin.post("/api/v1/health/women/" + mother + "/births", "{\"sex\":\"1\",\"birthDate\":\"" + born + "\"}");
        assertThat(b.<Integer>json("$.birthOrder")).isEqualTo(order);
        assertThat(b.<Boolean>json("$.compliant")).as(b.body()).isEqualTo(compliant);
        assertThat(b.<String>json("$.reason")).isEqualTo(reason);
    }
}
