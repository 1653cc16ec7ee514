package org.renkou.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.AuditService;
import org.renkou.common.Dates;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.TextLimits;
import org.renkou.common.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointments at service points: a slot's places are taken by one guarded statement, so concurrent bookings
 * can never exceed its capacity; a booking can be changed or cancelled through its private link.
 */
@Service
public class AppointmentService {
    static final List<String> SERVICES = List.of("CHECK", "CONSULTATION", "BIRTH_REGISTRATION", "CERTIFICATE");

    public record Slot(long id, long pointId, String pointName, String address, String service, OffsetDateTime startsAt,
                       int capacity, int booked) {
        public int free() {
            return capacity - booked;
        }
    }

    public record Appointment(long id, String reference, String secret, Slot slot, String name, String phone, String state) {
    }

    private final JdbcClient jdbc;
    private final AccessService access;
    private final AuditService audit;
    private final Messages messages;
    private final RateLimiter limiter;

    AppointmentService(JdbcClient jdbc, AccessService access, AuditService audit, Messages messages, RateLimiter limiter) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.limiter = limiter;
    }

    /** Slots from today on with places left. */
    public List<Slot> openSlots() {
        return jdbc.sql(SLOTS + " where s.starts_at >= ? and s.booked < s.capacity order by s.starts_at, s.id limit 200")
                .param(Dates.today().atStartOfDay(Dates.ZONE).toOffsetDateTime()).query(AppointmentService::slot).list();
    }

    private static final String SLOTS = "select s.*, p.name as point_name, p.address from appointment_slot s join service_point p on p.id = s.point_id";

    /** Staff add a service point's slots. */
    @Transactional
    public long addPoint(String name, String address, String villageCode) {
        access.requireTownOffice();
        List<FieldProblem> problems = new ArrayList<>();
        for (String[] field : new String[][]{{"name", name}, {"address", address}}) {
            if (field[1] == null || field[1].isBlank()) {
                problems.add(messages.problem(field[0], "required"));
            }
        }
        TextLimits.check(messages, problems, "name", name, TextLimits.SHORT_TEXT);
        TextLimits.check(messages, problems, "address", address, TextLimits.ADDRESS);
        if (villageCode != null && !villageCode.matches("\\d{9}|\\d{12}|\\d{15}")) {
            problems.add(messages.problem("villageCode", "areaCode", villageCode));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return jdbc.sql("insert into service_point (name, address, village_code) values (?, ?, ?) returning id")
                .params(name, address, villageCode).query(Long.class).single();
    }

    @Transactional
    public long addSlot(long pointId, String service, OffsetDateTime startsAt, int capacity) {
        access.requireTownOffice();
        if (!SERVICES.contains(service) || capacity <= 0 || startsAt == null) {
            throw new ValidationException(List.of(messages.problem("service", "required")));
        }
        return jdbc.sql("insert into appointment_slot (point_id, service, starts_at, capacity) values (?, ?, ?, ?) returning id")
                .params(pointId, service, startsAt, capacity).query(Long.class).single();
    }

    @Transactional
    public Appointment book(long slotId, String name, String phone, String clientAddress) {
        String p = phone == null ? "" : phone.replace(" ", "");
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 50) {
            problems.add(messages.problem("name", "required"));
        }
        if (!p.matches("\\d{5,20}")) {
            problems.add(messages.problem("phone", "phone"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (!limiter.allow("addr:" + clientAddress, limiter.perAddress) || !limiter.allow("phone:" + p, RateLimiter.PER_PHONE_PER_HOUR)) {
            throw new ValidationException(List.of(messages.problem("phone", "tooMany")));
        }
        take(slotId);
        String reference = "Y" + PortalService.random(7);
        String secret = PortalService.random(24);
        long id = jdbc.sql("insert into appointment (reference, secret, slot_id, name, phone) values (?, ?, ?, ?, ?) returning id")
                .params(reference, secret, slotId, name.trim(), p).query(Long.class).single();
        audit.recordAs("public", "APPOINTMENT", "appointment", String.valueOf(id), String.valueOf(slotId));
        return find(id);
    }

    /** Takes a place of the slot if one is left; the check and the change are one statement. */
    private void take(long slotId) {
        int n = jdbc.sql("update appointment_slot set booked = booked + 1 where id = ? and booked < capacity and starts_at >= now()")
                .param(slotId).update();
        if (n == 0) {
            throw new ValidationException(List.of(messages.problem("slotId", "slotFull")));
        }
    }

    public Appointment byLink(String reference, String secret) {
        return jdbc.sql("select id from appointment where reference = ? and secret = ?").params(reference, secret == null ? "" : secret)
                .query(Long.class).optional().map(this::find).orElseThrow(() -> new NotFoundException("appointment " + reference));
    }

    @Transactional
    public Appointment cancel(String reference, String secret) {
        Appointment a = byLink(reference, secret);
        if (a.state().equals("BOOKED")) {
            jdbc.sql("update appointment set state = 'CANCELLED' where id = ?").param(a.id()).update();
            jdbc.sql("update appointment_slot set booked = booked - 1 where id = ?").param(a.slot().id()).update();
            audit.recordAs("public", "APPOINTMENT_CANCEL", "appointment", String.valueOf(a.id()), null);
        }
        return find(a.id());
    }

    @Transactional
    public Appointment change(String reference, String secret, long newSlotId) {
        Appointment a = byLink(reference, secret);
        if (!a.state().equals("BOOKED") || a.slot().id() == newSlotId) {
            return a;
        }
        take(newSlotId);
        jdbc.sql("update appointment_slot set booked = booked - 1 where id = ?").param(a.slot().id()).update();
        jdbc.sql("update appointment set slot_id = ?, reminded = false where id = ?").params(newSlotId, a.id()).update();
        audit.recordAs("public", "APPOINTMENT_CHANGE", "appointment", String.valueOf(a.id()), String.valueOf(newSlotId));
        return find(a.id());
    }

    List<Appointment> forPhone(String phone) {
        return jdbc.sql("select id from appointment where phone = ? order by id desc limit 20").param(phone).query(Long.class).list()
                .stream().map(this::find).toList();
    }

    /** Booked appointments of a day not yet reminded of. */
    List<Appointment> dueForReminder(LocalDate day) {
        return jdbc.sql("""
                select a.id from appointment a join appointment_slot s on s.id = a.slot_id
                where a.state = 'BOOKED' and not a.reminded and s.starts_at >= ? and s.starts_at < ?""")
                .params(day.atStartOfDay(Dates.ZONE).toOffsetDateTime(), day.plusDays(1).atStartOfDay(Dates.ZONE).toOffsetDateTime())
                .query(Long.class).list().stream().map(this::find).toList();
    }

    void markReminded(long id) {
        jdbc.sql("update appointment set reminded = true where id = ?").param(id).update();
    }

    private Appointment find(long id) {
        return jdbc.sql("select a.*, " + "s.id as sid from appointment a join appointment_slot s on s.id = a.slot_id where a.id = ?")
                .param(id).query((rs, i) -> new Appointment(rs.getLong("id"), rs.getString("reference"), rs.getString("secret"),
                        slot(rs.getLong("slot_id")), rs.getString("name"), rs.getString("phone"), rs.getString("state")))
                .single();
    }

    private Slot slot(long id) {
        return jdbc.sql(SLOTS + " where s.id = ?").param(id).query(AppointmentService::slot).single();
    }

    private static Slot slot(ResultSet rs, int i) throws SQLException {
        return new Slot(rs.getLong("id"), rs.getLong("point_id"), rs.getString("point_name"), rs.getString("address"),
                rs.getString("service"), rs.getObject("starts_at", OffsetDateTime.class), rs.getInt("capacity"), rs.getInt("booked"));
    }
}
