package org.renkou.health;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.renkou.common.AreaCondition;
import org.renkou.common.AreaScope;
import org.renkou.common.Dates;
import org.renkou.common.FieldProblem;
import org.renkou.common.IdNumber;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.ValidationException;
import org.renkou.health.HealthCodes.CheckKind;
import org.renkou.health.HealthCodes.CheckResult;
import org.renkou.health.HealthCodes.FollowupOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check campaigns (三查): the roster is every married WRA of the campaign's areas on its start date, floating
 * women included; the clinic enters results; women not checked by the end become follow-up tasks for their
 * village cadre until closed with an outcome.
 */
@Service
public class CampaignService {
    /** IUD users are reminded of a ring check when none was recorded for this long. */
    static final int IUD_CHECK_MONTHS = 6;
    /** 产后访视: a visit within 42 days of a birth. */
    static final int POSTPARTUM_DAYS = 42;

    private final org.springframework.beans.factory.ObjectProvider<TaskSource> otherTasks;
    private final JdbcClient jdbc;
    private final AccessService access;
    private final AuditService audit;
    private final AreaService areas;
    private final Messages messages;

    CampaignService(JdbcClient jdbc, AccessService access, AuditService audit, AreaService areas, Messages messages,
                    org.springframework.beans.factory.ObjectProvider<TaskSource> otherTasks) {
        this.otherTasks = otherTasks;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.areas = areas;
        this.messages = messages;
    }

    /** Creates the campaign and fixes its roster; the town office's work. */
    @Transactional
    public Campaign create(CampaignForm f) {
        CurrentUser user = access.require(Permission.TOWN_OFFICE);
        List<String> codes = validate(f);
        long id = jdbc.sql("""
                insert into check_campaign (name, kinds, starts_on, ends_on, area_codes, created_by)
                values (?, ?::text[], ?, ?, ?::text[], ?) returning id""")
                .params(f.name().trim(), pgArray(f.kinds().stream().map(Enum::name).distinct().toList()), f.startsOn(),
                        f.endsOn(), pgArray(codes), user.username()).query(Long.class).single();
        AreaCondition inCampaign = AreaScope.of(codes).on("w.village_code", "w.grid_code");
        int roster = jdbc.sql("insert into check_roster (campaign_id, person_id, village_code, grid_code)"
                        + " select :campaign, person_id, village_code, grid_code from married_wra_on(:startsOn) w where "
                        + inCampaign.sql())
                .param("campaign", id).param("startsOn", f.startsOn()).params(inCampaign.params()).update();
        audit.recordWorded(AuditAction.CREATE, "check_campaign", String.valueOf(id), "audit.detail.campaign", f.name(), roster);
        return campaign(id);
    }

    /** Every campaign, newest first, with the roster and checks within the user's areas. */
    public List<Campaign> campaigns() {
        CurrentUser user = access.require(Permission.READ_HEALTH);
        AreaCondition in = user.scope().on("r.village_code", "r.grid_code");
        return jdbc.sql("select c.*, count(r.person_id) as roster, count(r.checked_on) as checked from check_campaign c"
                        + " left join check_roster r on r.campaign_id = c.id and " + in.sql()
                        + " group by c.id order by c.starts_on desc, c.id desc")
                .params(in.params()).query(CampaignService::campaign).list();
    }

    public Campaign campaign(long id) {
        return campaigns().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("campaign " + id));
    }

    /** Live check progress per village-level unit the user may see. */
    public List<Campaign.Progress> progress(long id) {
        CurrentUser user = access.require(Permission.READ_HEALTH);
        AreaCondition in = user.scope().on("r.village_code", "r.grid_code");
        return jdbc.sql("""
                select village_code, count(*) as roster, count(checked_on) as checked,
                       count(*) filter (where checked_on is null and followup_closed_on is null) as open
                from check_roster r where campaign_id = :campaign and """ + in.sql()
                        + " group by village_code order by village_code")
                .param("campaign", id).params(in.params()).query((rs, n) -> new Campaign.Progress(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4))).list();
    }

    /** The roster of a campaign (of one village, or all the user may see), unchecked women only if asked. */
    public List<RosterLine> roster(long id, String village, boolean uncheckedOnly) {
        Campaign c = campaign(id);
        CurrentUser user = access.current();
        AreaCondition in = user.scope().on("r.village_code", "r.grid_code").within(village);
        String where = " where r.campaign_id = :campaign and " + in.sql();
        if (uncheckedOnly) {
            where += " and r.checked_on is null";
        }
        return jdbc.sql(ROSTER + where + " order by r.village_code, r.grid_code, w.name, r.person_id")
                .param("campaign", id).params(in.params())
                .query((rs, n) -> rosterLine(rs, c.name(), c.endsOn())).list();
    }

    private static final String ROSTER = """
            select r.*, w.name, w.id_number from check_roster r
            join lateral (select name, id_number from people_on(current_date) p where p.person_id = r.person_id) w on true""";

    /** A woman of the roster found in one step: by ID number (exact) or by name (prefix); at most ten. */
    public List<RosterLine> lookup(long id, String query) {
        Campaign c = campaign(id);
        CurrentUser user = access.require(Permission.READ_HEALTH);
        String q = query == null ? "" : query.trim().toUpperCase();
        if (q.isEmpty()) {
            return List.of();
        }
        AreaCondition in = user.scope().on("r.village_code", "r.grid_code");
        String where = " where r.campaign_id = :campaign and " + in.sql();
        Object sought;
        if (q.matches("[0-9X]{15,18}")) {
            where += " and w.id_number = :sought";
            sought = IdNumber.parse(q).normalized() != null ? IdNumber.parse(q).normalized() : q;
        } else {
            where += " and w.name like :sought";
            sought = q.replace("%", "").replace("_", "") + "%";
        }
        return jdbc.sql(ROSTER + where + " order by w.name, r.person_id limit 10")
                .param("campaign", id).param("sought", sought).params(in.params())
                .query((rs, n) -> rosterLine(rs, c.name(), c.endsOn())).list();
    }

    /** Enters (or corrects) a check result; the clinic's work on a clinic day. */
    @Transactional
    public RosterLine recordResult(long id, CheckResultForm f) {
        CurrentUser user = access.require(Permission.WRITE_HEALTH);
        Campaign c = campaign(id);
        LocalDate on = f.checkedOn() != null ? f.checkedOn() : Dates.today();
        List<FieldProblem> problems = new ArrayList<>();
        if (f.personId() == null) {
            problems.add(messages.problem("personId", "required"));
        }
        if (f.result() == null) {
            problems.add(messages.problem("result", "required"));
        }
        if (on.isAfter(Dates.today())) {
            problems.add(messages.problem("checkedOn", "notFuture"));
        } else if (on.isBefore(c.startsOn()) || on.isAfter(c.endsOn())) {
            problems.add(messages.problem("checkedOn", "withinCampaign", c.startsOn(), c.endsOn()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        AreaCondition in = user.scope().on("r.village_code", "r.grid_code");
        int n = jdbc.sql("update check_roster r set checked_on = :on, result = :result, checked_by = :by"
                        + " where campaign_id = :campaign and person_id = :person and " + in.sql())
                .param("on", on).param("result", f.result().name()).param("by", user.username()).param("campaign", id)
                .param("person", f.personId()).params(in.params()).update();
        if (n == 0) {
            throw new NotFoundException("person " + f.personId() + " on the roster of campaign " + id);
        }
        audit.record(AuditAction.CREATE, "person", String.valueOf(f.personId()), "check result, campaign " + id + ": " + f.result());
        return line(id, f.personId());
    }

    /** Closes an absentee's follow-up with its outcome; the village cadre's work. */
    @Transactional
    public RosterLine closeFollowup(long id, long personId, FollowupForm f) {
        CurrentUser user = access.require(Permission.WRITE_HEALTH);
        if (f.outcome() == null) {
            throw new ValidationException(List.of(messages.problem("outcome", "required")));
        }
        AreaCondition in = user.scope().on("r.village_code", "r.grid_code");
        int n = jdbc.sql("update check_roster r set followup_outcome = :outcome, followup_note = :note, followup_closed_on = :on"
                        + " where campaign_id = :campaign and person_id = :person and checked_on is null and " + in.sql())
                .param("outcome", f.outcome().name()).param("note", WomenService.blankToNull(f.note()))
                .param("on", Dates.today()).param("campaign", id).param("person", personId).params(in.params()).update();
        if (n == 0) {
            throw new NotFoundException("absentee " + personId + " of campaign " + id);
        }
        audit.record(AuditAction.CREATE, "person", String.valueOf(personId), "follow-up, campaign " + id + ": " + f.outcome());
        return line(id, personId);
    }

    /**
     * The user's tasks: open absentee follow-ups, IUD checks due and postpartum visits, in their areas, and what
     * the other features' {@link TaskSource}s add (overdue referrals).
     */
    public List<Task> tasks() {
        CurrentUser user = access.require(Permission.READ_HEALTH);
        LocalDate today = Dates.today();
        List<Task> tasks = new ArrayList<>();
        AreaCondition rosterIn = user.scope().on("r.village_code", "r.grid_code");
        tasks.addAll(jdbc.sql(ROSTER + " join check_campaign c on c.id = r.campaign_id"
                        + " where c.ends_on < :today and r.checked_on is null and r.followup_closed_on is null and "
                        + rosterIn.sql() + " order by c.ends_on, r.village_code, w.name")
                .param("today", today).params(rosterIn.params()).query((rs, n) -> new Task(Task.Kind.CAMPAIGN_ABSENTEE, rs.getLong("person_id"),
                        rs.getString("name"), IdNumber.mask(rs.getString("id_number")), rs.getString("village_code"),
                        null, rs.getLong("campaign_id"), null)).list());
        AreaCondition womanIn = user.scope().on("w.village_code", "w.grid_code");
        tasks.addAll(jdbc.sql("""
                select w.person_id, w.name, w.id_number, w.village_code, k.last from married_wra_on(:today) w
                join contraception c on c.person_id = w.person_id and c.method = 'IUD' and c.ended_on is null
                left join lateral (select max(checked_on) as last from check_roster r where r.person_id = w.person_id) k on true
                where coalesce(k.last, c.started_on) < :checkedBefore and """ + womanIn.sql()
                        + " order by w.village_code, w.name")
                .param("today", today).param("checkedBefore", today.minusMonths(IUD_CHECK_MONTHS)).params(womanIn.params())
                .query((rs, n) -> new Task(Task.Kind.IUD_CHECK_DUE, rs.getLong(1), rs.getString(2),
                        IdNumber.mask(rs.getString(3)), rs.getString(4), null, null, String.valueOf(rs.getObject(5)))).list());
        AreaCondition birthIn = user.scope().on("b.area_code", "b.grid_code");
        tasks.addAll(jdbc.sql("""
                select b.mother_id, m.name, m.id_number, b.area_code, b.birth_date from birth b
                join lateral (select name, id_number from people_on(:today) p where p.person_id = b.mother_id) m on true
                where b.birth_date between :bornFrom and :today and not b.adopted and b.child_id is not null and """
                        + birthIn.sql() + " order by b.birth_date")
                .param("today", today).param("bornFrom", today.minusDays(POSTPARTUM_DAYS)).params(birthIn.params())
                .query((rs, n) -> new Task(Task.Kind.POSTPARTUM_VISIT, rs.getLong(1), rs.getString(2),
                        IdNumber.mask(rs.getString(3)), rs.getString(4),
                        rs.getObject(5, LocalDate.class).plusDays(POSTPARTUM_DAYS), null, null)).list());
        otherTasks.orderedStream().forEach(s -> tasks.addAll(s.tasks()));
        return tasks;
    }

    private RosterLine line(long id, long personId) {
        Campaign c = campaign(id);
        return jdbc.sql(ROSTER + " where r.campaign_id = ? and r.person_id = ?").params(id, personId)
                .query((rs, n) -> rosterLine(rs, c.name(), c.endsOn())).single();
    }

    private List<String> validate(CampaignForm f) {
        List<FieldProblem> problems = new ArrayList<>();
        if (f.name() == null || f.name().isBlank()) {
            problems.add(messages.problem("name", "required"));
        }
        if (f.kinds() == null || f.kinds().isEmpty()) {
            problems.add(messages.problem("kinds", "required"));
        }
        if (f.startsOn() == null) {
            problems.add(messages.problem("startsOn", "required"));
        }
        if (f.endsOn() == null) {
            problems.add(messages.problem("endsOn", "required"));
        } else if (f.startsOn() != null && f.endsOn().isBefore(f.startsOn())) {
            problems.add(messages.problem("endsOn", "notBeforeStart"));
        }
        List<String> codes = f.areaCodes() == null ? List.of()
                : f.areaCodes().stream().filter(c -> c != null && !c.isBlank()).map(String::trim).distinct().toList();
        if (codes.isEmpty()) {
            problems.add(messages.problem("areaCodes", "required"));
        }
        for (String c : codes) {
            if (areas.find(c).isEmpty()) {
                problems.add(messages.problem("areaCodes", "areaUnknown", c));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return codes;
    }

    static RosterLine rosterLine(ResultSet rs, String campaignName, LocalDate endsOn) throws SQLException {
        return new RosterLine(rs.getLong("campaign_id"), campaignName != null ? campaignName : rs.getString("campaign_name"),
                endsOn != null ? endsOn : rs.getObject("ends_on", LocalDate.class), rs.getLong("person_id"),
                has(rs, "name") ? rs.getString("name") : null,
                has(rs, "id_number") ? IdNumber.mask(rs.getString("id_number")) : null,
                rs.getString("village_code"), rs.getString("grid_code"), rs.getObject("checked_on", LocalDate.class),
                WomenService.enumOf(CheckResult.class, rs.getString("result")),
                WomenService.enumOf(FollowupOutcome.class, rs.getString("followup_outcome")),
                rs.getString("followup_note"), rs.getObject("followup_closed_on", LocalDate.class));
    }

    private static boolean has(ResultSet rs, String column) throws SQLException {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            if (rs.getMetaData().getColumnName(i).equals(column)) {
                return true;
            }
        }
        return false;
    }

    private static Campaign campaign(ResultSet rs, int n) throws SQLException {
        return new Campaign(rs.getLong("id"), rs.getString("name"),
                Arrays.stream(strings(rs.getArray("kinds"))).map(CheckKind::valueOf).toList(),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                List.of(strings(rs.getArray("area_codes"))), rs.getString("created_by"), rs.getLong("roster"),
                rs.getLong("checked"));
    }

    private static String[] strings(Array a) throws SQLException {
        return (String[]) a.getArray();
    }

    /** A PostgreSQL array literal of plain codes (letters, digits, '_'), bound as text and cast. */
    private static String pgArray(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }
}
