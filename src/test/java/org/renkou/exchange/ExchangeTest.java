package org.renkou.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.renkou.RenkouApplication;
import static org.renkou.TwoNodes.await;
import static org.renkou.TwoNodes.introduce;
import static org.renkou.TwoNodes.url;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.web.client.RestClient;

/** Two nodes on loopback, each with its own database: signed delivery, retries, exactly-once, refusals. */
class ExchangeTest {
    static final String A = "430105101";
    static final String B = "430105102";
    /** Messages each node's handlers saw: node code → message ids (a list, so duplicates would show). */
    static final Map<String, List<IncomingMessage>> SEEN = new ConcurrentHashMap<>();

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    /** Answers a ping with a pong that refers to it, as feedback answers a verification request. */
    static final class PingHandler implements ExchangeHandler {
        private final ExchangeService exchange;

        PingHandler(ExchangeService exchange) {
            this.exchange = exchange;
        }

        @Override
        public String kind() {
            return "test.ping";
        }

        @Override
        public void handle(IncomingMessage m) {
            SEEN.computeIfAbsent(exchange.nodeCode(), k -> new CopyOnWriteArrayList<>()).add(m);
            exchange.send(m.sender(), "test.pong", "{\"re\":\"" + m.id() + "\"}", m.id());
        }
    }

    static final class PongHandler implements ExchangeHandler {
        private final ExchangeService exchange;

        PongHandler(ExchangeService exchange) {
            this.exchange = exchange;
        }

        @Override
        public String kind() {
            return "test.pong";
        }

        @Override
        public void handle(IncomingMessage m) {
            SEEN.computeIfAbsent(exchange.nodeCode(), k -> new CopyOnWriteArrayList<>()).add(m);
        }
    }

    /** Cannot apply its messages while {@link #failing} is set, as a handler whose database is busy. */
    static final class FragileHandler implements ExchangeHandler {
        static volatile boolean failing;
        private final ExchangeService exchange;

        FragileHandler(ExchangeService exchange) {
            this.exchange = exchange;
        }

        @Override
        public String kind() {
            return "test.fragile";
        }

        @Override
        public void handle(IncomingMessage m) {
            if (failing) {
                throw new IllegalStateException("the register is busy");
            }
            SEEN.computeIfAbsent(exchange.nodeCode(), k -> new CopyOnWriteArrayList<>()).add(m);
        }
    }

    static ConfigurableApplicationContext start(String code) {
        return start(code, 100);
    }

    static ConfigurableApplicationContext start(String code, long dispatchMs) {
        return new SpringApplicationBuilder(RenkouApplication.class)
                .initializers(ctx -> {
                    ((GenericApplicationContext) ctx).registerBean(PingHandler.class);
                    ((GenericApplicationContext) ctx).registerBean(PongHandler.class);
                    ((GenericApplicationContext) ctx).registerBean(FragileHandler.class);
                })
                .run("--server.port=0", "--renkou.embedded-db.ephemeral=true", "--renkou.embedded-db.name=node-" + code,
                        "--renkou.demo=false", "--renkou.node.code=" + code, "--renkou.exchange.dispatch-ms=" + dispatchMs,
                        "--RENKOU_ADMIN_PASSWORD=node-admin-pw", "--spring.main.banner-mode=off");
    }

    @BeforeAll
    static void startNodes() {
        nodeA = start(A);
        nodeB = start(B);
        introduce(nodeA, nodeB, url(nodeB));
        introduce(nodeB, nodeA, url(nodeA));
    }

    @AfterAll
    static void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    static long seen(String node, UUID id) {
        return SEEN.getOrDefault(node, List.of()).stream().filter(m -> m.id().equals(id)).count();
    }

    static String state(ConfigurableApplicationContext node, UUID id) {
        return node.getBean(ExchangeService.class).outgoing(id).orElseThrow().state();
    }

    @Test
    void aRequestAndItsFeedbackMakeTheRoundTrip() {
        UUID ping = nodeA.getBean(ExchangeService.class).send(B, "test.ping", "{\"n\":1}", null);
        await(() -> "ACKNOWLEDGED".equals(state(nodeA, ping)));
        assertThat(seen(B, ping)).isEqualTo(1);
        await(() -> SEEN.getOrDefault(A, List.of()).stream().anyMatch(m -> ping.equals(m.correlationId())));
        IncomingMessage pong = SEEN.get(A).stream().filter(m -> ping.equals(m.correlationId())).findFirst().orElseThrow();
        assertThat(pong.sender()).isEqualTo(B);
        assertThat(pong.payload()).contains(ping.toString());
    }

    @Test
    void aDuplicateIsAcknowledgedButAppliedOnceAndForgeriesAreRefused() {
        NodeKeys keysA = nodeA.getBean(NodeKeys.class);
        UUID id = UUID.randomUUID();
        Envelope unsigned = new Envelope(id.toString(), A, B, "test.ping", null, Instant.now().toString(), "{}", null);
        Envelope signed = unsigned.signedWith(keysA.sign(unsigned.signedBytes()));
        RestClient http = RestClient.create(url(nodeB));
        for (int i = 0; i < 3; i++) {
            Dispatcher.Answer answer = http.post().uri("/exchange/v1/messages").body(List.of(signed)).retrieve()
                    .body(Dispatcher.Answer.class);
            assertThat(answer.acknowledged()).containsExactly(id.toString());
        }
        assertThat(seen(B, id)).isEqualTo(1);

        Envelope tampered = new Envelope(UUID.randomUUID().toString(), A, B, "test.ping", null, signed.sentAt(),
                "{\"evil\":true}", signed.signature());
        Envelope stranger = new Envelope(UUID.randomUUID().toString(), "999999", B, "test.ping", null,
                Instant.now().toString(), "{}", signed.signature());
        Envelope stale = new Envelope(UUID.randomUUID().toString(), A, B, "test.ping", null,
                Instant.now().minusSeconds(30L * 24 * 3600).toString(), "{}", null);
        stale = stale.signedWith(keysA.sign(stale.signedBytes()));
        Dispatcher.Answer answer = http.post().uri("/exchange/v1/messages").body(List.of(tampered, stranger, stale))
                .retrieve().body(Dispatcher.Answer.class);
        assertThat(answer.acknowledged()).isEmpty();
        assertThat(answer.rejected()).extracting(Dispatcher.Refusal::reason)
                .containsExactly("bad signature", "unknown sender 999999", "stale message sent at " + stale.sentAt());
        assertThat(nodeB.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select count(*) from exchange_rejection").query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aMessageForAnAbsentPeerWaitsAndArrivesOnceItIsBack() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        introduce(nodeA, nodeB, "http://localhost:" + closedPort);
        UUID ping = nodeA.getBean(ExchangeService.class).send(B, "test.ping", "{\"n\":2}", null);
        await(() -> nodeA.getBean(ExchangeService.class).outgoing(ping).orElseThrow().attempts() >= 2);
        assertThat(state(nodeA, ping)).isEqualTo("QUEUED");
        assertThat(seen(B, ping)).isZero();
        introduce(nodeA, nodeB, url(nodeB));
        await(() -> "ACKNOWLEDGED".equals(state(nodeA, ping)));
        assertThat(seen(B, ping)).isEqualTo(1);
    }

    @Test
    void aSenderThatStopsBetweenCommitAndSendLosesNothing() {
        String c = "430105907";
        ConfigurableApplicationContext nodeC = start(c, 3_600_000); // its dispatcher ran at start, next in an hour
        introduce(nodeC, nodeB, url(nodeB));
        introduce(nodeB, nodeC, url(nodeC));
        UUID id = nodeC.getBean(ExchangeService.class).send(B, "test.ping", "{\"n\":3}", null);
        assertThat(state(nodeC, id)).isEqualTo("QUEUED");
        nodeC.close(); // committed to the outbox, never sent: the node goes down
        assertThat(seen(B, id)).isZero();
        ConfigurableApplicationContext restarted = start(c); // same database, its outbox still holds the message
        try {
            introduce(nodeB, restarted, url(restarted));
            introduce(restarted, nodeB, url(nodeB));
            await(() -> "ACKNOWLEDGED".equals(state(restarted, id)));
            assertThat(seen(B, id)).isEqualTo(1);
        } finally {
            restarted.close();
        }
    }

    @Test
    void aMessageTheReceiverCannotApplyIsSentAgainWithItsReasonShownUntilItApplies() {
        FragileHandler.failing = true;
        UUID id = nodeA.getBean(ExchangeService.class).send(B, "test.fragile", "{}", null);
        await(() -> nodeA.getBean(ExchangeService.class).outgoing(id).orElseThrow().attempts() >= 1);
        OutgoingMessage waiting = nodeA.getBean(ExchangeService.class).outgoing(id).orElseThrow();
        assertThat(waiting.state()).isEqualTo("QUEUED");
        assertThat(waiting.lastError()).isEqualTo("not applied by " + B + ": the register is busy");
        assertThat(seen(B, id)).isZero();
        FragileHandler.failing = false;
        await(() -> "ACKNOWLEDGED".equals(state(nodeA, id)));
        assertThat(seen(B, id)).isEqualTo(1);
    }

    @Test
    void aMessageForAPlaceWithNoPeerWaitsVisiblyAsUndeliverable() {
        UUID id = nodeA.getBean(ExchangeService.class).send("440300", "test.ping", "{}", null);
        await(() -> "UNDELIVERABLE".equals(state(nodeA, id)));
        assertThat(nodeA.getBean(ExchangeService.class).outgoing(id).orElseThrow().lastError()).contains("440300");
    }
}
