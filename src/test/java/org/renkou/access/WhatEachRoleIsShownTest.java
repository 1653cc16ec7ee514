package org.renkou.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What each role is shown, found as the user finds it: by following every link of the pages they are given,
 * lists, exports and API answers included. One page that forgets the rule fails here, whichever feature it
 * belongs to.
 */
@RenkouTest
class WhatEachRoleIsShownTest {
    /** A whole ID number: area code, a birth date, sequence and check character. */
    private static final Pattern WHOLE = Pattern.compile(
            "(?<![0-9])[1-9]\\d{5}(19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx](?![0-9A-Za-z])");
    private static final Pattern MASKED = Pattern.compile("\\d{6}\\*{8,}");
    private static final String VILLAGE = "430105100201";
    private static final int PER_SHAPE = 1;
    private static final int MAX_PAGES = 150;

    @LocalServerPort
    int port;

    private List<Crawler.Page> walk(String user, String password, String... seeds) {
        List<String> start = new java.util.ArrayList<>(List.of("/"));
        start.addAll(List.of(seeds));
        List<Crawler.Page> pages = new Crawler(port, user, password).walk(start, PER_SHAPE, MAX_PAGES);
        assertThat(pages.stream().filter(p -> p.status() == 200)).as(user + " reached pages").hasSizeGreaterThan(20);
        return pages;
    }

    private static List<String> showing(List<Crawler.Page> pages, Predicate<String> leak) {
        return pages.stream().filter(p -> leak.test(p.body())).map(Crawler.Page::path).toList();
    }

    @Test
    void theClinicIsShownNoWholeIdNumberAnywhere() {
        List<Crawler.Page> pages = walk("clinic", "clinic123", "/persons?area=" + VILLAGE, "/api/v1/persons?size=50",
                "/api/v1/exports/persons?area=" + VILLAGE, "/health", "/referrals");
        assertThat(showing(pages, b -> MASKED.matcher(b).find())).as("the walk reached masked numbers").isNotEmpty();
        assertThat(showing(pages, b -> WHOLE.matcher(b).find())).as("clinic pages with whole ID numbers").isEmpty();
    }

    @Test
    void theSupervisorIsShownNoIdNumberAtAll() {
        List<Crawler.Page> pages = walk("supervisor", "super123", "/stats", "/stats/tables", "/assessment", "/verification");
        assertThat(showing(pages, b -> WHOLE.matcher(b).find() || MASKED.matcher(b).find()))
                .as("supervisor pages with ID numbers").isEmpty();
    }

    @Test
    void aTownOfficerIsShownNothingOfAnotherTown() {
        Api admin = Api.as(port, "admin", "admin123");
        String town = TestData.town(admin, "232");
        LocalDate birth = LocalDate.of(1986, 6, 6);
        String idNumber = TestData.idNumber(birth, "2");
        Api.Response created = admin.post("/api/v1/persons", TestData.person(idNumber, "邻镇秘户", "2", birth, town + "001",
                null, ""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        int id = created.json("$.id");
        String household = created.json("$.householdNo");
        // no search page as a seed: it shows the name searched for in its own form
        List<String> direct = List.of("/persons/" + id, "/api/v1/persons/" + id, "/api/v1/persons/" + id + "/history",
                "/households/" + created.json("$.householdId"), "/api/v1/persons?idNumber=" + idNumber,
                "/api/v1/exports/persons?area=" + town, "/health/women/" + id, "/migration/persons/" + id);
        Crawler county = new Crawler(port, "county", "county123");
        assertThat(county.get("/persons/" + id).body()).as("the county sees the town").contains("邻镇秘户");

        List<Crawler.Page> pages = walk("officer", "officer123", direct.toArray(String[]::new));
        assertThat(showing(pages, b -> b.contains("邻镇秘户") || b.contains(idNumber) || b.contains(household)))
                .as("town officer pages showing the other town's person").isEmpty();
        admin.post("/api/v1/persons/" + id + "/entered-by-mistake?version=0", "");
    }

    @Test
    void thePoliceIsShownNoRegisteredResident() {
        Api admin = Api.as(port, "admin", "admin123");
        LocalDate birth = LocalDate.of(1970, 7, 17);
        String idNumber = TestData.idNumber(birth, "1");
        Api.Response created = admin.post("/api/v1/persons", TestData.person(idNumber, "户籍秘民", "1", birth, VILLAGE,
                null, ""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        int id = created.json("$.id");
        String byNumber = "/api/v1/persons?idNumber=" + idNumber;
        assertThat(new Crawler(port, "cadre", "cadre123").get(byNumber).body()).as("the cadre finds the resident")
                .contains("户籍秘民");

        List<Crawler.Page> pages = walk("police", "police123", "/persons/" + id, "/api/v1/persons/" + id,
                "/households/" + created.json("$.householdId"), byNumber,
                "/api/v1/exports/persons?area=" + VILLAGE, "/migration");
        assertThat(showing(pages, b -> b.contains("户籍秘民") || b.contains(idNumber)))
                .as("police pages showing a registered resident").isEmpty();
        assertThat(pages.stream().filter(p -> p.status() == 200 && p.path().startsWith("/support")).map(Crawler.Page::path))
                .as("support pages the police reached").isEmpty();
        // leave the demo town's figures as they were
        assertThat(admin.post("/api/v1/persons/" + id + "/entered-by-mistake?version=0", "").status()).isEqualTo(204);
    }
}
