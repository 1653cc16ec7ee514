package org.renkou.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.renkou.access.NotAudited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where peers deliver: every message is checked (known sender, valid signature, addressed here, not stale)
 * and applied once — a message id seen before is acknowledged again without being applied twice.
 */
@RestController
@Tag(name = "Exchange between nodes", description = "Signed messages from other towns' Renkou nodes")
@NotAudited("peer nodes: signed messages; the handlers audit what a message changes")
class ExchangeEndpoint {
    private static final Logger log = LoggerFactory.getLogger(ExchangeEndpoint.class);
    private static final Duration MAX_AGE = Duration.ofDays(7);
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final ExchangeService exchange;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Map<String, ExchangeHandler> handlers;

    ExchangeEndpoint(ExchangeService exchange, JdbcClient jdbc, TransactionTemplate tx, List<ExchangeHandler> handlers) {
        this.exchange = exchange;
        this.jdbc = jdbc;
        this.tx = tx;
        this.handlers = handlers.stream().collect(Collectors.toMap(ExchangeHandler::kind, Function.identity()));
    }

    @GetMapping("/exchange/v1/node")
    @Operation(summary = "This node's code and public key, for a peer's directory")
    Map<String, String> node() {
        return Map.of("code", exchange.nodeCode(), "publicKey", exchange.publicKey());
    }

    @PostMapping("/exchange/v1/messages")
    @Operation(summary = "Deliver a batch of signed messages; answers which were acknowledged and which refused")
    Dispatcher.Answer receive(@RequestBody List<Envelope> envelopes, HttpServletRequest request) {
        SecurityContextHolder.clearContext(); // handlers act as the system, not as an anonymous web user
        List<String> acknowledged = new ArrayList<>();
        List<Dispatcher.Refusal> rejected = new ArrayList<>();
        List<Dispatcher.Refusal> failed = new ArrayList<>();
        for (Envelope e : envelopes) {
            Optional<String> refusal = check(e);
            if (refusal.isPresent()) {
                log.warn("Refused message {} from {}: {}", e.id(), e.sender(), refusal.get());
                jdbc.sql("insert into exchange_rejection (message_id, sender, reason, client_addr) values (?, ?, ?, ?)")
                        .params(e.id(), e.sender(), refusal.get(), request.getRemoteAddr()).update();
                rejected.add(new Dispatcher.Refusal(e.id(), refusal.get()));
                continue;
            }
            try {
                tx.executeWithoutResult(status -> apply(e));
                acknowledged.add(e.id());
            } catch (RuntimeException ex) {
                log.warn("Message {} from {} could not be applied (the sender will retry): {}", e.id(), e.sender(),
                        ex.getMessage());
                String reason = String.valueOf(ex.getMessage());
                failed.add(new Dispatcher.Refusal(e.id(), "not applied by " + exchange.nodeCode() + ": "
                        + reason.substring(0, Math.min(reason.length(), 300))));
            }
        }
        return new Dispatcher.Answer(acknowledged, rejected, failed);
    }

    private void apply(Envelope e) {
        UUID correlation = e.correlationId() == null || e.correlationId().isBlank() ? null : UUID.fromString(e.correlationId());
        int inserted = jdbc.sql("""
                insert into exchange_inbox (id, sender, kind, payload, correlation_id, sent_at) values (?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing""")
                .params(UUID.fromString(e.id()), e.sender(), e.kind(), e.payload(), correlation,
                        java.sql.Timestamp.from(Instant.parse(e.sentAt()))).update();
        if (inserted == 1) {
            handlers.get(e.kind()).handle(new IncomingMessage(UUID.fromString(e.id()), e.sender(), e.kind(), correlation,
                    e.payload()));
        }
    }

    private Optional<String> check(Envelope e) {
        if (e.id() == null || e.sender() == null || e.kind() == null || e.sentAt() == null || e.payload() == null) {
            return Optional.of("incomplete message");
        }
        try {
            UUID.fromString(e.id());
        } catch (IllegalArgumentException ex) {
            return Optional.of("bad message id");
        }
        Optional<Peer> peer = exchange.peer(e.sender());
        if (peer.isEmpty()) {
            return Optional.of("unknown sender " + e.sender());
        }
        if (!NodeKeys.verify(peer.get().publicKey(), e.signedBytes(), e.signature())) {
            return Optional.of("bad signature");
        }
        if (!exchange.nodeCode().equals(e.recipient())) {
            return Optional.of("addressed to " + e.recipient() + ", this node is " + exchange.nodeCode());
        }
        try {
            Instant sent = Instant.parse(e.sentAt());
            if (sent.isBefore(Instant.now().minus(MAX_AGE)) || sent.isAfter(Instant.now().plus(MAX_CLOCK_SKEW))) {
                return Optional.of("stale message sent at " + e.sentAt());
            }
        } catch (DateTimeParseException ex) {
            return Optional.of("bad time " + e.sentAt());
        }
        if (!handlers.containsKey(e.kind())) {
            return Optional.of("unknown kind " + e.kind());
        }
        return Optional.empty();
    }
}
