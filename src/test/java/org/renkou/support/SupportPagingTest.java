package org.renkou.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Families and visits are paged in the database: more rows than the old caps (1000, 500), true totals, the right page. */
@RenkouTest
class SupportPagingTest {
    private static final String TOWN = "430105227";
    private static final String VILLAGE = TOWN + "001";
    private static final int FAMILIES = 1001;
    private static final int VISITS = 501;
    private static final LocalDate FIRST_VISIT = LocalDate.of(2020, 1, 1);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api county;

    @BeforeEach
    void manyFamiliesAndVisits() {
        Api admin = Api.as(port, "admin", "admin123");
        county = Api.as(port, "county", "county123");
        TestData.town(admin, "227");
        LocalDate birth = LocalDate.of(1960, 3, 3);
        Api.Response p = county.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "1"), "翻页户主", "1", birth, VILLAGE, null, ""));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        long household = ((Number) p.json("$.householdId")).longValue();
        // volume for paging, written straight to the tables (a thousand forms through the API would only be slower)
        jdbc.sql("""
                insert into difficult_family (household_id, village_code, reason, liaison1, liaison2, registered_on, recorded_by)
                select ?, ?, '翻页' || n, '甲', '乙', date '2000-01-01' + n, 'test' from generate_series(1, ?) n""")
                .params(household, VILLAGE, FAMILIES).update();
        jdbc.sql("""
                insert into support_visit (household_id, village_code, visited_on, giver, giver_name, cash_fen, recorded_by)
                select ?, ?, ?::date + n, 'TOWN', '翻页慰问' || n, 100, 'test' from generate_series(0, ? - 1) n""")
                .params(household, VILLAGE, FIRST_VISIT, VISITS).update();
    }

    @AfterEach
    void remove() {
        jdbc.sql("delete from support_visit where village_code like ?").param(TOWN + "%").update();
        jdbc.sql("delete from difficult_family where village_code like ?").param(TOWN + "%").update();
    }

    @Test
    void theApiListsKeepTheirShapeAndPageWithTheTrueTotal() {
        Api.Response first = county.get("/api/v1/support/families?area=" + TOWN);
        assertThat(first.header("X-Total-Count")).isEqualTo(String.valueOf(FAMILIES));
        assertThat(first.<List<Object>>json("$")).hasSize(1000);
        Api.Response last = county.get("/api/v1/support/families?area=" + TOWN + "&page=1");
        assertThat(last.<List<String>>json("$[*].reason")).as("the last family by village and id").containsExactly("翻页" + FAMILIES);

        String period = FIRST_VISIT + ".." + FIRST_VISIT.plusDays(VISITS);
        Api.Response visits = county.get("/api/v1/support/visits?area=" + TOWN + "&period=" + period + "&page=1&size=500");
        assertThat(visits.header("X-Total-Count")).isEqualTo(String.valueOf(VISITS));
        assertThat(visits.<List<String>>json("$[*].giverName")).as("newest first: page 2 holds the oldest").containsExactly("翻页慰问0");
        assertThat(county.get("/api/v1/support/visits?area=" + TOWN + "&period=" + period + "&size=20").<String>json("$[0].giverName"))
                .isEqualTo("翻页慰问" + (VISITS - 1));
    }

    @Test
    void theSupportPageShowsTheTruePageAndKeepsItsFilters() {
        String period = FIRST_VISIT + ".." + FIRST_VISIT.plusDays(VISITS);
        String page = county.get("/support?area=" + VILLAGE + "&period=" + period + "&visitsPage=1&familiesPage=50").body();
        assertThat(page).contains("共 501 条，第 2/26 页").contains("共 1,001 条，第 51/51 页")
                .contains("翻页慰问480").doesNotContain("翻页慰问481<").contains("翻页1001");
        assertThat(page).as("the next page keeps the village and the period")
                .containsPattern("id=\"visitsPage-next\" href=\"[^\"]*area=" + VILLAGE + "[^\"]*\"")
                .containsPattern("id=\"visitsPage-next\" href=\"[^\"]*period=[^\"]*\"");
        assertThat(county.get("/support?area=" + VILLAGE + "&period=2001").body()).as("a period without visits says so")
                .contains("id=\"no-visits\"");
    }
}
