package org.renkou.cadres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.renkou.access.AccessService;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.access.Permission;
import org.renkou.access.UserService;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.AreaCondition;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.ReportPeriod;
import org.renkou.common.ValidationException;
import org.renkou.outreach.Attendance;
import org.renkou.outreach.OutreachService;
import org.renkou.people.PersonService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cadre team of the user's areas: the town office sees and keeps its whole team, a village cadre sees their
 * village's. Training hours come from outreach's training records (attendees keyed {@code cadre:<id>}).
 */
@Service
public class CadreService {
    static final String ATTENDEE = "cadre:";
    private static final String PHONE = "[0-9+\\- ]{7,20}";
    private static final String SELECT = "select p.*, c.name, c.phone, c.username from cadre_post p left join cadre c on c.id = p.cadre_id";

    /** The person taking a post: an existing cadre ({@code cadreId}), or a new one by name and contact. */
    public record HolderForm(Long cadreId, String name, String phone, String username, Long personId, LocalDate since) {
    }

    /** A holder's contact as corrected in place: phone and linked account (blank: none). */
    public record ContactForm(String phone, String username) {
    }

    public record PostForm(Post.Kind kind, String areaCode, String title, HolderForm holder) {
    }

    public record Team(List<Post> posts, List<Vacancy> vacancies, Map<Post.Kind, Long> filled, int trainingHours) {
    }

    private final JdbcClient jdbc;
    private final AccessService access;
    private final AuditService audit;
    private final AreaService areas;
    private final UserService users;
    private final PersonService persons;
    private final OutreachService outreach;
    private final Messages messages;
    private final Clock clock;

    CadreService(JdbcClient jdbc, AccessService access, AuditService audit, AreaService areas, UserService users,
                 PersonService persons, OutreachService outreach, Messages messages, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.areas = areas;
        this.users = users;
        this.persons = persons;
        this.outreach = outreach;
        this.messages = messages;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The posts of the area (all of the user's areas when blank), of one kind or all, with hours of the period. */
    public Team team(String area, Post.Kind kind, ReportPeriod period) {
        CurrentUser user = access.require(Permission.READ_CADRE_TEAM);
        AreaCondition in = user.scope().on("p.area_code", "p.area_code").within(area);
        Map<String, Object> params = new HashMap<>(in.params());
        StringBuilder where = new StringBuilder(in.sql());
        Map<Long, Integer> hours = hoursByCadre(period);
        Map<String, String> names = areaNames();
        List<Post> all = jdbc.sql(SELECT + " where " + where + " order by p.area_code, p.kind, p.id").params(params)
                .query((rs, n) -> post(rs, user, names, hours)).list();
        List<Vacancy> vacancies = new ArrayList<>(all.stream().filter(Post::vacant)
                .map(p -> new Vacancy(p.id(), p.kind(), p.areaCode(), p.areaName(), p.title())).toList());
        Set<String> withCadrePost = new HashSet<>();
        all.stream().filter(p -> p.kind() == Post.Kind.VILLAGE_CADRE).forEach(p -> withCadrePost.add(p.areaCode()));
        for (Area v : areas.inScope(Area.Level.VILLAGE)) {
            if ((area == null || area.isBlank() || v.code().startsWith(area.trim()))
                    && !withCadrePost.contains(v.code())) {
                vacancies.add(new Vacancy(null, Post.Kind.VILLAGE_CADRE, v.code(), v.name(), v.name() + "计生专干"));
            }
        }
        vacancies.sort(Comparator.comparing(Vacancy::kind).thenComparing(Vacancy::areaCode));
        Map<Post.Kind, Long> filled = new EnumMap<>(Post.Kind.class);
        all.stream().filter(p -> !p.vacant()).forEach(p -> filled.merge(p.kind(), 1L, Long::sum));
        int total = all.stream().filter(p -> !p.vacant()).map(Post::cadreId).distinct()
                .mapToInt(id -> hours.getOrDefault(id, 0)).sum();
        List<Post> shown = kind == null ? all : all.stream().filter(p -> p.kind() == kind).toList();
        return new Team(shown, vacancies, filled, total);
    }

    /** One cadre: contact, posts and the trainings attended in the period. */
    public Cadre cadre(long id, ReportPeriod period) {
        CurrentUser user = access.require(Permission.READ_CADRE_TEAM);
        AreaCondition in = user.scope().on("p.area_code", "p.area_code");
        Map<Long, Integer> hours = hoursByCadre(period);
        List<Post> posts = jdbc.sql(SELECT + " where p.cadre_id = :cadre and " + in.sql() + " order by p.id")
                .param("cadre", id).params(in.params()).query((rs, n) -> post(rs, user, areaNames(), hours)).list();
        if (posts.isEmpty() && !user.scope().all()) { // a former cadre without posts: the node's administrators
            throw new NotFoundException("cadre " + id);
        }
        List<Attendance> trainings = outreach.attendance(ATTENDEE + id, period).stream()
                .filter(a -> a.attendee().equals(ATTENDEE + id)).toList();
        return jdbc.sql("select * from cadre where id = ?").param(id)
                .query((rs, n) -> new Cadre(rs.getLong("id"), rs.getString("name"), phone(rs.getString("phone"), user),
                        rs.getString("username"), (Long) rs.getObject("person_id"), rs.getString("note"), posts, trainings))
                .optional().orElseThrow(() -> new NotFoundException("cadre " + id));
    }

    @Transactional
    public Post addPost(PostForm f) {
        CurrentUser user = access.require(Permission.TOWN_OFFICE);
        List<FieldProblem> problems = new ArrayList<>();
        if (f.kind() == null) {
            problems.add(messages.problem("kind", "required"));
        }
        Optional<Area> area = f.areaCode() == null ? Optional.empty() : areas.find(f.areaCode());
        if (area.isEmpty()) {
            problems.add(messages.problem("areaCode", "areaUnknown", f.areaCode()));
        } else if (!user.scope().contains(f.areaCode())) {
            problems.add(messages.problem("areaCode", "areaScope", f.areaCode()));
        } else if (f.kind() != null && !fits(f.kind(), area.get().level())) {
            problems.add(messages.problem("areaCode", "postLevel"));
        }
        if (f.title() == null || f.title().isBlank()) {
            problems.add(messages.problem("title", "required"));
        }
        if (f.holder() != null) {
            problems.addAll(checkHolder(f.holder()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = jdbc.sql("insert into cadre_post (kind, area_code, title) values (?, ?, ?) returning id")
                .params(f.kind().name(), f.areaCode(), f.title().trim()).query(Long.class).single();
        audit.record(AuditAction.CREATE, "cadre_post", String.valueOf(id), f.kind() + " " + f.areaCode());
        if (f.holder() != null) {
            assign(id, f.holder());
        }
        return post(id);
    }

    /** Gives the post to an existing cadre or to a new one; whoever held it before leaves it. */
    @Transactional
    public Post fill(long postId, HolderForm f) {
        access.require(Permission.TOWN_OFFICE);
        post(postId);
        List<FieldProblem> problems = checkHolder(f);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        assign(postId, f);
        return post(postId);
    }

    /** Corrects a cadre's phone and linked account in place (a new number, an account opened later). */
    @Transactional
    public Cadre correctContact(long cadreId, ContactForm f) {
        access.require(Permission.TOWN_OFFICE);
        ReportPeriod year = ReportPeriod.parse(String.valueOf(today().getYear()));
        Cadre before = cadre(cadreId, year);
        List<FieldProblem> problems = new ArrayList<>();
        String phone = blank(f.phone());
        if (phone != null && !phone.matches(PHONE)) {
            problems.add(messages.problem("phone", "phone"));
        }
        String username = blank(f.username());
        if (username != null && !username.equals(before.username())) {
            if (users.find(username).isEmpty()) {
                problems.add(messages.problem("username", "accountUnknown", username));
            } else if (jdbc.sql("select count(*) from cadre where username = ? and id <> ?").params(username, cadreId)
                    .query(Long.class).single() > 0) {
                problems.add(messages.problem("username", "cadreAccountTaken", username));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        jdbc.sql("update cadre set phone = ?, username = ? where id = ?").params(phone, username, cadreId).update();
        audit.record(AuditAction.UPDATE, "cadre", String.valueOf(cadreId), "contact corrected: phone "
                + (java.util.Objects.equals(phone, before.phone()) ? "unchanged" : "changed") + ", account "
                + (before.username() == null ? "none" : before.username()) + " → " + (username == null ? "none" : username));
        return cadre(cadreId, year);
    }

    @Transactional
    public Post vacate(long postId) {
        access.require(Permission.TOWN_OFFICE);
        post(postId);
        jdbc.sql("update cadre_post set cadre_id = null, since = null where id = ?").param(postId).update();
        audit.record(AuditAction.UPDATE, "cadre_post", String.valueOf(postId), "vacant");
        return post(postId);
    }

    /** Records the hours a cadre of the user's area attended at a training session (outreach keeps them). */
    @Transactional
    public Attendance recordTraining(long cadreId, Long trainingId, Integer hours) {
        access.require(Permission.TOWN_OFFICE);
        Cadre c = cadre(cadreId, new ReportPeriod(LocalDate.of(1900, 1, 1), today()));
        if (trainingId == null) {
            throw new ValidationException(List.of(messages.problem("trainingId", "required")));
        }
        return outreach.recordAttendance(trainingId, ATTENDEE + c.id(), c.name(), hours);
    }

    /** The cadres' training hours in the period, by cadre id. */
    Map<Long, Integer> hoursByCadre(ReportPeriod period) {
        Map<Long, Integer> hours = new HashMap<>();
        for (Attendance a : outreach.attendance(ATTENDEE, period)) {
            hours.merge(Long.parseLong(a.attendee().substring(ATTENDEE.length())), a.hours(), Integer::sum);
        }
        return hours;
    }

    private Post post(long id) {
        CurrentUser user = access.require(Permission.READ_CADRE_TEAM);
        AreaCondition in = user.scope().on("p.area_code", "p.area_code");
        int year = today().getYear();
        Map<Long, Integer> hours = hoursByCadre(new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        return jdbc.sql(SELECT + " where p.id = :id and " + in.sql()).param("id", id).params(in.params())
                .query((rs, n) -> post(rs, user, areaNames(), hours)).optional()
                .orElseThrow(() -> new NotFoundException("post " + id));
    }

    private void assign(long postId, HolderForm f) {
        long cadreId = f.cadreId() != null ? f.cadreId() : jdbc.sql(
                        "insert into cadre (name, phone, username, person_id) values (?, ?, ?, ?) returning id")
                .params(f.name().trim(), blank(f.phone()), blank(f.username()), f.personId()).query(Long.class).single();
        jdbc.sql("update cadre_post set cadre_id = ?, since = ? where id = ?").params(cadreId, f.since(), postId).update();
        audit.record(AuditAction.UPDATE, "cadre_post", String.valueOf(postId), "held by cadre " + cadreId + " since " + f.since());
    }

    private List<FieldProblem> checkHolder(HolderForm f) {
        List<FieldProblem> problems = new ArrayList<>();
        if (f.since() == null) {
            problems.add(messages.problem("since", "required"));
        } else if (f.since().isAfter(today())) {
            problems.add(messages.problem("since", "notFuture"));
        }
        if (f.cadreId() != null) {
            if (jdbc.sql("select count(*) from cadre where id = ?").param(f.cadreId()).query(Long.class).single() == 0) {
                problems.add(messages.problem("cadreId", "cadreUnknown", String.valueOf(f.cadreId())));
            }
            return problems;
        }
        if (f.name() == null || f.name().isBlank()) {
            problems.add(messages.problem("name", "required"));
        }
        if (f.phone() != null && !f.phone().isBlank() && !f.phone().trim().matches(PHONE)) {
            problems.add(messages.problem("phone", "phone"));
        }
        String username = blank(f.username());
        if (username != null && users.find(username).isEmpty()) {
            problems.add(messages.problem("username", "accountUnknown", username));
        } else if (username != null && jdbc.sql("select count(*) from cadre where username = ?").param(username)
                .query(Long.class).single() > 0) {
            problems.add(messages.problem("username", "cadreAccountTaken", username));
        }
        if (f.personId() != null && !readable(f.personId())) {
            problems.add(messages.problem("personId", "referralPerson", String.valueOf(f.personId())));
        }
        return problems;
    }

    private boolean readable(long personId) {
        try {
            persons.get(personId);
            return true;
        } catch (NotFoundException | AccessDeniedException e) {
            return false;
        }
    }

    /** Town staff serve the town; 专干 and women's group leaders a village-level unit; the others a unit or a grid. */
    private static boolean fits(Post.Kind kind, Area.Level level) {
        return switch (kind) {
            case TOWN_STAFF -> level == Area.Level.TOWN;
            case VILLAGE_CADRE, WOMENS_GROUP_LEADER -> level == Area.Level.VILLAGE;
            case FLOATING_ASSISTANT, VOLUNTEER -> level == Area.Level.VILLAGE || level == Area.Level.GRID || level == Area.Level.TOWN;
        };
    }

    private Map<String, String> areaNames() {
        Map<String, String> names = new HashMap<>();
        for (Area.Level level : List.of(Area.Level.TOWN, Area.Level.VILLAGE, Area.Level.GRID)) {
            names.putAll(areas.names(level));
        }
        return names;
    }

    private Post post(ResultSet rs, CurrentUser user, Map<String, String> names, Map<Long, Integer> hours) throws SQLException {
        Long cadreId = (Long) rs.getObject("cadre_id");
        String area = rs.getString("area_code");
        return new Post(rs.getLong("id"), Post.Kind.valueOf(rs.getString("kind")), area, names.getOrDefault(area, area),
                rs.getString("title"), cadreId, rs.getString("name"), phone(rs.getString("phone"), user),
                rs.getString("username"), rs.getObject("since", LocalDate.class), cadreId == null ? 0 : hours.getOrDefault(cadreId, 0));
    }

    /** The town office calls its team; others see the first three and last two digits. */
    private static String phone(String phone, CurrentUser user) {
        if (phone == null || user.has(Permission.TOWN_OFFICE)) {
            return phone;
        }
        return phone.length() < 7 ? "***" : phone.substring(0, 3) + "*".repeat(phone.length() - 5) + phone.substring(phone.length() - 2);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
