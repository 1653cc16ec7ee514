package org.renkou.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.renkou.common.Dates;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Departures, returns and leavings are dated events: figures for any date follow them; the overview sums them. */
@RenkouTest
class FloatingApiTest {
    private static final String TOWN = "430105217";
    private static final String VILLAGE = TOWN + "001";
    private static final LocalDate TODAY = Dates.today();

    @LocalServerPort
    int port;
    Api officer;

    @BeforeEach
    void town() {
        officer = Api.as(port, "county", "county123"); // the test towns are beside the demo town, in its county
        TestData.town(Api.as(port, "admin", "admin123"), "217");
    }

    private int person(String name, String status, String extra) {
        LocalDate birth = LocalDate.of(1990, 5, 5);
        Api.Response r = officer.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "1"), name, "1", birth,
                VILLAGE, null, extra).replace("\"status\":\"REGISTERED\"", "\"status\":\"" + status + "\"")
                .replace("\"hukouCode\":\"430105\"", "\"hukouCode\":\"" + (status.equals("INFLOW") ? "431021" : "430105") + "\""));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json("$.id");
    }

    private int figure(String code, LocalDate on) {
        return officer.get("/api/v1/indicators?area=" + TOWN + "&period=" + on.getYear() + "&date=" + on + "&codes=" + code)
                .<Integer>json("$[0].value");
    }

    @Test
    void aDepartureAndAReturnAreDatedChangesOfStatus() {
        int p = person("外出务工", "REGISTERED", "");
        LocalDate left = TODAY.minusDays(100);
        LocalDate back = TODAY.minusDays(10);
        int outflowBefore = figure("POP_OUTFLOW", TODAY.minusDays(50));
        Api.Response gone = officer.post("/api/v1/migration/persons/" + p + "/departure",
                "{\"on\":\"" + left + "\",\"placeCode\":\"440300\",\"reason\":\"务工经商\",\"contact\":\"13900000000\"}");
        assertThat(gone.status()).as(gone.body()).isEqualTo(200);
        assertThat(gone.<String>json("$.status")).isEqualTo("OUTFLOW");
        assertThat(gone.<String>json("$.otherPlaceCode")).isEqualTo("440300");
        assertThat(officer.post("/api/v1/migration/persons/" + p + "/departure", "{\"on\":\"" + TODAY + "\",\"placeCode\":\"440300\"}")
                .<String>json("$.errors[0].rule")).as("already gone").isEqualTo("moveFrom");
        Api.Response home = officer.post("/api/v1/migration/persons/" + p + "/return", "{\"on\":\"" + back + "\"}");
        assertThat(home.<String>json("$.status")).isEqualTo("REGISTERED");
        assertThat(figure("POP_OUTFLOW", TODAY.minusDays(50))).as("away on that day").isEqualTo(outflowBefore + 1);
        assertThat(figure("POP_OUTFLOW", TODAY)).as("home today").isEqualTo(outflowBefore);
        assertThat(figure("POP_RESIDENT", left.minusDays(1)) - figure("POP_RESIDENT", TODAY.minusDays(50))).isEqualTo(1);
        List<String> history = officer.get("/api/v1/persons/" + p + "/history").json("$[*].field");
        assertThat(history).contains("status", "leftOn");
        assertThat(officer.get("/api/v1/migration/notices?direction=OUT").<List<String>>json("$[?(@.personId == " + p + ")].event"))
                .containsExactlyInAnyOrder("DEPARTURE", "RETURN");
    }

    @Test
    void anInflowPersonLeavingTheTownNoLongerCounts() {
        int p = person("离开本镇", "INFLOW", ",\"arrivedOn\":\"" + TODAY.minusYears(2) + "\"");
        int inflowBefore = figure("POP_INFLOW", TODAY);
        Api.Response left = officer.post("/api/v1/migration/persons/" + p + "/leaving", "{\"on\":\"" + TODAY.minusDays(5) + "\"}");
        assertThat(left.<String>json("$.status")).as(left.body()).isEqualTo("MOVED_AWAY");
        assertThat(figure("POP_INFLOW", TODAY)).isEqualTo(inflowBefore - 1);
        assertThat(figure("POP_INFLOW", TODAY.minusDays(6))).as("still here the week before").isEqualTo(inflowBefore);
        Api.Response bad = officer.inLanguage("en").post("/api/v1/migration/persons/" + p + "/leaving", "{\"on\":\"" + TODAY.plusDays(3) + "\"}");
        assertThat(bad.<List<String>>json("$.errors[*].field")).contains("status", "movedOn");
    }

    @Test
    void theOverviewCountsByVillageReasonAndDestinationAndThePoliceMayReadIt() {
        person("概览流入", "INFLOW", ",\"arrivedOn\":\"" + TODAY.minusYears(1) + "\",\"moveReason\":\"来企业务工\"");
        int out = person("概览流出", "REGISTERED", "");
        officer.post("/api/v1/migration/persons/" + out + "/departure", "{\"on\":\"" + TODAY.minusDays(30) + "\",\"placeCode\":\"330100\"}");
        Api.Response o = officer.get("/api/v1/migration/overview?area=" + TOWN);
        assertThat(o.status()).as(o.body()).isEqualTo(200);
        assertThat(o.<Integer>json("$.inflow")).isGreaterThanOrEqualTo(1);
        assertThat(o.<List<String>>json("$.inflowByReason[*].key")).contains("来企业务工");
        assertThat(o.<List<String>>json("$.outflowByDestination[*].key")).contains("330100");
        Api police = Api.as(port, "police", "police123");
        Api.Response demo = police.get("/api/v1/migration/overview?area=430105100");
        assertThat(demo.status()).isEqualTo(200);
        assertThat(demo.<Integer>json("$.inflow")).isEqualTo(7_304);
        assertThat(demo.<Integer>json("$.outflow")).isEqualTo(1_076);
        assertThat(police.post("/api/v1/migration/persons/" + out + "/return", "{\"on\":\"" + TODAY + "\"}").status())
                .as("read-only").isEqualTo(403);
        assertThat(Api.as(port, "supervisor", "super123").get("/api/v1/migration/overview").status()).isEqualTo(403);
    }
}
