package org.renkou.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.renkou.RenkouTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The phone app's shell: its static parts load without a session (the service worker fetches them), the page
 * needs one, and the page's script reaches the API with the session it signed in with.
 */
@RenkouTest
class PhoneShellTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    /** A browser signed in through the login form: its cookie jar holds the session. */
    private HttpClient signedIn(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(request("/login").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(login);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + username + "&password=" + password + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = browser.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return browser;
    }

    @Test
    void theShellLoadsWithoutASessionAndThePageNeedsOne() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();
        for (String path : List.of("/verification/sw.js", "/verification/phone.js", "/verification/phone.css",
                "/verification/manifest.json", "/verification/icons/icon-192.png", "/verification/icons/icon-512.png",
                "/verification/vendor/idb-8.0.4.umd.js")) {
            HttpResponse<byte[]> r = anonymous.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> manifest = anonymous.send(request("/verification/manifest.json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(manifest.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(manifest.body()).contains("\"start_url\": \"phone\"").contains("192x192").contains("512x512");
        assertThat(anonymous.send(request("/verification/sw.js").GET().build(), HttpResponse.BodyHandlers.ofString())
                .headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        HttpResponse<String> page = anonymous.send(request("/verification/phone").header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void theGridWorkersPageOffersTheirOwnGridOnly() throws Exception {
        HttpResponse<String> page = signedIn("grid", "grid1234").send(request("/verification/phone").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-area=\"430105100201001\"").doesNotContain("data-area=\"430105100201002\"")
                .contains("rel=\"manifest\"").contains("data-user=\"grid\"");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
    }

    @Test
    void thePagesScriptCallsTheApiWithItsSession() throws Exception {
        HttpClient browser = signedIn("grid", "grid1234");
        HttpResponse<String> areas = browser.send(request("/api/v1/areas").header("X-Requested-With", "XMLHttpRequest")
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(areas.statusCode()).as(areas.body()).isEqualTo(200);
        assertThat(areas.headers().firstValue("Set-Cookie")).as("the API never starts a session").isEmpty();

        HttpResponse<String> forged = browser.send(request("/api/v1/areas").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a change with the cookie but not from our script").isEqualTo(403);

        HttpResponse<String> lapsed = HttpClient.newHttpClient().send(request("/api/v1/areas")
                .header("X-Requested-With", "XMLHttpRequest").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(lapsed.statusCode()).isEqualTo(401);
        assertThat(lapsed.headers().firstValue("WWW-Authenticate")).as("no password dialog over the page").isEmpty();
        HttpResponse<String> client = HttpClient.newHttpClient().send(request("/api/v1/areas").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(client.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
    }
}
