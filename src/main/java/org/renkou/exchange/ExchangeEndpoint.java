package org.renkou.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
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
import org.renkou.common.LogText;
import org.renkou.access.AccessService;
import org.renkou.access.SystemPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

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
    private final ExchangeProperties limits;
    private final RefusedSenders refusedSenders;
    private final JsonMapper json;
    private final AccessService access;

    ExchangeEndpoint(ExchangeService exchange, JdbcClient jdbc, TransactionTemplate tx, List<ExchangeHandler> handlers,
                     ExchangeProperties limits, RefusedSenders refusedSenders, JsonMapper json, AccessService access) {
        this.access = access;
        this.exchange = exchange;
        this.limits = limits;
        this.refusedSenders = refusedSenders;
        this.json = json;
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
    ResponseEntity<?> receive(HttpServletRequest request) throws IOException {
        String address = request.getRemoteAddr();
        long wait = refusedSenders.waitSeconds(address);
        if (wait > 0) {
            return refuse(HttpStatus.TOO_MANY_REQUESTS, "too many refused messages from " + address)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(wait)).build();
        }
        Optional<List<Envelope>> batch = read(request);
        if (batch.isEmpty()) {
            return refuse(HttpStatus.CONTENT_TOO_LARGE, "a body of at most " + limits.maxBody().toBytes() + " bytes")
                    .header(HttpHeaders.CONNECTION, "close").build();
        }
        List<Envelope> envelopes = batch.get();
        if (envelopes.size() > limits.maxBatch()) {
            return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "a batch of " + envelopes.size() + " messages; at most " + limits.maxBatch())).build();
        }
        List<String> acknowledged = new ArrayList<>();
        List<Dispatcher.Refusal> rejected = new ArrayList<>();
        List<Dispatcher.Refusal> failed = new ArrayList<>();
        int unlogged = 0;
        for (Envelope e : envelopes) {
            Optional<String> refusal = e == null ? Optional.of("incomplete message") : check(e);
            if (refusal.isPresent()) {
                String id = e == null ? null : e.id();
                rejected.add(new Dispatcher.Refusal(id, refusal.get()));
                if (!refusedSenders.refused(address)) {
                    unlogged++; // over the address's limit: neither the log nor the table grows with a flood
                    continue;
                }
                log.warn("Refused message {} from {} ({}): {}", LogText.of(id), LogText.of(e == null ? null : e.sender()),
                        address, LogText.of(refusal.get()));
                jdbc.sql("insert into exchange_rejection (message_id, sender, reason, client_addr) values (?, ?, ?, ?)")
                        .params(cut(id), cut(e == null ? null : e.sender()), cut(refusal.get()), address).update();
                continue;
            }
            try {
                access.runAs(SystemPrincipal.EXCHANGE, () -> tx.executeWithoutResult(status -> apply(e)));
                acknowledged.add(e.id());
            } catch (RuntimeException ex) {
                log.warn("Message {} from {} could not be applied (the sender will retry): {}", e.id(), e.sender(),
                        LogText.of(ex.getMessage()));
                String reason = String.valueOf(ex.getMessage());
                failed.add(new Dispatcher.Refusal(e.id(), "not applied by " + exchange.nodeCode() + ": "
                        + reason.substring(0, Math.min(reason.length(), 300))));
            }
        }
        if (unlogged > 0) {
            log.warn("{} more refused messages from {} not recorded (over {} a minute)", unlogged, address,
                    limits.refusalsPerAddressPerMinute());
        }
        return ResponseEntity.ok(new Dispatcher.Answer(acknowledged, rejected, failed));
    }

    /**
     * The batch, or empty when the body is over the limit: a declared length is refused before reading, a chunked
     * body is read only up to one byte past the limit.
     */
    private Optional<List<Envelope>> read(HttpServletRequest request) throws IOException {
        long max = limits.maxBody().toBytes();
        if (request.getContentLengthLong() > max) {
            return Optional.empty();
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        if (body.length > max) {
            return Optional.empty();
        }
        try {
            List<Envelope> envelopes = json.readValue(body, new TypeReference<List<Envelope>>() {
            });
            return Optional.of(envelopes == null ? List.of() : envelopes);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("not a JSON list of messages", new ServletServerHttpRequest(request));
        }
    }

    private static ResponseEntity.HeadersBuilder<?> refuse(HttpStatus status, String detail) {
        return ResponseEntity.of(ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** A peer's text as stored with a refusal: no longer than a column needs. */
    private static String cut(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300);
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
