package org.renkou.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An import accepts the rows that probably duplicate a person, and queues each pair with the import as its source. */
@RenkouTest
class LinkageImportTest {
    private static final String VILLAGE = "430105419001";
    private static final String HEADER = "id_number,name,sex,birth_date,ethnicity,household_no,relation,hukou_code,"
            + "village_code,status\n";

    @LocalServerPort
    int port;

    @Test
    void anImportAddsTheProbableDuplicateAndQueuesItsPairForReview() throws InterruptedException {
        Api admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "419");
        LocalDate born = LocalDate.of(1960, 7, 15);
        Api.Response existing = admin.post("/api/v1/persons", TestData.person(TestData.idNumber(born, "2"), "陈秀兰", "2",
                born, VILLAGE, null, ""));
        assertThat(existing.status()).as(existing.body()).isEqualTo(201);
        int existingId = existing.json("$.id");
        // the same woman in the town's old data: traditional characters, no ID number, another household; and a stranger
        String csv = HEADER
                + ",陳秀蘭,2," + born + ",01,HL419B,02,430105," + VILLAGE + ",REGISTERED\n"
                + ",赵国庆,1,1949-10-01,01,HL419C,02,430105," + VILLAGE + ",REGISTERED\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        Api.Response dry = run(admin, file, true);
        assertThat(dry.<Integer>json("$.duplicatesQueued")).isZero();
        Api.Response job = run(admin, file, false);
        assertThat(job.<String>json("$.status")).as(job.body()).isEqualTo("DONE");
        assertThat(job.<Integer>json("$.added")).isEqualTo(2);
        assertThat(job.<Integer>json("$.duplicatesQueued")).isEqualTo(1);
        int jobId = job.json("$.id");

        Api.Response pairs = admin.get("/api/v1/linkage/pairs?import=" + jobId);
        assertThat(pairs.status()).as(pairs.body()).isEqualTo(200);
        List<Map<String, Object>> items = pairs.json("$.items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0)).containsEntry("source", "IMPORT").containsEntry("status", "OPEN")
                .containsEntry("importJobId", jobId);
        assertThat(List.of(items.get(0).get("leftId"), items.get(0).get("rightId"))).contains(existingId);
        assertThat((List<String>) items.get(0).get("reasons")).contains("姓名相同", "出生日期相同");

        String page = admin.get("/imports/" + jobId).body();
        assertThat(page).contains("id=\"duplicates-link\"").contains("/linkage?import=" + jobId);
        assertThat(admin.get("/linkage?import=" + jobId + "&status=").body())
                .contains("data-pair=\"" + items.get(0).get("id") + "\"").contains("陳秀蘭");
    }

    private static Api.Response run(Api api, byte[] file, boolean dryRun) throws InterruptedException {
        Api.Response started = api.upload("/api/v1/imports/persons", "old.csv", file, Map.of("dryRun", String.valueOf(dryRun)));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        int id = started.json("$.id");
        for (int i = 0; i < 600; i++) {
            Api.Response job = api.get("/api/v1/imports/" + id);
            if (!"RUNNING".equals(job.json("$.status"))) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }
}
