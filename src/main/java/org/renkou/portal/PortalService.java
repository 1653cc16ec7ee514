package org.renkou.portal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.common.AreaCondition;
import org.renkou.common.Dates;
import org.renkou.common.FieldProblem;
import org.renkou.common.ConflictException;
import org.renkou.common.Messages;
import org.renkou.common.NodeSettings;
import org.renkou.common.PageResult;
import org.renkou.common.NotFoundException;
import org.renkou.common.TextLimits;
import org.renkou.common.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consultations, complaints and suggestions: the public submits with a tracking number and a private link;
 * staff see a queue by area and kind with a deadline of five working days, assign, answer and close; the
 * person who left a phone is told of the answer.
 */
@Service
public class PortalService {
    static final int WORKING_DAYS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** What the public gets back: the tracking number and the private link's token. */
    public record Submitted(String trackingNo, String secret) {
    }

    private final JdbcClient jdbc;
    private final AccessService access;
    private final AuditService audit;
    private final Messages messages;
    private final RateLimiter limiter;
    private final Notifications notifications;
    /** Requests that name no village belong to the town office: this node's town. */
    private final String nodeCode;

    PortalService(JdbcClient jdbc, AccessService access, AuditService audit, Messages messages, RateLimiter limiter,
                  Notifications notifications, NodeSettings node) {
        this.nodeCode = node.code();
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.limiter = limiter;
        this.notifications = notifications;
    }

    @Transactional
    public Submitted submit(String kind, String villageCode, String subject, String body, String contactName,
                            String contactPhone, String clientAddress) {
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == null || !List.of("CONSULTATION", "COMPLAINT", "SUGGESTION").contains(kind)) {
            problems.add(messages.problem("kind", "required"));
        }
        if (subject == null || subject.isBlank()) {
            problems.add(messages.problem("subject", "maxLength", TextLimits.SHORT_TEXT));
        }
        TextLimits.check(messages, problems, "subject", subject, TextLimits.SHORT_TEXT);
        if (body == null || body.isBlank()) {
            problems.add(messages.problem("body", "maxLength", TextLimits.NOTE));
        }
        TextLimits.check(messages, problems, "body", body, TextLimits.NOTE);
        TextLimits.check(messages, problems, "contactName", contactName, TextLimits.NAME);
        String phone = contactPhone == null || contactPhone.isBlank() ? null : contactPhone.replace(" ", "");
        if (phone != null && !phone.matches("\\d{5,20}")) {
            problems.add(messages.problem("phone", "phone"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (!limiter.allow("addr:" + clientAddress, limiter.perAddress)
                || phone != null && !limiter.allow("phone:" + phone, RateLimiter.PER_PHONE_PER_HOUR)) {
            throw new ValidationException(List.of(messages.problem("body", "tooMany")));
        }
        String tracking = Dates.today().toString().replace("-", "") + random(6);
        String secret = random(24);
        long id = jdbc.sql("""
                insert into portal_request (tracking_no, secret, kind, village_code, subject, body, contact_name, contact_phone,
                    client_addr, due_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(tracking, secret, kind, villageCode == null || villageCode.isBlank() ? nodeCode : villageCode, subject.trim(),
                        body.trim(), contactName, phone, clientAddress, dueDate(Dates.today())).query(Long.class).single();
        audit.recordAs("public", AuditAction.CREATE, "portal_request", String.valueOf(id), kind);
        return new Submitted(tracking, secret);
    }

    /** A request seen through its private link: the tracking number alone is not enough. */
    public PortalRequest byLink(String trackingNo, String secret) {
        return jdbc.sql(SELECT + " where tracking_no = ? and secret = ?").params(trackingNo, secret == null ? "" : secret)
                .query(PortalService::map).optional().orElseThrow(() -> new NotFoundException("request " + trackingNo));
    }

    /** One page of the staff queue, with the true number of requests and of those answered in time. */
    public record Queue(PageResult<PortalRequest> requests, long answeredInTime) {
    }

    /**
     * The staff queue: open and recent requests the user may handle — the town office those of its areas,
     * everyone else those assigned to them (wherever the request came from) — soonest deadline first.
     */
    public Queue queue(String kind, boolean openOnly, int page, int size) {
        CurrentUser user = access.require(Permission.HANDLE_PUBLIC_REQUESTS);
        Map<String, Object> params = new HashMap<>();
        String where = " where " + handledBy(user, params);
        if (kind != null && !kind.isBlank()) {
            where += " and kind = :kind";
            params.put("kind", kind);
        }
        if (openOnly) {
            where += " and state in ('OPEN', 'ASSIGNED')";
        }
        var counts = jdbc.sql("select count(*), count(*) filter (where (answered_at at time zone 'Asia/Shanghai')::date <= due_on)"
                + " from portal_request" + where).params(params).query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
        int p = Math.max(0, page);
        List<PortalRequest> rows = jdbc.sql(SELECT + where + " order by due_on, id limit :size offset :offset").params(params)
                .param("size", size).param("offset", (long) p * size).query(PortalService::map).list();
        return new Queue(new PageResult<>(rows, counts[0], p, size), counts[1]);
    }

    @Transactional
    public PortalRequest assign(long id, String username) {
        handleable(id, access.require(Permission.TOWN_OFFICE));
        jdbc.sql("update portal_request set assigned_to = ?, state = 'ASSIGNED' where id = ? and state in ('OPEN', 'ASSIGNED')")
                .params(username, id).update();
        audit.record(AuditAction.UPDATE, "portal_request", String.valueOf(id), "assigned to " + username);
        return find(id);
    }

    @Transactional
    public PortalRequest answer(long id, String answer) {
        CurrentUser user = access.require(Permission.HANDLE_PUBLIC_REQUESTS);
        PortalRequest r = handleable(id, user);
        if (answer == null || answer.isBlank()) {
            throw new ValidationException(List.of(messages.problem("answer", "required")));
        }
        jdbc.sql("update portal_request set answer = ?, answered_by = ?, answered_at = now(), state = 'ANSWERED' where id = ?")
                .params(answer.trim(), user.username(), id).update();
        audit.record(AuditAction.UPDATE, "portal_request", String.valueOf(id), "answered");
        if (r.contactPhone() != null) {
            notifications.send(r.contactPhone(), null, "ANSWER", "您的" + kindName(r.kind()) + "（受理号 " + r.trackingNo()
                    + "）已有答复，请通过受理时的链接查看。");
        }
        return find(id);
    }

    /**
     * Closes an answered request; closing a closed one changes nothing, and one not yet answered is refused. Only a
     * close that happened is in the audit log.
     */
    @Transactional
    public PortalRequest close(long id) {
        PortalRequest r = handleable(id, access.require(Permission.HANDLE_PUBLIC_REQUESTS));
        int closed = jdbc.sql("update portal_request set state = 'CLOSED', closed_at = now() where id = ? and state = 'ANSWERED'")
                .param(id).update();
        if (closed == 0) {
            if ("CLOSED".equals(r.state())) {
                return r;
            }
            throw new ConflictException(messages.get("problem.portalNotAnswered"));
        }
        audit.record(AuditAction.UPDATE, "portal_request", String.valueOf(id), "closed");
        return find(id);
    }

    /** 随访: a follow-up visit recorded against a request (and the person, when known). */
    @Transactional
    public void followUp(long requestId, Long personId, LocalDate on, String note) {
        CurrentUser user = access.require(Permission.HANDLE_PUBLIC_REQUESTS);
        handleable(requestId, user);
        if (note == null || note.isBlank()) {
            throw new ValidationException(List.of(messages.problem("note", "required")));
        }
        jdbc.sql("insert into portal_followup (request_id, person_id, visited_on, note, recorded_by) values (?, ?, ?, ?, ?)")
                .params(requestId, personId, on != null ? on : Dates.today(), note.trim(), user.username()).update();
        audit.record(AuditAction.CREATE, "portal_request", String.valueOf(requestId), "follow-up visit");
    }

    public List<String> followUps(long requestId) {
        handleable(requestId, access.require(Permission.HANDLE_PUBLIC_REQUESTS));
        return jdbc.sql("select visited_on || ' ' || recorded_by || '：' || note from portal_followup where request_id = ? order by id")
                .param(requestId).query(String.class).list();
    }

    /** The request, if the user may handle it; otherwise it is not found (its id says nothing). */
    private PortalRequest handleable(long id, CurrentUser user) {
        Map<String, Object> params = new HashMap<>(Map.of("id", id));
        return jdbc.sql(SELECT + " where id = :id and " + handledBy(user, params)).params(params).query(PortalService::map)
                .optional().orElseThrow(() -> new NotFoundException("request " + id));
    }

    /** Who handles a request: the town office of its area, or the one it is assigned to. */
    private static String handledBy(CurrentUser user, Map<String, Object> params) {
        params.put("handler", user.username());
        String assigned = "assigned_to = :handler";
        if (!user.has(Permission.TOWN_OFFICE)) {
            return "(" + assigned + ")";
        }
        AreaCondition in = user.scope().on("village_code", "null");
        params.putAll(in.params());
        return "(" + assigned + " or " + in.sql() + ")";
    }

    private PortalRequest find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(PortalService::map).optional()
                .orElseThrow(() -> new NotFoundException("request " + id));
    }

    /** Five working days later (Saturdays and Sundays do not count; public holidays are not known here). */
    static LocalDate dueDate(LocalDate from) {
        LocalDate d = from;
        int left = WORKING_DAYS;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }

    static String random(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    private static String kindName(String kind) {
        return switch (kind) {
            case "COMPLAINT" -> "投诉";
            case "SUGGESTION" -> "建议";
            default -> "咨询";
        };
    }

    private static final String SELECT = "select * from portal_request";

    private static PortalRequest map(ResultSet rs, int i) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        return new PortalRequest(rs.getLong("id"), rs.getString("tracking_no"), rs.getString("kind"), rs.getString("village_code"),
                rs.getString("subject"), rs.getString("body"), rs.getString("contact_name"), rs.getString("contact_phone"),
                rs.getString("state"), rs.getString("assigned_to"), rs.getString("answer"), rs.getString("answered_by"),
                answered == null ? null : answered.toInstant(), rs.getObject("due_on", LocalDate.class),
                rs.getTimestamp("created_at").toInstant());
    }
}
