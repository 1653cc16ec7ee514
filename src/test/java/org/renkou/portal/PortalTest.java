package org.renkou.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.renkou.SentMessages;
import org.renkou.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public portal: private links, rate limits, no overbooking, one-time codes and its strict boundary. */
@RenkouTest
class PortalTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private PortalClient.Page ask(PortalClient c, String subject, String body, String phone) {
        c.get("/portal/ask");
        return c.post("/portal/ask", Map.of("kind", "COMPLAINT", "subject", subject, "body", body, "contactPhone", phone));
    }

    @Test
    void theStaffQueueIsPagedWithItsTrueTotal() {
        for (String phone : List.of("13912340011", "13912340012")) {
            assertThat(ask(new PortalClient(port), "排队", "窗口排队太久", phone).status()).isEqualTo(302);
        }
        Api officer = Api.as(port, "officer", "officer123");
        Api.Response all = officer.get("/api/v1/portal/requests?open=false&size=500");
        int total = all.<Integer>json("$.total");
        assertThat(all.<List<Object>>json("$.items")).hasSize(total).hasSizeGreaterThanOrEqualTo(2);
        Api.Response first = officer.get("/api/v1/portal/requests?open=false&size=1");
        assertThat(first.<List<Object>>json("$.items")).hasSize(1);
        assertThat(first.<Integer>json("$.total")).isEqualTo(total);
        Api.Response second = officer.get("/api/v1/portal/requests?open=false&size=1&page=1");
        assertThat(second.<Integer>json("$.items[0].id")).isNotEqualTo(first.<Integer>json("$.items[0].id"));
    }

    @Test
    void aComplaintIsFollowedByItsPrivateLinkOnlyAndEverythingIsEscaped() {
        PortalClient c = new PortalClient(port);
        PortalClient.Page sent = ask(c, "<b>服务态度</b>", "<script>alert('x')</script>窗口排队太久", "13912340001");
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        String location = sent.location();
        assertThat(location).as("the secret stays out of addresses").doesNotContain("t=");
        String tracking = location.replaceAll(".*/portal/requests/", "");
        PortalClient.Page page = c.get(location);
        assertThat(page.body()).contains(tracking).contains("&lt;script&gt;").doesNotContain("<script>alert");
        String link = privateLink(page);
        PortalClient later = new PortalClient(port);
        PortalClient.Page opened = later.get(link);
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.location()).as("opened once, then shown without the secret").endsWith("/portal/requests/" + tracking);
        assertThat(later.get(opened.location()).body()).contains("窗口排队太久");
        assertThat(new PortalClient(port).get("/portal/requests/" + tracking).status()).as("tracking number alone").isEqualTo(404);
        assertThat(new PortalClient(port).get("/portal/requests/" + tracking + "?t=WRONG").status()).isEqualTo(404);

        Api officer = Api.as(port, "officer", "officer123");
        List<Integer> ids = officer.get("/api/v1/portal/requests?size=500").json("$.items[?(@.trackingNo == '" + tracking + "')].id");
        assertThat(officer.post("/api/v1/portal/requests/" + ids.get(0) + "/answer", "{\"answer\":\"已约谈窗口人员并整改\"}").status()).isEqualTo(200);
        assertThat(c.get(location).body()).contains("已约谈窗口人员并整改").contains("已答复");
        assertThat(SentMessages.lastTo("13912340001")).contains(tracking).contains("答复");
        assertThat(officer.post("/api/v1/portal/requests/" + ids.get(0) + "/followups", "{\"note\":\"电话回访，群众满意\"}")
                .<List<String>>json("$")).anySatisfy(f -> assertThat(f).contains("群众满意"));
    }

    @Test
    void onlyAClosingThatHappenedIsAudited() {
        PortalClient c = new PortalClient(port);
        String link = ask(c, "办结测试", "请问办事时间", "13912340077").location();
        String tracking = link.replaceAll(".*/portal/requests/([^?]+).*", "$1");
        Api officer = Api.as(port, "officer", "officer123");
        int id = officer.get("/api/v1/portal/requests?size=500").<List<Integer>>json("$.items[?(@.trackingNo == '" + tracking + "')].id").get(0);
        String closes = "select count(*) from audit_log where action = 'UPDATE' and entity = 'portal_request'"
                + " and detail = 'closed' and entity_id = ?";
        Api.Response early = officer.post("/api/v1/portal/requests/" + id + "/close", "{}");
        assertThat(early.status()).as("not answered yet").isEqualTo(409);
        assertThat(jdbc.sql(closes).param(String.valueOf(id)).query(Long.class).single()).isZero();
        officer.post("/api/v1/portal/requests/" + id + "/answer", "{\"answer\":\"周一至周五\"}");
        assertThat(officer.post("/api/v1/portal/requests/" + id + "/close", "{}").<String>json("$.state")).isEqualTo("CLOSED");
        assertThat(officer.post("/api/v1/portal/requests/" + id + "/close", "{}").status()).as("closing again changes nothing")
                .isEqualTo(200);
        assertThat(jdbc.sql(closes).param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theTownOfficeEditsTheInformationPages() {
        Api officer = Api.as(port, "officer", "officer123");
        assertThat(officer.put("/api/v1/portal/pages/opening-hours", "{\"title\":\"办公时间\",\"body\":\"周一至周五\\n\\n节假日<休息>\"}")
                .status()).isEqualTo(200);
        PortalClient.Page page = new PortalClient(port).get("/portal/pages/opening-hours");
        assertThat(page.body()).contains("办公时间").contains("节假日&lt;休息&gt;");
        assertThat(Api.as(port, "cadre", "cadre123").put("/api/v1/portal/pages/x", "{\"title\":\"x\",\"body\":\"x\"}").status())
                .isEqualTo(403);
    }

    @Test
    void onePhoneMayNotFloodTheFormButARealPersonStillGetsThrough() {
        PortalClient c = new PortalClient(port);
        for (int i = 0; i < 5; i++) {
            assertThat(ask(c, "咨询" + i, "内容", "13912340002").status()).isEqualTo(302);
        }
        PortalClient.Page sixth = ask(c, "咨询6", "内容", "13912340002");
        assertThat(sixth.status()).isEqualTo(200);
        assertThat(sixth.body()).contains("提交过于频繁");
        assertThat(ask(c, "同一网络的另一人", "内容", "13912340003").status()).as("same address, another phone").isEqualTo(302);
    }

    @Test
    void concurrentBookingsNeverOverbookASlot() throws Exception {
        Api officer = Api.as(port, "officer", "officer123");
        int point = officer.post("/api/v1/portal/points", "{\"name\":\"并发服务点\",\"address\":\"测试\"}").json("$.id");
        int slot = officer.post("/api/v1/portal/points/" + point + "/slots", "{\"service\":\"CHECK\",\"startsAt\":\""
                + OffsetDateTime.now().plusDays(3) + "\",\"capacity\":3}").json("$.id");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PortalClient.Page>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String phone = "1391234100" + i;
            results.add(pool.submit(() -> {
                PortalClient c = new PortalClient(port);
                c.get("/portal/appointments");
                start.await();
                return c.post("/portal/appointments", Map.of("slotId", String.valueOf(slot), "name", "预约人", "phone", phone));
            }));
        }
        start.countDown();
        int booked = 0;
        for (Future<PortalClient.Page> f : results) {
            booked += f.get().location().contains("/portal/appointments/Y") ? 1 : 0;
        }
        pool.shutdown();
        assertThat(booked).isEqualTo(3);
        assertThat(jdbc.sql("select booked from appointment_slot where id = ?").param(slot).query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from appointment where slot_id = ? and state = 'BOOKED'").param(slot).query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void concurrentCancelsAndChangesGiveAPlaceBackExactlyOnce() throws Exception {
        Api officer = Api.as(port, "officer", "officer123");
        int point = officer.post("/api/v1/portal/points", "{\"name\":\"取消并发服务点\",\"address\":\"测试\"}").json("$.id");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        for (int round = 0; round < 3; round++) {
            int[] slots = new int[2];
            for (int i = 0; i < 2; i++) {
                slots[i] = officer.post("/api/v1/portal/points/" + point + "/slots", "{\"service\":\"CHECK\",\"startsAt\":\""
                        + OffsetDateTime.now().plusDays(4 + i) + "\",\"capacity\":3}").json("$.id");
            }
            List<String> links = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                PortalClient c = new PortalClient(port);
                c.get("/portal/appointments");
                String location = c.post("/portal/appointments", Map.of("slotId", String.valueOf(slots[0]), "name", "取消人",
                        "phone", "138123420" + round + i)).location();
                links.add(privateLink(c.get(location)));
            }
            // half the callers cancel the first booking; the others cancel or move the second one
            CountDownLatch ready = new CountDownLatch(20);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<PortalClient.Page>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String link = links.get(i < 10 ? 0 : 1);
                boolean cancel = i < 10 || i % 2 == 0;
                results.add(pool.submit(() -> {
                    PortalClient c = new PortalClient(port);
                    String path = c.get(link).location();
                    assertThat(c.get(path).body()).contains("cancel-form");
                    String secret = link.replaceAll(".*[?&]t=", "");
                    ready.countDown();
                    start.await();
                    return cancel ? c.post(path + "/cancel", Map.of("t", secret))
                            : c.post(path + "/change", Map.of("t", secret, "slotId", String.valueOf(slots[1])));
                }));
            }
            ready.await();
            start.countDown();
            for (Future<PortalClient.Page> f : results) {
                assertThat(f.get().status()).as("never an error page").isEqualTo(302);
            }
            for (int slot : slots) {
                assertThat(jdbc.sql("select booked from appointment_slot where id = ?").param(slot).query(Integer.class).single())
                        .as("slot " + slot + " counts its bookings exactly")
                        .isEqualTo(jdbc.sql("select count(*) from appointment where slot_id = ? and state = 'BOOKED'")
                                .param(slot).query(Integer.class).single());
            }
            assertThat(jdbc.sql("select booked from appointment_slot where id = ?").param(slots[0]).query(Integer.class).single())
                    .as("the third booking keeps its place").isEqualTo(1);
        }
        pool.shutdown();
    }

    @Test
    void aResidentSeesOnlyTheirOwnRecordAfterAOneTimeCode() {
        Api admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "220");
        LocalDate birth = LocalDate.of(1991, 7, 7);
        String id = TestData.idNumber(birth, "2");
        String phone = "13900" + id.substring(12, 18).replace("X", "0");
        Api.Response created = admin.post("/api/v1/persons", TestData.person(id, "门户本人", "2", birth, "430105220001", null, "")
                .replace("13800000000", phone));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        PortalClient stranger = new PortalClient(port);
        stranger.get("/portal/me");
        int before = SentMessages.SENT.size();
        PortalClient.Page guess = stranger.post("/portal/me/code", Map.of("idNumber", id, "name", "别人"));
        assertThat(stranger.get(guess.location()).body()).as("the same answer either way").contains("如信息正确");
        assertThat(SentMessages.SENT.size()).as("no code for a wrong name").isEqualTo(before);

        PortalClient me = new PortalClient(port);
        me.get("/portal/me");
        me.post("/portal/me/code", Map.of("idNumber", id, "name", "门户本人"));
        String code = SentMessages.lastTo(phone).replaceAll(".*验证码为 (\\d{6}).*", "$1");
        me.get("/portal/me");
        me.post("/portal/me/verify", Map.of("code", code));
        PortalClient.Page mine = me.get("/portal/me");
        assertThat(mine.body()).contains("门户本人").contains(id.substring(0, 6) + "********").doesNotContain(id);
        assertThat(me.get("/persons").status()).as("no staff page").isIn(302, 401);
        assertThat(me.get("/api/v1/persons/" + created.json("$.id")).status()).as("no staff API").isEqualTo(401);

        PortalClient replay = new PortalClient(port);
        replay.get("/portal/me");
        replay.post("/portal/me/code", Map.of("idNumber", id, "name", "门户本人"));
        String fresh = SentMessages.lastTo(phone).replaceAll(".*验证码为 (\\d{6}).*", "$1");
        replay.get("/portal/me");
        replay.post("/portal/me/verify", Map.of("code", code));
        assertThat(replay.get("/portal/me").body()).as("a used code does not work again").doesNotContain("me-name");
        jdbc.sql("update portal_code set expires_at = now() - interval '1 minute' where used_at is null").update();
        replay.get("/portal/me");
        replay.post("/portal/me/verify", Map.of("code", fresh));
        assertThat(replay.get("/portal/me").body()).as("an expired code does not work").doesNotContain("me-name");
    }

    @Test
    void guessingCodesLocksThePersonOut() {
        Api admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "220");
        LocalDate birth = LocalDate.of(1992, 8, 8);
        String id = TestData.idNumber(birth, "1");
        String phone = "13700" + id.substring(12, 18).replace("X", "0");
        admin.post("/api/v1/persons", TestData.person(id, "门户猜码", "1", birth, "430105220001", null, "").replace("13800000000", phone));
        PortalClient attacker = new PortalClient(port);
        attacker.get("/portal/me");
        attacker.post("/portal/me/code", Map.of("idNumber", id, "name", "门户猜码"));
        String right = SentMessages.lastTo(phone).replaceAll(".*验证码为 (\\d{6}).*", "$1");
        for (int i = 0; i < 5; i++) {
            attacker.get("/portal/me");
            attacker.post("/portal/me/verify", Map.of("code", right.equals("000000") ? "111111" : "000000"));
        }
        attacker.get("/portal/me");
        attacker.post("/portal/me/verify", Map.of("code", right));
        assertThat(attacker.get("/portal/me").body()).as("locked even for the right code").doesNotContain("me-name");
    }

    @Test
    void twentySimultaneousWrongCodesCountAsExactlyTheFiveAllowed() throws Exception {
        Api admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "220");
        LocalDate birth = LocalDate.of(1993, 9, 9);
        String id = TestData.idNumber(birth, "1");
        String phone = "13600" + id.substring(12, 18).replace("X", "0");
        admin.post("/api/v1/persons", TestData.person(id, "门户并发", "1", birth, "430105220001", null, "").replace("13800000000", phone));
        PortalClient attacker = new PortalClient(port);
        attacker.get("/portal/me");
        attacker.post("/portal/me/code", Map.of("idNumber", id, "name", "门户并发"));
        String right = SentMessages.lastTo(phone).replaceAll(".*验证码为 (\\d{6}).*", "$1");
        String wrong = right.equals("000000") ? "111111" : "000000";
        attacker.get("/portal/me");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PortalClient.Page>> tries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tries.add(pool.submit(() -> {
                start.await();
                return attacker.post("/portal/me/verify", Map.of("code", wrong));
            }));
        }
        start.countDown();
        for (Future<PortalClient.Page> f : tries) {
            assertThat(f.get().status()).isEqualTo(302);
        }
        pool.shutdown();
        long person = jdbc.sql("select id from person where id_number = ?").param(id).query(Long.class).single();
        assertThat(jdbc.sql("select sum(attempts) from portal_code where person_id = ?").param(person).query(Long.class).single())
                .as("exactly the allowed attempts were compared").isEqualTo(5);
        attacker.get("/portal/me");
        attacker.post("/portal/me/verify", Map.of("code", right));
        assertThat(attacker.get("/portal/me").body()).doesNotContain("me-name");
    }

    /** The private link a page shows the resident to keep. */
    private static String privateLink(PortalClient.Page page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"private-link\">([^<]+)<").matcher(page.body());
        assertThat(m.find()).as("the page shows its private link").isTrue();
        return m.group(1).replace("&amp;", "&");
    }
}
