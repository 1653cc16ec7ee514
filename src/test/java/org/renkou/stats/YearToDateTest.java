package org.renkou.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard, the standard tables and the work report open on the year to date (counted today, never on a day
 * still to come); a past period says how many of its records were entered after it ended; drill-downs page with
 * their true count.
 */
@RenkouTest
class YearToDateTest {
    private static final String TOWN = "430105233";
    private static final String DEMO_TOWN = "430105100";

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;
    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "233");
    }

    /** The family-planning year containing today, as the pages name it. */
    private String statisticalYear() {
        LocalDate today = LocalDate.now(clock);
        return "FP" + (today.getMonthValue() >= 10 ? today.getYear() + 1 : today.getYear());
    }

    @Test
    void theDefaultPeriodIsTheYearToDateCountedToday() {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = LocalDate.of(today.getMonthValue() >= 10 ? today.getYear() : today.getYear() - 1, 10, 1);
        Api.Response dashboard = admin.get("/stats?area=" + TOWN);
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("统计期 " + start + " 至 " + today + "，人数截至 " + today)
                .contains("name=\"date\" id=\"date\" value=\"" + today + "\"");
        assertThat(admin.get("/stats/tables?area=" + TOWN).body()).contains("统计期：" + start + " 至 " + today)
                .contains("人数截至：" + today);
        assertThat(admin.get("/stats/report?area=" + TOWN).body()).contains("（" + start + " 至 " + today + "，人数截至 " + today + "）");

        Api.Response tables = admin.get("/api/v1/reports/tables?area=" + TOWN + "&period=" + statisticalYear());
        assertThat(tables.<String>json("$[0].subtitle")).as("the API too: people of a year in progress are counted today")
                .contains("人数截至：" + today);
        Api.Response report = admin.get("/api/v1/reports/work-report?area=" + TOWN + "&period=" + statisticalYear());
        assertThat(report.<List<String>>json("$.blocks[*].text")).anySatisfy(t -> assertThat(t).contains("人数截至 " + today));
    }

    @Test
    void aPastPeriodSaysHowManyOfItsRecordsWereEnteredAfterItEnded() {
        LocalDate born = LocalDate.of(2012, 5, 5);
        Api.Response p = admin.post("/api/v1/persons", TestData.person(TestData.idNumber(born, "1"), "补录儿童", "1", born,
                TOWN + "001", null, ""));
        assertThat(p.status()).as(p.body()).isEqualTo(201);

        Api.Response later = admin.get("/api/v1/indicators?area=" + TOWN + "&period=2012&codes=POP_ENTERED_LATER,POP_REGISTERED");
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(later.<Integer>json("$[0].numerator")).isEqualTo(1);
        assertThat(admin.get("/api/v1/indicators?area=" + TOWN + "&period=" + statisticalYear() + "&codes=POP_ENTERED_LATER")
                .<Integer>json("$[0].numerator")).as("a period still running has nothing entered after it").isZero();

        String dashboard = admin.get("/stats?area=" + TOWN + "&period=2012").body();
        assertThat(dashboard).contains("id=\"entered-later\"").contains("含 1 个在期末（2012-12-31）之后才录入")
                .contains("/stats/persons?code=POP_ENTERED_LATER");
        assertThat(admin.get("/stats?area=" + TOWN).body()).doesNotContain("id=\"entered-later\"");
        assertThat(admin.get("/stats/tables?area=" + TOWN + "&period=2012").body()).contains("id=\"entered-later\"")
                .contains("其中期末后补录的个案 1 人");
        Api.Response list = admin.get("/api/v1/indicators/POP_ENTERED_LATER/persons?area=" + TOWN + "&period=2012");
        assertThat(list.<List<String>>json("$.items[*].name")).containsExactly("补录儿童");
    }

    @Test
    void theDrillDownPagesAndCountsEveryPerson() {
        String query = "area=" + DEMO_TOWN + "&period=2011-10-01..2012-03-15";
        Api.Response page = admin.get("/api/v1/indicators/POP_INFLOW/persons?" + query + "&page=2&size=50");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.<Integer>json("$.total")).isEqualTo(7_304);
        assertThat(page.<List<Integer>>json("$.items[*].id")).hasSize(50);
        assertThat(page.<Integer>json("$.page")).isEqualTo(2);
        Api.Response first = admin.get("/api/v1/indicators/POP_INFLOW/persons?" + query + "&page=0&size=50");
        assertThat(first.<List<Integer>>json("$.items[*].id")).doesNotContainAnyElementsOf(page.json("$.items[*].id"));

        String web = admin.get("/stats/persons?code=POP_INFLOW&" + query).body();
        assertThat(web).contains("<p id=\"person-count\">7304</p>").contains("共 7,304 条").contains("id=\"next\"");
    }
}
