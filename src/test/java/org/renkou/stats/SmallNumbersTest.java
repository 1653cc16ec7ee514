package org.renkou.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The district supervisor reads aggregates only: no figure of 1 or 2 persons that could name someone. */
@RenkouTest
class SmallNumbersTest {
    private static final String TOWN = "430105100";
    private static final List<String> MONTHS = List.of("2011-10", "2011-11", "2011-12", "2012-01", "2012-02", "2012-03");

    @LocalServerPort
    int port;

    /** A village and month of the demo town with exactly one birth, as the town office sees it. */
    private String[] villageMonthWithOneBirth() {
        Api officer = Api.as(port, "officer", "officer123");
        for (String month : MONTHS) {
            List<Map<String, Object>> areas = officer.get("/api/v1/indicators/by-area?area=" + TOWN + "&period=" + month
                    + "&codes=BIRTHS").json("$");
            for (Map<String, Object> a : areas) {
                String code = (String) a.get("area");
                Map<?, ?> births = (Map<?, ?>) ((List<?>) a.get("values")).get(0);
                if (code.length() == 12 && Integer.valueOf(1).equals(births.get("numerator"))) {
                    return new String[]{code, month};
                }
            }
        }
        throw new AssertionError("the demo town has no village-month with one birth");
    }

    @Test
    void theSupervisorSeesNoVillageMonthOfOneBirth() {
        String[] vm = villageMonthWithOneBirth();
        Api supervisor = Api.as(port, "supervisor", "super123");
        Api.Response values = supervisor.get("/api/v1/indicators?area=" + vm[0] + "&period=" + vm[1]
                + "&codes=BIRTHS,BIRTHS_MALE,BIRTHS_FEMALE,SEX_RATIO_AT_BIRTH");
        assertThat(values.status()).isEqualTo(200);
        assertThat(values.<List<Object>>json("$[?(@.code == 'BIRTHS')].value")).containsExactly((Object) null);
        assertThat(values.<List<Object>>json("$[?(@.code == 'BIRTHS')].numerator")).containsExactly((Object) null);
        assertThat(values.<List<Boolean>>json("$[?(@.code == 'BIRTHS')].suppressed")).containsExactly(true);
        assertThat(values.<List<Object>>json("$[*].numerator")).doesNotContain(1, 2);

        Api.Response byArea = supervisor.get("/api/v1/indicators/by-area?area=" + TOWN + "&period=" + vm[1] + "&codes=BIRTHS");
        assertThat(byArea.<List<Object>>json("$[?(@.area == '" + vm[0] + "')].values[0].numerator"))
                .containsExactly((Object) null);
        // the town as a whole is no small number
        assertThat(byArea.<List<Integer>>json("$[?(@.area == '" + TOWN + "')].values[0].numerator").get(0))
                .isGreaterThanOrEqualTo(3);

        Api officer = Api.as(port, "officer", "officer123");
        assertThat(officer.get("/api/v1/indicators?area=" + vm[0] + "&period=" + vm[1] + "&codes=BIRTHS")
                .<List<Integer>>json("$[*].numerator")).as("roles with personal access see the count").containsExactly(1);
    }

    @Test
    void theSupervisorsChartsAndTablesHaveNoSmallCells() {
        String[] vm = villageMonthWithOneBirth();
        String chart = "/stats/charts/births-month.csv?area=" + vm[0] + "&period=2011-10-01..2012-03-31";
        String officers = new String(Api.as(port, "officer", "officer123").download(chart), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(cells(officers)).contains("1");
        String supervisors = new String(Api.as(port, "supervisor", "super123").download(chart), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(cells(supervisors)).doesNotContain("1", "2").isNotEmpty();

        Api.Response tables = Api.as(port, "supervisor", "super123").get("/api/v1/reports/tables?area=" + vm[0]
                + "&period=" + vm[1]);
        assertThat(tables.status()).isEqualTo(200);
        assertThat(tables.<List<Object>>json("$..rows[*][*]")).doesNotContain("1", "2");
    }

    /** A town's submitted report as the district reads it: the office's small village cells do not reach it. */
    @Test
    void theSupervisorReadsSubmittedReportsWithoutSmallCells() {
        Api officer = Api.as(port, "officer", "officer123");
        Api.Response submitted = officer.post("/api/v1/reports/submissions", "{\"area\":\"" + TOWN + "\",\"period\":\"2011-10\"}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        int id = submitted.json("$.id");
        assertThat(officer.get("/api/v1/reports/submissions/" + id).<List<Object>>json("$.tables[*].rows[*][*]"))
                .as("the office submitted village cells of 1 and 2").contains("1", "2");
        Api supervisor = Api.as(port, "supervisor", "super123");
        Api.Response read = supervisor.get("/api/v1/reports/submissions/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.<List<Object>>json("$.tables[*].rows[*][*]")).doesNotContain("1", "2").contains("–");
        assertThat(officer.get("/stats/submissions/" + id).body()).contains("<td>1</td>");
        assertThat(supervisor.get("/stats/submissions/" + id).body()).doesNotContain("<td>1</td>", "<td>2</td>");
        assertThat(supervisor.get("/api/v1/reports/tables?area=" + TOWN + "&period=2011-10")
                .<List<Object>>json("$..changed.*")).as("nor as the submitted value of a changed cell").doesNotContain("1", "2");
        assertThat(supervisor.post("/api/v1/reports/submissions/" + id + "/return", "{\"reason\":\"测试完毕\"}").status())
                .isEqualTo(200);
    }

    /** The numbers of a chart's CSV, without its header and category column. */
    private static List<String> cells(String csv) {
        return csv.lines().skip(1).flatMap(l -> java.util.Arrays.stream(l.split(",", -1)).skip(1))
                .map(String::trim).toList();
    }
}
