package org.renkou.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.NodeSettings;
import org.renkou.common.PageResult;
import org.renkou.common.ValidationException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exchange between Renkou nodes (实时通): features put messages in the outbox inside their own transaction
 * (so nothing accepted is lost), a dispatcher delivers them signed, with retries, and handlers receive
 * verified messages exactly once. The exchange carries payloads; it knows nothing about persons.
 */
@Service
public class ExchangeService {
    static final int MAX_PAGE_SIZE = 1000;
    private final JdbcClient jdbc;
    private final NodeKeys keys;
    private final AccessService access;
    private final AuditService audit;
    private final Messages messages;
    private final String nodeCode;

    ExchangeService(JdbcClient jdbc, NodeKeys keys, AccessService access, AuditService audit, Messages messages,
                    NodeSettings node) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.nodeCode = node.code();
    }

    public String nodeCode() {
        return nodeCode;
    }

    public String publicKey() {
        return keys.publicKey();
    }

    /**
     * Queues a message for the node serving {@code recipient} (a node code or any place code below it) in the
     * caller's transaction; it is sent after commit and retried until acknowledged.
     */
    @Transactional
    public UUID send(String recipient, String kind, String payloadJson, UUID correlationId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into exchange_outbox (id, recipient, kind, payload, correlation_id, state) values (?, ?, ?, ?, ?, 'QUEUED')")
                .params(id, recipient, kind, payloadJson, correlationId).update();
        return id;
    }

    public List<Peer> peers() {
        return jdbc.sql("select * from exchange_peer order by code").query(ExchangeService::peer).list();
    }

    public Optional<Peer> peer(String code) {
        return jdbc.sql("select * from exchange_peer where code = ?").param(code).query(ExchangeService::peer).optional();
    }

    /**
     * The peer that serves a place: the one whose code is the longest prefix of the place's code (a town node serves
     * its villages); else, for a place above the nodes (a county code, as most hukou codes are), the node serving its
     * towns, the one whose code the place's code begins (the shortest such code, then the first).
     */
    public Optional<Peer> peerFor(String placeCode) {
        return jdbc.sql("""
                select * from exchange_peer where ? like code || '%' or length(?) >= 6 and code like ? || '%'
                order by (? like code || '%') desc, case when ? like code || '%' then -length(code) else length(code) end, code
                limit 1""")
                .params(placeCode, placeCode, placeCode, placeCode, placeCode).query(ExchangeService::peer).optional();
    }

    /** Adds or changes a peer (administrators); undeliverable messages for it are tried again at once. */
    @Transactional
    public Peer savePeer(Peer p) {
        access.require(Permission.ADMINISTER);
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (p.code() == null || !p.code().matches("\\d{6,12}")) {
            problems.add(messages.problem("code", "hukouCode"));
        }
        if (p.baseUrl() == null || !p.baseUrl().matches("https?://.+")) {
            problems.add(messages.problem("baseUrl", "url"));
        }
        if (p.publicKey() == null || !NodeKeys.isPublicKey(p.publicKey())) {
            problems.add(messages.problem("publicKey", "publicKey"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        jdbc.sql("""
                insert into exchange_peer (code, name, base_url, public_key) values (?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, base_url = excluded.base_url,
                    public_key = excluded.public_key""")
                .params(p.code(), p.name() == null ? p.code() : p.name(), p.baseUrl(), p.publicKey()).update();
        jdbc.sql("update exchange_outbox set next_attempt_at = now() where (recipient like ? or ? like recipient || '%')"
                        + " and state in ('QUEUED', 'UNDELIVERABLE')")
                .params(p.code() + "%", p.code()).update();
        audit.record(AuditAction.UPDATE, "exchange_peer", p.code(), p.baseUrl());
        return peer(p.code()).orElseThrow();
    }

    /** One page of the messages sent, newest first, with the true total. */
    public PageResult<OutgoingMessage> outbox(int page, int size) {
        access.require(Permission.TOWN_OFFICE);
        return page("exchange_outbox", "created_at", page, size, ExchangeService::outgoing);
    }

    public Optional<OutgoingMessage> outgoing(UUID id) {
        return jdbc.sql("select * from exchange_outbox where id = ?").param(id).query(ExchangeService::outgoing).optional();
    }

    /** One page of the messages received, newest first, with the true total. */
    public PageResult<IncomingMessage> inbox(int page, int size) {
        access.require(Permission.TOWN_OFFICE);
        return page("exchange_inbox", "received_at", page, size, (rs, i) -> new IncomingMessage(rs.getObject("id", UUID.class),
                rs.getString("sender"), rs.getString("kind"), rs.getObject("correlation_id", UUID.class), rs.getString("payload")));
    }

    private <T> PageResult<T> page(String table, String newestFirst, int page, int size, RowMapper<T> rows) {
        int s = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        int p = Math.max(page, 0);
        long total = jdbc.sql("select count(*) from " + table).query(Long.class).single();
        List<T> items = jdbc.sql("select * from " + table + " order by " + newestFirst + " desc, id limit ? offset ?")
                .params(s, (long) p * s).query(rows).list();
        return new PageResult<>(items, total, p, s);
    }

    static Peer peer(ResultSet rs, int i) throws SQLException {
        return new Peer(rs.getString("code"), rs.getString("name"), rs.getString("base_url"), rs.getString("public_key"));
    }

    static OutgoingMessage outgoing(ResultSet rs, int i) throws SQLException {
        Timestamp acked = rs.getTimestamp("acknowledged_at");
        return new OutgoingMessage(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("kind"),
                rs.getObject("correlation_id", UUID.class), rs.getString("payload"), rs.getString("state"),
                rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), acked == null ? null : acked.toInstant());
    }
}
