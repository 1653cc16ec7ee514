package org.renkou.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.renkou.RenkouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wrong passwords slow down one address for one account; nobody can lock the owner out. */
@RenkouTest
class LoginThrottleTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    AccessService access;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserService users;
    @Autowired
    CredentialCache credentialCache;

    private HttpResponse<String> basic(String user, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/areas"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private UserAccount account(String username) {
        jdbc.sql("delete from app_user where username = ?").param(username).update();
        return access.runAs(SystemPrincipal.FIRST_ADMINISTRATOR,
                () -> users.create(username, username, Role.TOWN_OFFICER, List.of("430105100"), "correct-horse"));
    }

    @Test
    void wrongPasswordsMakeThisAddressWaitForThisAccountOnly() throws Exception {
        account("throttleknown");
        UserAccount fresh = account("throttlenew");
        assertThat(basic("throttleknown", "correct-horse").statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(basic("throttleknown", "guess-" + i).statusCode()).isEqualTo(401);
            assertThat(basic("throttlenew", "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = basic("throttlenew", "correct-horse");
        assertThat(refused.statusCode()).as("refused unchecked while it waits").isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(basic("throttleknown", "correct-horse").statusCode()).as("a client known to have the password").isEqualTo(200);
        assertThat(basic("officer", "officer123").statusCode()).as("other accounts").isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'LOCKOUT' and entity_id = 'throttlenew'")
                .query(Long.class).single()).isPositive();
        access.runAs(SystemPrincipal.FIRST_ADMINISTRATOR, () -> users.unlock(fresh.id()));
        assertThat(basic("throttlenew", "correct-horse").statusCode()).as("an administrator lifts the wait").isEqualTo(200);
    }

    /** A browser that signed in to the account before keeps signing in while a stranger's guesses wait. */
    @Test
    void aBrowserThatSignedInBeforeStillSignsIn() throws Exception {
        account("throttlebrowser");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertThat(formLogin(browser, "correct-horse")).endsWith("/");
        for (int i = 0; i < 6; i++) {
            assertThat(basic("throttlebrowser", "guess-" + i).statusCode()).isIn(401, 429);
        }
        credentialCache.clear(); // a minute later: the remembered check of the first sign-in has expired
        HttpClient stranger = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertThat(formLogin(stranger, "correct-horse")).as("an unknown browser waits").contains("/login?throttled");
        assertThat(formLogin(browser, "correct-horse")).as("the known browser").doesNotContain("/login");
    }

    /** Signs in with the login form; answers where the form sends the browser. */
    private String formLogin(HttpClient client, String password) throws Exception {
        String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = "username=throttlebrowser&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow();
    }
}
