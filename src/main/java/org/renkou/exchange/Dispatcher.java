package org.renkou.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Delivers due outbox messages in batches per peer, signed, and records what each peer acknowledged or
 * refused. A message whose peer is unknown waits as UNDELIVERABLE; one that could not be delivered is tried
 * again later (1 s, 2 s, 4 s … at most 5 minutes apart), however long the peer is away.
 */
@Component
class Dispatcher implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int BATCH = 500;

    /**
     * What a receiving node answers for a batch: the messages it acknowledged, those it refuses for good, and those
     * it could not apply this time (they are sent again; {@code failed} is absent in the answers of older nodes).
     */
    record Answer(List<String> acknowledged, List<Refusal> rejected, List<Refusal> failed) {
    }

    record Refusal(String id, String reason) {
    }

    private final JdbcClient jdbc;
    private final ExchangeService exchange;
    private final NodeKeys keys;
    private final RestClient http;
    private final Duration interval;

    Dispatcher(JdbcClient jdbc, ExchangeService exchange, NodeKeys keys, ExchangeProperties properties) {
        this.interval = Duration.ofMillis(properties.dispatchMs());
        this.jdbc = jdbc;
        this.exchange = exchange;
        this.keys = keys;
        this.http = RestClient.create();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::dispatch, interval);
    }

    void dispatch() {
        List<OutgoingMessage> due = jdbc.sql("""
                select * from exchange_outbox where state in ('QUEUED', 'UNDELIVERABLE') and next_attempt_at <= now()
                order by created_at limit ?""").param(BATCH).query(ExchangeService::outgoing).list();
        Map<String, List<OutgoingMessage>> byPeer = due.stream()
                .collect(Collectors.groupingBy(OutgoingMessage::recipient, LinkedHashMap::new, Collectors.toList()));
        byPeer.forEach(this::deliver);
    }

    private void deliver(String recipient, List<OutgoingMessage> batch) {
        Optional<Peer> peer = exchange.peerFor(recipient);
        if (peer.isEmpty()) {
            batch.forEach(m -> retry(m, "UNDELIVERABLE", "no peer node is known for " + recipient));
            return;
        }
        List<Envelope> envelopes = batch.stream().map(m -> envelope(m, peer.get().code())).toList();
        try {
            Answer answer = http.post().uri(peer.get().baseUrl() + "/exchange/v1/messages").body(envelopes)
                    .retrieve().body(Answer.class);
            Set<String> acked = Set.copyOf(answer.acknowledged());
            Map<String, String> refused = reasons(answer.rejected());
            Map<String, String> failed = reasons(answer.failed());
            for (OutgoingMessage m : batch) {
                String id = m.id().toString();
                if (acked.contains(id)) {
                    jdbc.sql("update exchange_outbox set state = 'ACKNOWLEDGED', acknowledged_at = now(), attempts = attempts + 1,"
                            + " last_error = null where id = ?").param(m.id()).update();
                } else if (refused.containsKey(id)) {
                    jdbc.sql("update exchange_outbox set state = 'FAILED', attempts = attempts + 1, last_error = ? where id = ?")
                            .params(refused.get(id), m.id()).update();
                } else {
                    retry(m, "QUEUED", failed.getOrDefault(id, "not acknowledged"));
                }
            }
        } catch (RuntimeException e) {
            log.debug("Delivery to {} failed: {}", recipient, e.getMessage());
            batch.forEach(m -> retry(m, "QUEUED", e.getMessage()));
        }
    }

    private static Map<String, String> reasons(List<Refusal> refusals) {
        return refusals == null ? Map.of()
                : refusals.stream().collect(Collectors.toMap(Refusal::id, Refusal::reason, (a, b) -> a));
    }

    private Envelope envelope(OutgoingMessage m, String peerCode) {
        Envelope unsigned = new Envelope(m.id().toString(), exchange.nodeCode(), peerCode, m.kind(),
                m.correlationId() == null ? null : m.correlationId().toString(), Instant.now().toString(), m.payload(),
                null);
        return unsigned.signedWith(keys.sign(unsigned.signedBytes()));
    }

    private void retry(OutgoingMessage m, String state, String error) {
        long seconds = Math.min(300, 1L << Math.min(m.attempts(), 9));
        jdbc.sql("update exchange_outbox set state = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?")
                .params(state, error, java.sql.Timestamp.from(Instant.now().plus(Duration.ofSeconds(seconds))), m.id())
                .update();
    }

}
