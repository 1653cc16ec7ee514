package org.renkou.outreach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.area.AreaService;
import org.renkou.common.Dates;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.PageResult;
import org.renkou.common.NotFoundException;
import org.renkou.common.ReportPeriod;
import org.renkou.common.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publicity activities with counts and photos, and staff training sessions. */
@Service
public class OutreachService {
    static final List<String> KINDS = List.of("VEHICLE_TRIP", "BANNER", "SLOGAN", "SHOWCASE", "MATERIALS", "LETTER",
            "PERFORMANCE", "VISIT", "OTHER");
    /** Photos are JPEG or PNG (checked by their first bytes, not their name) of at most 2 MB. */
    static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final AccessService access;
    private final AuditService audit;
    private final AreaService areas;
    private final Messages messages;

    OutreachService(JdbcClient jdbc, AccessService access, AuditService audit, AreaService areas, Messages messages) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.areas = areas;
        this.messages = messages;
    }

    @Transactional
    public Activity record(LocalDate heldOn, String areaCode, String campaign, String kind, Integer count, String note) {
        CurrentUser user = access.require(Permission.MANAGE_OUTREACH);
        List<FieldProblem> problems = new ArrayList<>();
        checkDate(problems, "heldOn", heldOn);
        checkArea(problems, user, areaCode);
        if (kind == null || !KINDS.contains(kind)) {
            problems.add(messages.problem("kind", "required"));
        }
        if (count == null || count <= 0) {
            problems.add(messages.problem("count", "positive"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = jdbc.sql("insert into outreach_activity (held_on, area_code, campaign, kind, count, note, recorded_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?) returning id")
                .params(heldOn, areaCode, blank(campaign), kind, count, blank(note), user.username()).query(Long.class).single();
        audit.recordWorded(AuditAction.CREATE, "outreach_activity", String.valueOf(id), "audit.detail.outreach",
                audit.worded("outreach.kind." + kind), count);
        return activity(id);
    }

    /** Attaches a photo after checking its size and that its bytes are really a JPEG or PNG image. */
    @Transactional
    public long addPhoto(long activityId, String fileName, byte[] content) {
        CurrentUser user = access.require(Permission.MANAGE_OUTREACH);
        activity(activityId);
        if (content == null || content.length == 0 || content.length > MAX_PHOTO_BYTES) {
            throw new ValidationException(List.of(messages.problem("photo", "photoSize", MAX_PHOTO_BYTES / 1024 / 1024)));
        }
        String type = imageType(content);
        if (type == null) {
            throw new ValidationException(List.of(messages.problem("photo", "photoType")));
        }
        long id = jdbc.sql("insert into outreach_photo (activity_id, file_name, content_type, content, recorded_by)"
                        + " values (?, ?, ?, ?, ?) returning id")
                .params(activityId, fileName == null ? "photo" : fileName, type, content, user.username()).query(Long.class).single();
        audit.record(AuditAction.CREATE, "outreach_activity", String.valueOf(activityId), "photo " + fileName);
        return id;
    }

    static String imageType(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        return b.length > 8 && Arrays.equals(Arrays.copyOf(b, 8), png) ? "image/png" : null;
    }

    public record Photo(String contentType, byte[] content) {
    }

    public Photo photo(long id) {
        access.require(Permission.MANAGE_OUTREACH);
        return jdbc.sql("select content_type, content from outreach_photo where id = ?").param(id)
                .query((rs, i) -> new Photo(rs.getString(1), rs.getBytes(2))).optional()
                .orElseThrow(() -> new NotFoundException("photo " + id));
    }

    /** One page of the period's activities, latest first, with their true number. */
    public PageResult<Activity> activities(ReportPeriod period, int page, int size) {
        access.require(Permission.MANAGE_OUTREACH);
        long total = jdbc.sql("select count(*) from outreach_activity where held_on between ? and ?")
                .params(period.from(), period.to()).query(Long.class).single();
        List<Activity> rows = jdbc.sql("select id from outreach_activity where held_on between ? and ?"
                        + " order by held_on desc, id desc limit ? offset ?")
                .params(period.from(), period.to(), size, (long) page * size).query(Long.class).list().stream()
                .map(this::activity).toList();
        return new PageResult<>(rows, total, page, size);
    }

    private Activity activity(long id) {
        List<Long> photos = jdbc.sql("select id from outreach_photo where activity_id = ? order by id").param(id).query(Long.class).list();
        return jdbc.sql("select * from outreach_activity where id = ?").param(id)
                .query((rs, i) -> new Activity(rs.getLong("id"), rs.getObject("held_on", LocalDate.class), rs.getString("area_code"),
                        rs.getString("campaign"), rs.getString("kind"), rs.getInt("count"), rs.getString("note"), photos))
                .optional().orElseThrow(() -> new NotFoundException("activity " + id));
    }

    @Transactional
    public Training recordTraining(String title, LocalDate startsOn, Integer days, String place, String trainer,
                                   Integer participants, String areaCode, String note) {
        CurrentUser user = access.require(Permission.MANAGE_OUTREACH);
        List<FieldProblem> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add(messages.problem("title", "required"));
        }
        checkDate(problems, "startsOn", startsOn);
        if (days == null || days <= 0) {
            problems.add(messages.problem("days", "positive"));
        }
        if (participants == null || participants <= 0) {
            problems.add(messages.problem("participants", "positive"));
        }
        checkArea(problems, user, areaCode);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = jdbc.sql("insert into training_session (title, starts_on, days, place, trainer, participants, area_code, note,"
                        + " recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(title.trim(), startsOn, days, blank(place), blank(trainer), participants, areaCode, blank(note), user.username())
                .query(Long.class).single();
        audit.record(AuditAction.CREATE, "training_session", String.valueOf(id), title);
        return jdbc.sql("select * from training_session where id = ?").param(id).query(OutreachService::training).single();
    }

    /** One page of the training sessions that start in the period, latest first, with their true number. */
    public PageResult<Training> trainings(ReportPeriod period, int page, int size) {
        access.require(Permission.MANAGE_OUTREACH);
        long total = jdbc.sql("select count(*) from training_session where starts_on between ? and ?")
                .params(period.from(), period.to()).query(Long.class).single();
        List<Training> rows = jdbc.sql("select * from training_session where starts_on between ? and ?"
                        + " order by starts_on desc, id desc limit ? offset ?")
                .params(period.from(), period.to(), size, (long) page * size).query(OutreachService::training).list();
        return new PageResult<>(rows, total, page, size);
    }

    private static Training training(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Training(rs.getLong("id"), rs.getString("title"), rs.getObject("starts_on", LocalDate.class),
                rs.getInt("days"), rs.getString("place"), rs.getString("trainer"), rs.getInt("participants"),
                rs.getString("area_code"), rs.getString("note"));
    }

    /**
     * Records (or corrects) the hours an attendee spent at a training session; at most the session's days × 24.
     * {@code attendee} is the calling feature's key for the person ({@code cadre:12}).
     */
    @Transactional
    public Attendance recordAttendance(long trainingId, String attendee, String name, Integer hours) {
        CurrentUser user = access.require(Permission.MANAGE_OUTREACH);
        Training t = jdbc.sql("select * from training_session where id = ?").param(trainingId)
                .query((rs, i) -> new Training(rs.getLong("id"), rs.getString("title"), rs.getObject("starts_on", LocalDate.class),
                        rs.getInt("days"), rs.getString("place"), rs.getString("trainer"), rs.getInt("participants"),
                        rs.getString("area_code"), rs.getString("note"))).optional()
                .orElseThrow(() -> new ValidationException(List.of(messages.problem("trainingId", "trainingUnknown", String.valueOf(trainingId)))));
        if (hours == null || hours <= 0 || hours > t.days() * 24) {
            throw new ValidationException(List.of(messages.problem("hours", "trainingHours", String.valueOf(t.days() * 24))));
        }
        jdbc.sql("""
                insert into training_attendance (training_id, attendee, name, hours, recorded_by) values (?, ?, ?, ?, ?)
                on conflict (training_id, attendee) do update set name = excluded.name, hours = excluded.hours,
                recorded_by = excluded.recorded_by""")
                .params(trainingId, attendee, name, hours, user.username()).update();
        audit.recordWorded(AuditAction.CREATE, "training_session", String.valueOf(trainingId), "audit.detail.attendance",
                name != null ? name : attendee, hours);
        return new Attendance(t.id(), t.title(), t.startsOn(), attendee, name, hours);
    }

    /**
     * The attendance of the sessions starting in the period by attendees whose key starts with {@code attendeePrefix}
     * ("cadre:"), by session date: staff's training hours, for counts as well as lists (no residents' data).
     */
    public List<Attendance> attendance(String attendeePrefix, ReportPeriod period) {
        access.require(Permission.READ_AGGREGATES);
        return jdbc.sql("""
                        select t.id, t.title, t.starts_on, a.attendee, a.name, a.hours from training_attendance a
                        join training_session t on t.id = a.training_id
                        where a.attendee like ? and t.starts_on between ? and ? order by t.starts_on, t.id, a.name""")
                .params(attendeePrefix.replace("%", "\\%") + "%", period.from(), period.to())
                .query((rs, i) -> new Attendance(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getString(5), rs.getInt(6))).list();
    }

    private void checkDate(List<FieldProblem> problems, String field, LocalDate d) {
        if (d == null) {
            problems.add(messages.problem(field, "required"));
        } else if (d.isAfter(Dates.today())) {
            problems.add(messages.problem(field, "notFuture"));
        }
    }

    private void checkArea(List<FieldProblem> problems, CurrentUser user, String areaCode) {
        if (areaCode == null || areas.find(areaCode).isEmpty()) {
            problems.add(messages.problem("areaCode", "areaUnknown", areaCode));
        } else if (!user.scope().contains(areaCode)) {
            problems.add(messages.problem("areaCode", "areaScope", areaCode));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
