package org.renkou.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Cross-site calls of the API are refused, and every page says where its scripts may come from. */
@RenkouTest
class WebSecurityTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder asOfficer(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("county:county123".getBytes(StandardCharsets.UTF_8)));
    }

    private String person() {
        Api admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "220");
        LocalDate birth = LocalDate.of(1980, 3, 3);
        Api.Response created = admin.post("/api/v1/persons", TestData.person(TestData.idNumber(birth, "1"), "跨站测试", "1",
                birth, "430105220001", null, ""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return String.valueOf(created.<Integer>json("$.id"));
    }

    private String state(String personId) {
        return jdbc.sql("select entered_by_mistake || '/' || version from person where id = ?").param(Long.parseLong(personId)).query(String.class).single();
    }

    @Test
    void aBrowserCannotChangeDataThroughTheApiForAnotherSite() throws Exception {
        String id = person();
        String before = state(id);
        String path = "/api/v1/persons/" + id + "/entered-by-mistake?version=0";
        List<HttpRequest.Builder> forged = List.of(
                // the form another site posts: the browser adds the cached Basic credentials by itself
                asOfficer(path).header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://evil.example")
                        .POST(HttpRequest.BodyPublishers.ofString("version=0")),
                asOfficer(path).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("version=0")),
                asOfficer(path).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")),
                asOfficer(path).header("Content-Type", "multipart/form-data; boundary=x").header("Sec-Fetch-Site", "cross-site")
                        .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")),
                asOfficer(path).header("Content-Type", "application/json").header("Origin", "null").POST(HttpRequest.BodyPublishers.ofString("")),
                asOfficer(path).header("Content-Type", "application/json").header("Cookie", "JSESSIONID=abc")
                        .POST(HttpRequest.BodyPublishers.ofString("")));
        for (HttpRequest.Builder request : forged) {
            HttpResponse<String> r = send(request);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(r.body()).contains("跨站");
        }
        assertThat(state(id)).as("nothing changed").isEqualTo(before);
        assertThat(send(asOfficer(path).header("Content-Type", "application/json").header("Origin", "http://localhost:" + port)
                .header("Cookie", "JSESSIONID=abc").header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString(""))).statusCode()).as("a script of our own pages").isEqualTo(204);
    }

    @Test
    void pagesCarryAContentSecurityPolicyWithoutInlineScriptAndAReferrerPolicy() throws Exception {
        for (String path : List.of("/login", "/portal", "/api/v1/areas")) {
            HttpResponse<String> r = send(asOfficer(path).GET());
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("script-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'");
            assertThat(csp.replaceAll(".*script-src ([^;]*).*", "$1")).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
        }
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET());
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
                .containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));
    }

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("(?<![a-z0-9_-])(th:)?on[a-z]+\\s*=|hx-on|javascript:", Pattern.CASE_INSENSITIVE);

    /** The policy allows no inline script, so none may be written: scripts live in static/js. */
    @Test
    void noTemplateHoldsAnInlineScriptOrEventHandler() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<Path> templates = files.filter(p -> p.toString().endsWith(".html")).toList();
            assertThat(templates).hasSizeGreaterThan(20);
            for (Path template : templates) {
                String html = Files.readString(template);
                assertThat(INLINE_SCRIPT.matcher(html).find()).as(template + " has an inline <script>").isFalse();
                assertThat(HANDLER.matcher(html).find()).as(template + " has an on* handler or javascript: URL").isFalse();
            }
        }
    }

    /**
     * The session cookie is SameSite and HttpOnly always, and Secure once the request came over HTTPS: behind the
     * TLS proxy the README describes (server.forward-headers-strategy=native, set for the tests), whose
     * X-Forwarded-Proto says so.
     */
    @Test
    void theSessionCookieIsSecureOverHttpsAndNeverSentCrossSite() throws Exception {
        String overHttps = sessionCookie(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-Proto", "https"));
        assertThat(overHttps).contains("JSESSIONID=").containsIgnoringCase("; Secure").containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("HttpOnly");
        String plain = sessionCookie(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")));
        assertThat(plain).contains("JSESSIONID=").doesNotContainIgnoringCase("Secure").containsIgnoringCase("SameSite=Lax");
    }

    private String sessionCookie(HttpRequest.Builder request) throws Exception {
        return send(request).headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElse("");
    }
}
