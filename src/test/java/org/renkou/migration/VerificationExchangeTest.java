package org.renkou.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.RenkouApplication;
import static org.renkou.TwoNodes.await;
import static org.renkou.TwoNodes.introduce;
import static org.renkou.TwoNodes.url;
import org.renkou.TestData;
import org.renkou.area.Area;
import org.renkou.access.SignedIn;
import org.renkou.area.AreaService;
import org.renkou.people.PersonForm;
import org.renkou.people.PersonService;
import org.renkou.people.PersonStatus;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The inflow town (A) registers an arrival; its verification request reaches the hukou town (B), which
 * matches the person by ID number, verifies and answers; A receives the feedback.
 */
class VerificationExchangeTest {
    static final String A = "430105100";
    static final String B = "430121100";
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    static ConfigurableApplicationContext start(String code) {
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(RenkouApplication.class)
                .run("--server.port=0", "--renkou.embedded-db.ephemeral=true", "--renkou.embedded-db.name=mig-" + code,
                        "--renkou.demo=false", "--renkou.node.code=" + code, "--renkou.exchange.dispatch-ms=100",
                        "--RENKOU_ADMIN_PASSWORD=node-admin-pw", "--spring.main.banner-mode=off");
        AreaService areas = ctx.getBean(AreaService.class);
        String county = code.substring(0, 6);
        SignedIn.as(ctx, "admin", () -> {
            areas.create(new Area(county, "县" + county, Area.Level.COUNTY, null, null, null));
            areas.create(new Area(code, "镇" + code, Area.Level.TOWN, county, null, null));
            areas.create(new Area(code + "201", "村" + code, Area.Level.VILLAGE, code, Area.Kind.VILLAGE, null));
        });
        return ctx;
    }


    @BeforeAll
    static void startNodes() {
        nodeA = start(A);
        nodeB = start(B);
        introduce(nodeA, nodeB, url(nodeB));
        introduce(nodeB, nodeA, url(nodeA));
    }

    /** The tests call both nodes' services as their administrator (the nodes' accounts are alike). */
    @BeforeEach
    void signIn() {
        SignedIn.begin(nodeA, "admin");
    }

    @AfterEach
    void signOut() {
        SignedIn.end();
    }

    @AfterAll
    static void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    static PersonForm person(String idNumber, String name, LocalDate birth, String village, PersonStatus status) {
        return new PersonForm(idNumber, false, name, "2", birth, "01", "20", null, null, null, "430121100201", village,
                null, status, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void anArrivalsRequestIsMatchedVerifiedAndAnswered() {
        LocalDate birth = LocalDate.of(1988, 8, 8);
        String first17 = "430121" + "19880808" + "024";
        String idNumber = first17 + org.renkou.common.IdNumber.checkChar(first17);
        nodeB.getBean(PersonService.class).create(person(idNumber, "外出妇女", birth, B + "201", PersonStatus.OUTFLOW),
                PersonService.Source.SYSTEM);

        MigrationService migrationA = nodeA.getBean(MigrationService.class);
        VerificationRequest sent = migrationA.registerArrival(new Arrival(
                person(idNumber, "外出妇女", birth, A + "201", PersonStatus.INFLOW), LocalDate.now().minusDays(3),
                "来企业务工", "大明电子厂", "DORMITORY", null, 12, true));
        assertThat(sent.state()).isEqualTo("SENT");
        assertThat(sent.deadline()).isEqualTo(LocalDate.now(org.renkou.common.Dates.ZONE).plusDays(15));

        MigrationService migrationB = nodeB.getBean(MigrationService.class);
        await(() -> migrationB.find(sent.id()).isPresent());
        VerificationRequest received = migrationB.find(sent.id()).orElseThrow();
        assertThat(received.state()).isEqualTo("MATCHED");
        assertThat(received.personId()).isNotNull();
        assertThat(received.peerCode()).isEqualTo(A);

        migrationB.answer(sent.id(), new Feedback(true, "20", 1, "IUD", "核实：上环"));
        await(() -> "ANSWERED".equals(migrationA.find(sent.id()).orElseThrow().state()));
        assertThat(migrationA.find(sent.id()).orElseThrow().feedback()).contains("IUD").contains("\"children\":1");

        // an unanswered request past its deadline is overdue and lowers the timeliness
        VerificationRequest late = migrationA.request(nodeA.getBean(PersonService.class).get(sent.personId()), false);
        nodeA.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("update verification_request set deadline = current_date - 1 where id = ?").param(late.id()).update();
        assertThat(migrationA.overdue()).extracting(VerificationRequest::id).contains(late.id())
                .doesNotContain(sent.id());
        LocalDate today = LocalDate.now(org.renkou.common.Dates.ZONE);
        Timeliness t = migrationA.timeliness(today.minusDays(1), today);
        assertThat(t.answeredInTime()).isGreaterThanOrEqualTo(1);
        assertThat(t.sent()).isGreaterThan(t.answeredInTime());
    }

    @Test
    void aPersonUnknownAtTheHukouPlaceWaitsForStaff() {
        LocalDate birth = LocalDate.of(1995, 1, 1);
        String idNumber = TestData.idNumber(birth, "2").replaceFirst("^430105", "430121");
        idNumber = idNumber.substring(0, 17) + org.renkou.common.IdNumber.checkChar(idNumber.substring(0, 17));
        VerificationRequest sent = nodeA.getBean(MigrationService.class).registerArrival(new Arrival(
                person(idNumber, "未知者", birth, A + "201", PersonStatus.INFLOW), LocalDate.now().minusDays(1),
                "租房居住办企业", null, "RENTED", "房东张", 6, false));
        assertThat(sent.deadline()).isEqualTo(LocalDate.now(org.renkou.common.Dates.ZONE).plusDays(30));
        MigrationService migrationB = nodeB.getBean(MigrationService.class);
        await(() -> migrationB.find(sent.id()).isPresent());
        assertThat(migrationB.find(sent.id()).orElseThrow().state()).isEqualTo("UNMATCHED");
    }

    @Test
    void onlyTheNodeARequestWentToMayAnswerIt() {
        LocalDate birth = LocalDate.of(1990, 2, 2);
        String idNumber = TestData.idNumber(birth, "2").replaceFirst("^430105", "430121");
        idNumber = idNumber.substring(0, 17) + org.renkou.common.IdNumber.checkChar(idNumber.substring(0, 17));
        MigrationService migrationA = nodeA.getBean(MigrationService.class);
        VerificationRequest sent = migrationA.registerArrival(new Arrival(
                person(idNumber, "冒答者", birth, A + "201", PersonStatus.INFLOW), LocalDate.now().minusDays(1),
                "来企业务工", null, "RENTED", null, 6, false));
        assertThat(sent.peerCode()).startsWith(B);

        // a signed message from another peer (the exchange checked its signature) about a request it never got
        org.renkou.exchange.ExchangeHandler feedback = nodeA.getBean("verificationFeedback",
                org.renkou.exchange.ExchangeHandler.class);
        feedback.handle(new org.renkou.exchange.IncomingMessage(java.util.UUID.randomUUID(), "430122100",
                MigrationService.FEEDBACK, sent.id(), "{\"note\":\"伪造\"}"));
        VerificationRequest after = migrationA.find(sent.id()).orElseThrow();
        assertThat(after.state()).isEqualTo("SENT");
        assertThat(after.feedback()).isNull();

        feedback.handle(new org.renkou.exchange.IncomingMessage(java.util.UUID.randomUUID(), B,
                MigrationService.FEEDBACK, sent.id(), "{\"note\":\"核实\"}"));
        assertThat(migrationA.find(sent.id()).orElseThrow().feedback()).contains("核实");
    }
}
