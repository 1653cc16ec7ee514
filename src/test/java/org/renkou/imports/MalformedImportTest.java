package org.renkou.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Files that are no honest table: refused as malformed naming the row, while the application serves everyone else. */
@RenkouTest
class MalformedImportTest {
    private static final String TOWN = "430105232";
    private static final String VILLAGE = TOWN + "001";
    private static final int CELLS = 10_000_000;

    @LocalServerPort
    int port;
    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "232");
    }

    /** A header and one row of ten million empty cells (10 MB without a line break), made as it is sent. */
    private static InputStream tenMillionCells(String boundary) {
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"wide.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nid_number,name,sex,birth_date,village_code,status\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long total = head.length + (long) CELLS + tail.length;
        return new InputStream() {
            long pos;

            @Override
            public int read() {
                if (pos >= total) {
                    return -1;
                }
                long i = pos++;
                return i < head.length ? head[(int) i] : i < head.length + CELLS ? ',' : tail[(int) (i - head.length - CELLS)];
            }
        };
    }

    @Test
    void aRowOfTenMillionCellsIsRefusedNamingTheRowWhileOthersAreServed() throws Exception {
        String boundary = "----renkouwide";
        HttpRequest upload = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports/persons"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin123".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.BufferedInputStream(tenMillionCells(boundary), 1 << 16)))
                .build();
        CompletableFuture<HttpResponse<String>> started = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .sendAsync(upload, HttpResponse.BodyHandlers.ofString());
        // other users are answered while the file arrives and is read
        while (!started.isDone()) {
            assertThat(admin.get("/api/v1/persons?size=1").status()).isEqualTo(200);
            Thread.sleep(50);
        }
        HttpResponse<String> r = started.get(1, TimeUnit.MINUTES);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        int id = new Api.Response(r.statusCode(), r.body(), "").json("$.id");
        Api.Response job = Imports.await(admin, id);
        assertThat(admin.get("/api/v1/persons?size=1").status()).isEqualTo(200);
        assertThat(job.<String>json("$.status")).isEqualTo("FAILED");
        assertThat(job.<String>json("$.message")).startsWith("文件格式有误：第 2 行");
    }

    @Test
    void anImportedRowKeepsTheSameTextLimitsAsTheFormAndTheApi() {
        LocalDate birth = LocalDate.of(1986, 2, 3);
        String csv = "id_number,name,sex,birth_date,village_code,status,address\r\n"
                + TestData.idNumber(birth, "1") + ",长地址导入,1," + birth + "," + VILLAGE + ",REGISTERED,"
                + "村".repeat(org.renkou.common.TextLimits.ADDRESS + 1) + "\r\n"
                + TestData.idNumber(birth, "2") + ",控制\u0001字符,2," + birth + "," + VILLAGE + ",REGISTERED,短地址\r\n";
        Api.Response job = Imports.run(admin, "limits.csv", csv.getBytes(StandardCharsets.UTF_8), true);
        assertThat(job.<String>json("$.status")).as(job.body()).isEqualTo("DONE");
        assertThat(job.<Integer>json("$.rejected")).isEqualTo(2);
        String errors = new String(admin.download("/api/v1/imports/" + job.<Integer>json("$.id") + "/errors"),
                StandardCharsets.UTF_8);
        assertThat(errors).contains("现住址：最多 200 个字。").contains("姓名：含有不可见的控制字符");
    }

    @Test
    void emptyCellsAfterTheLastHeaderAreNoColumns() {
        LocalDate birth = LocalDate.of(1985, 2, 3);
        String csv = "id_number,name,sex,birth_date,village_code,status,,,\r\n"
                + TestData.idNumber(birth, "1") + ",尾随空列," + "1," + birth + "," + VILLAGE + ",REGISTERED,,,\r\n";
        Api.Response job = Imports.run(admin, "trailing.csv", csv.getBytes(StandardCharsets.UTF_8), false);
        assertThat(job.<String>json("$.status")).as(job.body()).isEqualTo("DONE");
        assertThat(job.<Integer>json("$.added")).isEqualTo(1);
    }
}
