package org.renkou.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.renkou.exchange.ExchangeService;
import org.renkou.exchange.Peer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inflow persons added by an import get the verification request (协查) an arrival entered by hand gets, and a
 * request about a county hukou code reaches the node serving that county's towns.
 */
@RenkouTest
class ImportedArrivalsTest {
    /** A county far away, with no node in the test town's directory but the one this test adds. */
    private static final String COUNTY = "469031";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExchangeService exchange;

    @Test
    void anImportedInflowPersonIsAskedAboutAtTheHukouPlace() {
        Api admin = Api.as(port, "admin", "admin123");
        String town = TestData.town(admin, "235");
        LocalDate b = LocalDate.of(1992, 9, 9);
        String id = TestData.idNumber(b, "2");
        String csv = "id_number,name,sex,birth_date,household_no,relation,hukou_code,village_code,status,moved_on,reason\n"
                + String.join(",", id, "导入流入", "2", b.toString(), "T235F", "02", COUNTY, town + "001", "流入",
                LocalDate.of(2026, 3, 1).toString(), "务工") + "\n"
                + String.join(",", TestData.idNumber(b, "1"), "导入户籍", "1", b.toString(), "T235R", "02", "430105", town + "001",
                "户籍", "", "") + "\n";
        Api.Response started = admin.upload("/api/v1/imports/persons", "inflow.csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("dryRun", "false"));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        Api.Response job = await(admin, started.json("$.id"));
        assertThat(job.<Integer>json("$.added")).as(job.body()).isEqualTo(2);

        int person = admin.get("/api/v1/persons?idNumber=" + id).json("$.items[0].id");
        Map<String, Object> request = jdbc.sql("select peer_code, state, deadline from verification_request where direction = 'OUT'"
                + " and person_id = ?").param(person).query().singleRow();
        assertThat(request.get("peer_code")).isEqualTo(COUNTY);
        assertThat(request.get("state")).isEqualTo("SENT");
        assertThat(jdbc.sql("select count(*) from exchange_outbox where recipient = ? and kind = 'migration.verification-request'"
                + " and payload like ?").params(COUNTY, "%" + id + "%").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from verification_request v join person p on p.id = v.person_id"
                + " where p.name = '导入户籍'").query(Long.class).single()).as("only inflow persons are asked about").isZero();
    }

    @Test
    void aCountyCodeIsRoutedToTheNodeServingItsTowns() throws Exception {
        String key = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
                .getPublic().getEncoded());
        Api admin = Api.as(port, "admin", "admin123");
        Api.Response saved = admin.post("/api/v1/exchange/peers", "{\"code\":\"" + COUNTY + "100\",\"name\":\"远方镇\","
                + "\"baseUrl\":\"http://127.0.0.1:9\",\"publicKey\":\"" + key + "\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(exchange.peerFor(COUNTY)).map(Peer::code).as("a county code: the node of its towns").contains(COUNTY + "100");
        assertThat(exchange.peerFor(COUNTY + "100201")).map(Peer::code).contains(COUNTY + "100");
        assertThat(exchange.peerFor("469032")).isEmpty();
        assertThat(exchange.peerFor("4690")).as("too short to name a county").isEmpty();
    }

    private static Api.Response await(Api api, int id) {
        for (int i = 0; i < 600; i++) {
            Api.Response job = api.get("/api/v1/imports/" + id);
            if (!"RUNNING".equals(job.json("$.status"))) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("import " + id + " did not finish");
    }
}
