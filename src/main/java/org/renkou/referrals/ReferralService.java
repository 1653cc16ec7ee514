package org.renkou.referrals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.renkou.access.AccessService;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.access.Permission;
import org.renkou.access.UserService;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.AreaCondition;
import org.renkou.common.ConflictException;
import org.renkou.common.FieldProblem;
import org.renkou.common.IdNumber;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.PageResult;
import org.renkou.common.ValidationException;
import org.renkou.people.Person;
import org.renkou.people.PersonService;
import org.renkou.people.PersonStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals of floating people to partner offices. The town office refers and sees every referral of its area;
 * a partner's accounts (police, clinic) see and answer only those addressed to their office, within their area;
 * the town office answers for the offices without an account.
 */
@Service
public class ReferralService {
    private static final String SELECT = """
            select r.*, p.name as partner_name, m.name, m.id_number from referral r
            join referral_partner p on p.id = r.partner_id
            left join lateral (select x.name, x.id_number from people_on(:today) x where x.person_id = r.person_id) m on true
            """;

    public record ReferralForm(Long personId, Boolean forFamily, Referral.Kind kind, Long partnerId, LocalDate referredOn,
                               String need) {
    }

    public record AnswerForm(Referral.Outcome outcome, LocalDate answeredOn, String note) {
    }

    public record PartnerForm(String name, Partner.Kind kind, String townCode, List<String> accounts) {
    }

    /** OPEN: not answered yet; OVERDUE: open past the deadline; ANSWERED: closed; GIVEN: answered with the service. */
    public enum State { OPEN, OVERDUE, ANSWERED, GIVEN }

    public record Criteria(Referral.Kind kind, Long partnerId, State state, String area, int page, int size) {
    }

    private final JdbcClient jdbc;
    private final AccessService access;
    private final AuditService audit;
    private final PersonService persons;
    private final AreaService areas;
    private final UserService users;
    private final Messages messages;
    private final ReferralSettings settings;
    private final Clock clock;

    ReferralService(JdbcClient jdbc, AccessService access, AuditService audit, PersonService persons, AreaService areas,
                    UserService users, Messages messages, ReferralSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.persons = persons;
        this.areas = areas;
        this.users = users;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public int deadlineDays() {
        return settings.deadlineDays();
    }

    /** The partner offices of the towns the user works in. */
    public List<Partner> partners() {
        CurrentUser user = access.require(Permission.ANSWER_REFERRALS);
        return jdbc.sql("select * from referral_partner order by town_code, kind, name").query(ReferralService::partner).list()
                .stream().filter(p -> user.scope().coversArea(p.townCode())).toList();
    }

    @Transactional
    public Partner addPartner(PartnerForm f) {
        CurrentUser user = access.require(Permission.TOWN_OFFICE);
        List<FieldProblem> problems = new ArrayList<>();
        if (f.name() == null || f.name().isBlank()) {
            problems.add(messages.problem("name", "required"));
        }
        if (f.kind() == null) {
            problems.add(messages.problem("kind", "required"));
        }
        Optional<Area> town = f.townCode() == null ? Optional.empty() : areas.find(f.townCode());
        if (town.isEmpty() || town.get().level() != Area.Level.TOWN) {
            problems.add(messages.problem("townCode", "areaUnknown", f.townCode()));
        } else if (!user.scope().contains(f.townCode())) {
            problems.add(messages.problem("townCode", "areaScope", f.townCode()));
        }
        List<String> accounts = f.accounts() == null ? List.of() : f.accounts().stream().map(String::trim).distinct().toList();
        accounts.stream().filter(a -> users.find(a).isEmpty()).forEach(a -> problems.add(messages.problem("accounts", "accountUnknown", a)));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (jdbc.sql("select count(*) from referral_partner where town_code = ? and name = ?").params(f.townCode(), f.name().trim())
                .query(Long.class).single() > 0) {
            throw new ValidationException(List.of(messages.problem("name", "partnerTaken", f.name().trim())));
        }
        long id = jdbc.sql("insert into referral_partner (name, kind, town_code, accounts) values (?, ?, ?, ?) returning id")
                .params(f.name().trim(), f.kind().name(), f.townCode(), accounts.toArray(String[]::new)).query(Long.class).single();
        audit.record(AuditAction.CREATE, "referral_partner", String.valueOf(id), f.name().trim());
        return partner(id).orElseThrow();
    }

    /** Refers a floating person of the user's area to a partner office of the person's town. */
    @Transactional
    public Referral refer(ReferralForm f) {
        CurrentUser user = access.require(Permission.TOWN_OFFICE);
        List<FieldProblem> problems = new ArrayList<>();
        Person person = null;
        if (f.personId() == null) {
            problems.add(messages.problem("personId", "required"));
        } else {
            person = readablePerson(f.personId());
            if (person == null) {
                problems.add(messages.problem("personId", "referralPerson", String.valueOf(f.personId())));
            } else if (person.status() != PersonStatus.INFLOW) {
                problems.add(messages.problem("personId", "referralFloating"));
            }
        }
        if (f.kind() == null) {
            problems.add(messages.problem("kind", "required"));
        }
        Optional<Partner> partner = f.partnerId() == null ? Optional.empty() : partner(f.partnerId());
        if (f.partnerId() == null) {
            problems.add(messages.problem("partnerId", "required"));
        } else if (partner.isEmpty() || (person != null && !person.villageCode().startsWith(partner.get().townCode()))
                || !user.scope().coversArea(partner.get().townCode())) {
            problems.add(messages.problem("partnerId", "referralPartner"));
        }
        checkDate(problems, "referredOn", f.referredOn(), null);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = jdbc.sql("""
                        insert into referral (person_id, village_code, grid_code, for_family, kind, partner_id, referred_on,
                        referred_by, need) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(person.id(), person.villageCode(), person.gridCode(), Boolean.TRUE.equals(f.forFamily()), f.kind().name(),
                        f.partnerId(), f.referredOn(), user.username(), blank(f.need()))
                .query(Long.class).single();
        audit.record(AuditAction.CREATE, "referral", String.valueOf(id), f.kind() + " person " + person.id());
        return get(id);
    }

    /** The office's answer: its outcome and date. A referral is answered once. */
    @Transactional
    public Referral answer(long id, AnswerForm f) {
        CurrentUser user = access.require(Permission.ANSWER_REFERRALS);
        Referral r = get(id);
        if (!mayAnswer(r)) {
            throw new AccessDeniedException(user.username() + " does not answer for partner " + r.partnerId());
        }
        if (!r.open()) {
            throw new ConflictException(messages.get("referral.answeredAlready", r.answeredOn().toString()));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (f.outcome() == null) {
            problems.add(messages.problem("outcome", "required"));
        }
        checkDate(problems, "answeredOn", f.answeredOn(), r.referredOn());
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        jdbc.sql("update referral set outcome = ?, answered_on = ?, answered_by = ?, answer_note = ? where id = ? and outcome is null")
                .params(f.outcome().name(), f.answeredOn(), user.username(), blank(f.note()), id).update();
        audit.record(AuditAction.UPDATE, "referral", String.valueOf(id), "answer " + f.outcome());
        return get(id);
    }

    /** Whether the user answers for the referral's office: one of its accounts, or the town office for one without. */
    public boolean mayAnswer(Referral r) {
        CurrentUser user = access.current();
        Partner p = partner(r.partnerId()).orElseThrow();
        return user.has(Permission.ANSWER_REFERRALS) && (p.accounts().contains(user.username())
                || (p.answeredByTownOffice() && user.has(Permission.TOWN_OFFICE)));
    }

    public Referral get(long id) {
        CurrentUser user = access.require(Permission.ANSWER_REFERRALS);
        Map<String, Object> params = new HashMap<>(Map.of("today", today(), "id", id));
        return jdbc.sql(SELECT + " where r.id = :id and " + visible(user, null, params)).params(params)
                .query((rs, n) -> map(rs, user)).optional().orElseThrow(() -> new NotFoundException("referral " + id));
    }

    /** The referrals of one person the user may see (a partner: those addressed to it), newest first. */
    public List<Referral> ofPerson(long personId) {
        CurrentUser user = access.require(Permission.ANSWER_REFERRALS);
        Map<String, Object> params = new HashMap<>(Map.of("today", today(), "person", personId));
        return jdbc.sql(SELECT + " where r.person_id = :person and " + visible(user, null, params)
                        + " order by r.referred_on desc, r.id desc limit 200").params(params)
                .query((rs, n) -> map(rs, user)).list();
    }

    /** One page of the referrals the user may see, newest first (overdue ones oldest first), with the true total. */
    public PageResult<Referral> search(Criteria c) {
        CurrentUser user = access.require(Permission.ANSWER_REFERRALS);
        Map<String, Object> params = new HashMap<>(Map.of("today", today()));
        StringBuilder where = new StringBuilder(visible(user, c.area(), params));
        if (c.kind() != null) {
            where.append(" and r.kind = :kind");
            params.put("kind", c.kind().name());
        }
        if (c.partnerId() != null) {
            where.append(" and r.partner_id = :partner");
            params.put("partner", c.partnerId());
        }
        if (c.state() != null) {
            where.append(switch (c.state()) {
                case OPEN -> " and r.outcome is null";
                case OVERDUE -> " and r.outcome is null and r.referred_on + :deadlineDays < :today";
                case ANSWERED -> " and r.outcome is not null";
                case GIVEN -> " and r.outcome = 'GIVEN'";
            });
            if (c.state() == State.OVERDUE) {
                params.put("deadlineDays", settings.deadlineDays());
            }
        }
        int size = Math.min(Math.max(c.size(), 1), 200);
        int page = Math.max(c.page(), 0);
        long total = jdbc.sql("select count(*) from referral r join referral_partner p on p.id = r.partner_id where " + where)
                .params(params).query(Long.class).single();
        String order = c.state() == State.OVERDUE ? "r.referred_on, r.id" : "r.referred_on desc, r.id desc";
        List<Referral> items = jdbc.sql(SELECT + " where " + where + " order by " + order + " limit :size offset :offset")
                .params(params).param("size", size).param("offset", (long) page * size).query((rs, n) -> map(rs, user)).list();
        return new PageResult<>(items, total, page, size);
    }

    /** The open referrals of the user's area past their deadline today, oldest first (the town office's tasks). */
    public List<Referral> overdue() {
        CurrentUser user = access.current();
        if (!user.has(Permission.TOWN_OFFICE)) {
            return List.of();
        }
        return search(new Criteria(null, null, State.OVERDUE, null, 0, 200)).items();
    }

    /** Null when the person is unknown or outside the user's areas (not saying which). */
    private Person readablePerson(long id) {
        try {
            return persons.get(id);
        } catch (NotFoundException | AccessDeniedException e) {
            return null;
        }
    }

    /**
     * The town office sees its area's referrals; a partner's account only those to its office, in its area;
     * narrowed to the chosen area (if any) by village or grid, as the scope is.
     */
    private String visible(CurrentUser user, String area, Map<String, Object> params) {
        AreaCondition in = user.scope().on("r.village_code", "r.grid_code").within(area);
        params.putAll(in.params());
        if (user.has(Permission.TOWN_OFFICE)) {
            return in.sql();
        }
        params.put("account", user.username());
        return in.sql() + " and :account = any(p.accounts)";
    }

    private void checkDate(List<FieldProblem> problems, String field, LocalDate d, LocalDate notBefore) {
        if (d == null) {
            problems.add(messages.problem(field, "required"));
        } else if (d.isAfter(today())) {
            problems.add(messages.problem(field, "notFuture"));
        } else if (notBefore != null && d.isBefore(notBefore)) {
            problems.add(messages.problem(field, "answerBeforeReferral", notBefore.toString()));
        }
    }

    private Optional<Partner> partner(long id) {
        return jdbc.sql("select * from referral_partner where id = ?").param(id).query(ReferralService::partner).optional();
    }

    private static Partner partner(ResultSet rs, int n) throws SQLException {
        return new Partner(rs.getLong("id"), rs.getString("name"), Partner.Kind.valueOf(rs.getString("kind")),
                rs.getString("town_code"), Arrays.asList((String[]) rs.getArray("accounts").getArray()));
    }

    private Referral map(ResultSet rs, CurrentUser user) throws SQLException {
        LocalDate referred = rs.getObject("referred_on", LocalDate.class);
        LocalDate due = referred.plusDays(settings.deadlineDays());
        String outcome = rs.getString("outcome");
        String idNumber = rs.getString("id_number");
        return new Referral(rs.getLong("id"), rs.getLong("person_id"), rs.getString("name"),
                idNumber == null || user.has(Permission.SEE_WHOLE_ID_NUMBERS) ? idNumber : IdNumber.mask(idNumber),
                rs.getString("village_code"), rs.getString("grid_code"), rs.getBoolean("for_family"),
                Referral.Kind.valueOf(rs.getString("kind")), rs.getLong("partner_id"), rs.getString("partner_name"), referred,
                rs.getString("referred_by"), rs.getString("need"), due, outcome == null && due.isBefore(today()),
                outcome == null ? null : Referral.Outcome.valueOf(outcome), rs.getObject("answered_on", LocalDate.class),
                rs.getString("answered_by"), rs.getString("answer_note"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
