package org.renkou.access;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.renkou.common.Dates;
import org.renkou.common.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log (审计日志): every write and every view of a person's record, append-only (a trigger refuses
 * updates and deletes). Writes are logged in the writer's transaction, so a rolled-back write leaves no entry.
 */
@Service
public class AuditService {
    /** One line of the log. */
    public record Entry(long id, Instant at, String username, String action, String entity, String entityId,
                        String clientAddr, String detail) {
        public java.time.LocalDateTime localAt() {
            return java.time.LocalDateTime.ofInstant(at, Dates.ZONE);
        }
    }

    /** What the administrator's view filters by; any part may be null. */
    public record Filter(String username, String entity, String entityId, LocalDate from, LocalDate to) {
    }

    private final JdbcClient jdbc;
    private final AccessService access;

    AuditService(JdbcClient jdbc, AccessService access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public void record(String action, String entity, String entityId, String detail) {
        recordAs(access.current().username(), action, entity, entityId, detail);
    }

    /** For actors that are not staff accounts: a resident of the public portal ("portal:…"), a peer node. */
    public void recordAs(String actor, String action, String entity, String entityId, String detail) {
        jdbc.sql("insert into audit_log (username, action, entity, entity_id, client_addr, detail) values (?,?,?,?,?,?)")
                .params(actor, action, entity, entityId, clientAddress(), detail).update();
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
                        rs.getString("entity_id"), rs.getString("client_addr"), rs.getString("detail")))
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
