package org.renkou.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The stock ledger never goes negative, not even under two issues at the same moment. */
@RenkouTest
class SupplyApiTest {
    @LocalServerPort
    int port;

    @Test
    void concurrentIssuesNeverTakeTheBalanceBelowZero() throws Exception {
        Api officer = Api.as(port, "officer", "officer123");
        Api.Response point = officer.post("/api/v1/supplies/points", "{\"name\":\"并发测试点\",\"kind\":\"MARKET\","
                + "\"villageCode\":\"430105100201\",\"keeper\":\"测试\"}");
        assertThat(point.status()).as(point.body()).isEqualTo(201);
        int id = point.json("$.id");
        int item = officer.get("/api/v1/supplies/items").<List<Integer>>json("$[*].id").get(0);
        assertThat(officer.post("/api/v1/supplies/points/" + id + "/ledger", "{\"itemId\":" + item + ",\"quantity\":100}").status()).isEqualTo(201);
        for (int round = 0; round < 5; round++) {
            ExecutorService two = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                results.add(two.submit(() -> {
                    start.await();
                    return officer.post("/api/v1/supplies/points/" + id + "/ledger", "{\"itemId\":" + item + ",\"quantity\":-60}").status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            two.shutdown();
            assertThat(statuses).containsExactlyInAnyOrder(201, 400);
            officer.post("/api/v1/supplies/points/" + id + "/ledger", "{\"itemId\":" + item + ",\"quantity\":60}");
        }
        List<Map<String, Object>> stock = officer.get("/api/v1/supplies/stock").json("$[?(@.pointId == " + id + " && @.itemId == " + item + ")]");
        assertThat(stock.get(0).get("balance")).isEqualTo(100);
        List<Integer> after = officer.get("/api/v1/supplies/points/" + id + "/ledger").json("$[*].balanceAfter");
        assertThat(after).allSatisfy(b -> assertThat(b).isGreaterThanOrEqualTo(0));
        Api.Response tooMany = officer.post("/api/v1/supplies/points/" + id + "/ledger", "{\"itemId\":" + item + ",\"quantity\":-101}");
        assertThat(tooMany.<String>json("$.errors[0].rule")).isEqualTo("stockShort");
        assertThat(tooMany.<String>json("$.errors[0].message")).contains("100");
    }

    @Test
    void anIssueDatedBeforeTheStockArrivedIsRefused() {
        Api officer = Api.as(port, "officer", "officer123");
        int id = officer.post("/api/v1/supplies/points", "{\"name\":\"日期测试点\",\"kind\":\"MARKET\","
                + "\"villageCode\":\"430105100201\",\"keeper\":\"测试\"}").json("$.id");
        int item = officer.get("/api/v1/supplies/items").<List<Integer>>json("$[*].id").get(0);
        String ledger = "/api/v1/supplies/points/" + id + "/ledger";
        java.time.LocalDate today = org.renkou.common.Dates.today();
        assertThat(officer.post(ledger, "{\"itemId\":" + item + ",\"quantity\":100,\"movedOn\":\"" + today.minusDays(10) + "\"}")
                .status()).isEqualTo(201);
        Api.Response early = officer.post(ledger, "{\"itemId\":" + item + ",\"quantity\":-30,\"movedOn\":\"" + today.minusDays(20) + "\"}");
        assertThat(early.status()).as(early.body()).isEqualTo(400);
        assertThat(early.<String>json("$.errors[0].field")).isEqualTo("movedOn");
        assertThat(early.<String>json("$.errors[0].rule")).isEqualTo("stockShortOn");
        assertThat(early.<String>json("$.errors[0].message")).contains(today.minusDays(20).toString()).contains("只有 0");
        assertThat(officer.post(ledger, "{\"itemId\":" + item + ",\"quantity\":-80,\"movedOn\":\"" + today.minusDays(2) + "\"}")
                .status()).isEqualTo(201);
        Api.Response between = officer.post(ledger, "{\"itemId\":" + item + ",\"quantity\":-15,\"movedOn\":\"" + today.minusDays(5) + "\"}");
        assertThat(between.status()).as("100 in stock then, and the later issue still has its 80").isEqualTo(201);
        Api.Response short2 = officer.post(ledger, "{\"itemId\":" + item + ",\"quantity\":-5,\"movedOn\":\"" + today.minusDays(11) + "\"}");
        assertThat(short2.<String>json("$.errors[0].rule")).isEqualTo("stockShortOn");
        List<Map<String, Object>> stock = officer.get("/api/v1/supplies/stock").json("$[?(@.pointId == " + id + " && @.itemId == " + item + ")]");
        assertThat(stock.get(0).get("balance")).isEqualTo(5);
    }

    @Test
    void lowStockIsFlaggedAndSurveysAreChecked() {
        Api officer = Api.as(port, "officer", "officer123");
        assertThat(officer.get("/api/v1/supplies/stock/low").<List<String>>json("$[*].pointName")).isNotEmpty();
        Api.Response bad = officer.post("/api/v1/supplies/surveys", "{\"villageCode\":\"430105100201\",\"sample\":10,\"acquired\":11,\"aware\":3}");
        assertThat(bad.<String>json("$.errors[0].field")).isEqualTo("acquired");
    }
}
