package org.renkou.access;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.renkou.common.Dates;
import org.renkou.common.PageResult;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log (审计日志), append-only (a trigger refuses updates and deletes). Requests to the web and API
 * handlers marked {@link Audited} are recorded by {@link AuditRecorder}; services record what happens outside
 * a request or needs the writer's transaction (writes: a rolled-back write leaves no entry). A request
 * leaves one entry: once a service has recorded, the recorder adds none.
 */
@Service
public class AuditService {
    /** The request attribute that says a service has recorded this request already. */
    static final String RECORDED = AuditService.class.getName() + ".recorded";
    /** The request attribute carrying the number of rows a list or export returned. */
    static final String ROWS = AuditService.class.getName() + ".rows";

    /** One line of the log; {@code action} is free text in lines written before the actions were fixed. */
    public record Entry(long id, Instant at, String username, String action, String entity, String entityId,
                        String clientAddr, String detail, String query, Long rows) {
        public java.time.LocalDateTime localAt() {
            return java.time.LocalDateTime.ofInstant(at, Dates.ZONE);
        }

        /** What the entry is about: {@code person/42}, or the entity alone. */
        public String target() {
            return entityId == null ? entity : entity + "/" + entityId;
        }
    }

    /** What the administrator's view filters by; any part may be null. */
    public record Filter(String username, String entity, String entityId, AuditAction action, Long personId,
                         LocalDate from, LocalDate to) {
        public Filter(String username, String entity, String entityId, LocalDate from, LocalDate to) {
            this(username, entity, entityId, null, null, from, to);
        }
    }

    private final JdbcClient jdbc;
    private final AccessService access;
    private final MessageSource messages;

    AuditService(JdbcClient jdbc, AccessService access, MessageSource messages) {
        this.jdbc = jdbc;
        this.access = access;
        this.messages = messages;
    }

    public void record(AuditAction action, String entity, String entityId, String detail) {
        recordAs(access.current().username(), action, entity, entityId, detail);
    }

    /**
     * Records with a detail worded by the messages ({@code key}, usually audit.detail.*), in Chinese whoever
     * writes: the log is the office's record and reads the same for everyone, also what the demo loader and
     * scheduled work (without a user's language) write.
     */
    public void recordWorded(AuditAction action, String entity, String entityId, String key, Object... args) {
        record(action, entity, entityId, worded(key, args));
    }

    /** A detail worded by the messages in Chinese, the office's language (see {@link #recordWorded}). */
    public String worded(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    /** For actors that are not staff accounts: a resident of the public portal ("portal:…"), a peer node. */
    public void recordAs(String actor, AuditAction action, String entity, String entityId, String detail) {
        insert(actor, action, entity, entityId, detail, null, null);
        RequestAttributes attrs = RequestContextHolder.getRequestAttributes();
        if (attrs != null) {
            attrs.setAttribute(RECORDED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /**
     * Tells the entry of the current request how many rows a list or an export returns, where the handler's
     * answer does not show it (a file, a page without a {@link PageResult}); the entry is recorded at once.
     */
    public void rows(long count) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            // recorded now, before the file is written
            attrs.getRequest().setAttribute(ROWS, count);
            AuditRecorder.record(this, attrs.getRequest(), null);
        }
    }

    void insert(String actor, AuditAction action, String entity, String entityId, String detail, String query,
                Long rows) {
        jdbc.sql("insert into audit_log (username, action, entity, entity_id, client_addr, detail, query, row_count)"
                        + " values (?,?,?,?,?,?,?,?)")
                .params(actor, action.name(), entity, entityId, clientAddress(), detail, query, rows).update();
    }

    /** The kinds of object the log names, for the administrator's filter (a skip scan of the entity index). */
    public List<String> entities() {
        return jdbc.sql("""
                with recursive e(entity) as (
                    select min(entity) from audit_log
                    union all
                    select (select min(entity) from audit_log where entity > e.entity) from e where e.entity is not null)
                select entity from e where entity is not null""").query(String.class).list();
    }

    public PageResult<Entry> search(Filter f, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (f.username() != null && !f.username().isBlank()) {
            where.append(" and username = ?");
            params.add(f.username().trim());
        }
        if (f.entity() != null && !f.entity().isBlank()) {
            where.append(" and entity = ?");
            params.add(f.entity().trim());
        }
        if (f.entityId() != null && !f.entityId().isBlank()) {
            where.append(" and entity_id = ?");
            params.add(f.entityId().trim());
        }
        if (f.action() != null) {
            where.append(" and action = ?");
            params.add(f.action().name());
        }
        if (f.personId() != null) {
            where.append(" and entity = 'person' and entity_id = ?");
            params.add(String.valueOf(f.personId()));
        }
        if (f.from() != null) {
            where.append(" and at >= ?");
            params.add(Timestamp.from(f.from().atStartOfDay(Dates.ZONE).toInstant()));
        }
        if (f.to() != null) {
            where.append(" and at < ?");
            params.add(Timestamp.from(f.to().plusDays(1).atStartOfDay(Dates.ZONE).toInstant()));
        }
        long total = jdbc.sql("select count(*) from audit_log" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Entry> items = jdbc.sql("select * from audit_log" + where + " order by id desc limit ? offset ?")
                .params(pageParams)
                .query((rs, i) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("username"), rs.getString("action"), rs.getString("entity"),
                        rs.getString("entity_id"), rs.getString("client_addr"), rs.getString("detail"),
                        rs.getString("query"), (Long) rs.getObject("row_count")))
                .list();
        return new PageResult<>(items, total, page, size);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
