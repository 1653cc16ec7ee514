package org.renkou.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each input the issue found answered with a 500 now gets a 400 (or 413) naming the field and the rule. */
@RenkouTest
class BadInputTest {
    private static final String TOWN = "430105231";
    private static final String VILLAGE = TOWN + "001";

    @LocalServerPort
    int port;
    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "231");
    }

    private static void assertRefused(Api.Response r, String field, String rule) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.<List<String>>json("$.errors[*].field")).as(r.body()).contains(field);
        assertThat(r.<List<String>>json("$.errors[*].rule")).as(r.body()).contains(rule);
    }

    @Test
    void searchParametersOutOfRangeOrWithControlCharactersNameTheField() {
        assertRefused(admin.get("/api/v1/persons?ageFrom=99999999"), "ageFrom", "range");
        assertRefused(admin.get("/api/v1/persons?ageTo=-1"), "ageTo", "range");
        assertRefused(admin.get("/api/v1/persons?name=%E5%BC%A0%00"), "name", "controlCharacter");
        assertRefused(admin.get("/api/v1/exports/persons?ageFrom=99999999"), "ageFrom", "range");
        Api.Response zh = admin.get("/api/v1/persons?ageFrom=99999999");
        assertThat(zh.<String>json("$.errors[0].message")).isEqualTo("年龄下限：应在 0 到 150 之间。");
        assertThat(admin.get("/api/v1/persons?ageFrom=20&ageTo=30").status()).isEqualTo(200);
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertRefused(admin.get("/api/v1/exchange/outbox?limit=-1"), "limit", "atLeast");
        assertRefused(admin.get("/api/v1/exchange/inbox?limit=-1"), "limit", "atLeast");
        assertRefused(admin.get("/api/v1/exchange/inbox?limit=abc"), "limit", "wholeNumber");
    }

    @Test
    void aMistypedPeriodIsRefusedNamingThePeriod() {
        assertRefused(admin.get("/api/v1/support/visits?period=garbage"), "period", "period");
        assertRefused(admin.get("/api/v1/support/totals?period=garbage"), "period", "period");
        assertRefused(admin.get("/api/v1/support/totals?period=2024-03-01..2024-02-01"), "period", "period");
        assertRefused(admin.get("/api/v1/support/totals"), "period", "required");
    }

    @Test
    void statisticsPagesShowWhatIsWrongInsteadOfAnError() {
        for (String page : List.of("/stats", "/stats/report", "/stats/tables", "/stats/tables.xlsx", "/stats/report.pdf")) {
            Api.Response period = admin.get(page + "?period=garbage");
            assertThat(period.status()).as(page).isEqualTo(400);
            assertThat(period.contentType()).as(page).startsWith("text/html");
            assertThat(period.body()).as(page).contains("统计期：“garbage”不是统计期");
            Api.Response area = admin.get(page + "?area=999999999&period=2024");
            assertThat(area.status()).as(page).isEqualTo(400);
            assertThat(area.body()).as(page).contains("区域：区域“999999999”不存在");
        }
        assertThat(admin.get("/stats?period=2024").status()).isEqualTo(200);
    }

    private String arrival(String housing) {
        LocalDate birth = LocalDate.of(1990, 6, 1);
        String person = TestData.person(TestData.idNumber(birth, "1"), "流入人员", "1", birth, VILLAGE, null, "")
                .replace("\"hukouCode\":\"430105\"", "\"hukouCode\":\"440300\"");
        return "{\"person\":" + person + ",\"arrivedOn\":\"" + LocalDate.now().minusDays(3) + "\",\"reason\":\"务工\","
                + "\"employer\":\"某厂\",\"housing\":\"" + housing + "\",\"landlord\":\"李四\",\"expectedStayMonths\":12,\"keySubject\":false}";
    }

    @Test
    void anArrivalTakesTheKnownNameOfAHousingAndRefusesAnUnknownOne() {
        Api.Response named = admin.post("/api/v1/migration/arrivals", arrival("出租屋"));
        assertThat(named.status()).as(named.body()).isEqualTo(201);
        assertThat(admin.post("/api/v1/migration/arrivals", arrival("RENTED")).status()).isEqualTo(201);
        Api.Response unknown = admin.post("/api/v1/migration/arrivals", arrival("城堡"));
        assertRefused(unknown, "housing", "housing");
        assertThat(unknown.<String>json("$.errors[0].message")).contains("城堡");
        Api.Response stay = admin.post("/api/v1/migration/arrivals", arrival("OWN").replace("\"expectedStayMonths\":12",
                "\"expectedStayMonths\":-5"));
        assertRefused(stay, "expectedStayMonths", "range");
    }

    @Test
    void freeTextHasItsLengthLimitAndNoControlCharacters() {
        LocalDate birth = LocalDate.of(1980, 1, 1);
        String longAddress = TestData.person(TestData.idNumber(birth, "2"), "长地址", "2", birth, VILLAGE, null, "")
                .replace("测试地址", "村".repeat(TextLimits.ADDRESS + 1));
        assertRefused(admin.post("/api/v1/persons", longAddress), "address", "maxLength");
        String nul = TestData.person(TestData.idNumber(birth, "2"), "张\\u0000三", "2", birth, VILLAGE, null, "");
        assertRefused(admin.post("/api/v1/persons", nul), "name", "controlCharacter");
        String nested = arrival("OWN").replace("\"employer\":\"某厂\"", "\"employer\":\"某\\u0007厂\"");
        assertRefused(admin.post("/api/v1/migration/arrivals", nested), "employer", "controlCharacter");
        String fine = TestData.person(TestData.idNumber(birth, "2"), "短地址", "2", birth, VILLAGE, null, "")
                .replace("测试地址", "村".repeat(TextLimits.ADDRESS));
        assertThat(admin.post("/api/v1/persons", fine).status()).isEqualTo(201);
    }

    @Test
    void aTenMillionCharacterAddressIsRefusedBeforeItIsRead() throws Exception {
        LocalDate birth = LocalDate.of(1980, 1, 1);
        String huge = TestData.person(TestData.idNumber(birth, "2"), "巨大地址", "2", birth, VILLAGE, null, "")
                .replace("测试地址", "x".repeat(10_000_000));
        Api.Response r = admin.post("/api/v1/persons", huge);
        assertThat(r.status()).as(r.body().length() > 300 ? r.body().substring(0, 300) : r.body()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        // without a declared length the body is cut off once it passes the limit
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/persons"))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)))).build();
        HttpResponse<String> cut = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(cut.statusCode()).isBetween(400, 499);
    }

    @Test
    void aMalformedUploadIsRefusedAsSuch() throws Exception {
        String boundary = "----renkoubroken";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nname,sex\r\n张三,1\r\n").getBytes(StandardCharsets.UTF_8); // no closing boundary
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports/persons"))
                .header("Authorization", basic()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"file\"");
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("admin:admin123".getBytes(StandardCharsets.UTF_8));
    }
}
