package org.renkou.verification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.renkou.access.AccessService;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.access.Permission;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.AreaCondition;
import org.renkou.common.AreaScope;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.TextLimits;
import org.renkou.common.ValidationException;
import org.renkou.people.HouseholdMember;
import org.renkou.people.PersonService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planning rounds, their worklists and where they stand. A round's households are taken once, as they were on
 * its first day (the register's published view {@code household_members_on}), so its figures and progress
 * are read from the round's own tables however large the register is.
 */
@Service
public class VerificationRounds {
    /** One household of a worklist with its persons. */
    public record WorkItem(String householdNo, String address, String villageCode, String gridCode, String outcome,
                           List<HouseholdMember> persons) {
    }

    /** A village or grid of a round's progress; {@code workers} are the accounts of the area (who should visit it). */
    public record AreaProgress(String areaCode, String areaName, Figures figures, List<String> workers) {
    }

    private final JdbcClient jdbc;
    private final AccessService access;
    private final AuditService audit;
    private final AreaService areas;
    private final PersonService persons;
    private final Messages messages;
    private final Clock clock;
    private final org.renkou.access.UserService users;

    VerificationRounds(JdbcClient jdbc, AccessService access, AuditService audit, AreaService areas, PersonService persons,
                       Messages messages, Clock clock, org.renkou.access.UserService users) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.areas = areas;
        this.persons = persons;
        this.messages = messages;
        this.clock = clock;
        this.users = users;
    }

    /** The town office plans a round over villages or whole towns of its areas; answers the round. */
    @Transactional
    public Round plan(String name, List<String> areaCodes, LocalDate startsOn, LocalDate endsOn) {
        CurrentUser user = access.require(Permission.TOWN_OFFICE);
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(roundName("required"));
        } else if (name.trim().length() > TextLimits.NAME) {
            problems.add(roundName("maxLength", String.valueOf(TextLimits.NAME)));
        }
        List<String> codes = areaCodes == null ? List.of()
                : areaCodes.stream().filter(c -> c != null && !c.isBlank()).map(String::trim).distinct().toList();
        if (codes.isEmpty()) {
            problems.add(messages.problem("areaCodes", "required"));
        }
        for (String code : codes) {
            Area a = areas.find(code).orElse(null);
            if (a == null) {
                problems.add(messages.problem("areaCodes", "areaUnknown", code));
            } else if (a.level() != Area.Level.TOWN && a.level() != Area.Level.VILLAGE) {
                problems.add(messages.problem("areaCodes", "roundArea", code));
            } else if (!user.scope().contains(code)) {
                problems.add(messages.problem("areaCodes", "areaScope", code));
            }
        }
        if (startsOn == null) {
            problems.add(messages.problem("startsOn", "required"));
        }
        if (endsOn == null) {
            problems.add(messages.problem("endsOn", "required"));
        } else if (startsOn != null && endsOn.isBefore(startsOn)) {
            problems.add(messages.problem("endsOn", "endsBeforeStart"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = jdbc.sql("insert into verification_round (name, starts_on, ends_on, planned_by) values (?, ?, ?, ?) returning id")
                .params(name.trim(), startsOn, endsOn, user.username()).query(Long.class).single();
        for (String code : codes) {
            jdbc.sql("insert into verification_round_area (round_id, area_code) values (?, ?)").params(id, code).update();
        }
        takeHouseholds(id, codes, startsOn);
        audit.record(AuditAction.CREATE, "verification_round", String.valueOf(id), name.trim() + " " + codes);
        return new Round(id, name.trim(), codes, startsOn, endsOn, user.username());
    }

    /** A refused {@code name}, named as the round's name (名称) rather than a person's (姓名). */
    private FieldProblem roundName(String rule, Object... args) {
        FieldProblem p = messages.problem("roundName", rule, args);
        return new FieldProblem("name", p.rule(), p.message());
    }

    /** The worklist of the round's areas: every household of them with its persons on {@code startsOn}. */
    private void takeHouseholds(long roundId, List<String> codes, LocalDate startsOn) {
        AreaCondition in = AreaScope.of(codes).on("m.village_code", "m.grid_code");
        jdbc.sql("insert into verification_household (round_id, household_id, household_no, village_code, grid_code, address, persons)"
                        + " select :round, m.household_id, m.household_no, m.village_code, m.grid_code, m.address, count(*)"
                        + " from household_members_on(:startsOn) m where " + in.sql() + " group by 1, 2, 3, 4, 5, 6")
                .param("round", roundId).param("startsOn", startsOn).params(in.params()).update();
    }

    /** The rounds the user has a part in that are not over (for the phone), the latest first. */
    public List<Round> open() {
        CurrentUser user = access.require(Permission.READ_RESIDENTS);
        LocalDate today = LocalDate.now(clock);
        return all().stream().filter(r -> !r.endsOn().isBefore(today))
                .filter(r -> r.areaCodes().stream().anyMatch(user.scope()::coversArea)).toList();
    }

    /** Every round the user has a part in, the latest first. */
    public List<Round> visible() {
        CurrentUser user = access.require(Permission.READ_AGGREGATES);
        return all().stream().filter(r -> r.areaCodes().stream().anyMatch(user.scope()::coversArea)).toList();
    }

    private List<Round> all() {
        Map<Long, List<String>> codes = new LinkedHashMap<>();
        jdbc.sql("select round_id, area_code from verification_round_area order by area_code")
                .query(rs -> {
                    codes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return jdbc.sql("select * from verification_round order by starts_on desc, id desc")
                .query((rs, i) -> new Round(rs.getLong("id"), rs.getString("name"), codes.getOrDefault(rs.getLong("id"), List.of()),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                        rs.getString("planned_by"))).list();
    }

    /** A round the user has a part in. */
    public Round get(long id) {
        CurrentUser user = access.current();
        return all().stream().filter(r -> r.id() == id)
                .filter(r -> r.areaCodes().stream().anyMatch(user.scope()::coversArea))
                .findFirst().orElseThrow(() -> new NotFoundException("verification round " + id));
    }

    public String status(Round r) {
        return r.status(LocalDate.now(clock));
    }

    /** The round's figures over the user's areas (the town office: the whole round). */
    public Figures figures(long roundId) {
        CurrentUser user = access.require(Permission.READ_AGGREGATES);
        get(roundId);
        return byArea(roundId, user.scope(), false).values().stream().reduce(Figures.NONE, Figures::plus);
    }

    /** Progress by village and by grid (a village's households outside any grid are its own line). */
    public Map<String, List<AreaProgress>> progress(long roundId) {
        CurrentUser user = access.require(Permission.READ_AGGREGATES);
        get(roundId);
        Map<String, String> villageNames = areas.names(Area.Level.VILLAGE);
        Map<String, String> gridNames = areas.names(Area.Level.GRID);
        Map<String, List<AreaProgress>> out = new LinkedHashMap<>();
        Map<String, Figures> villages = byArea(roundId, user.scope(), false);
        villages.forEach((code, f) -> out.put(code, new ArrayList<>(List.of(new AreaProgress(code,
                villageNames.getOrDefault(code, code), f, workers(code))))));
        byArea(roundId, user.scope(), true).forEach((code, f) -> {
            String village = code.length() > 12 ? code.substring(0, 12) : code;
            if (code.length() > 12) {
                out.computeIfAbsent(village, k -> new ArrayList<>())
                        .add(new AreaProgress(code, gridNames.getOrDefault(code, code), f, workers(code)));
            }
        });
        return out;
    }

    private List<String> workers(String areaCode) {
        return users.assignedTo(areaCode).stream().map(u -> u.displayName()).toList();
    }

    /** Figures per village (or per grid, the code of a grid-less household's village standing in). */
    private Map<String, Figures> byArea(long roundId, AreaScope scope, boolean byGrid) {
        String key = byGrid ? "coalesce(grid_code, village_code)" : "village_code";
        Map<String, long[]> sums = new TreeMap<>();
        AreaCondition in = scope.on("village_code", "grid_code");
        jdbc.sql("select " + key + ", count(*), count(*) filter (where outcome = 'VISITED'),"
                        + " count(*) filter (where outcome = 'NOBODY_HOME'), count(*) filter (where outcome = 'REFUSED'),"
                        + " coalesce(sum(persons), 0) from verification_household where round_id = :round and " + in.sql() + " group by 1")
                .param("round", roundId).params(in.params()).query(rs -> {
                    long[] s = sums.computeIfAbsent(rs.getString(1), k -> new long[11]);
                    for (int i = 0; i < 5; i++) {
                        s[i] = rs.getLong(i + 2);
                    }
                });
        jdbc.sql("select " + key + ", count(*) filter (where result in ('CORRECT', 'CORRECTED', 'NEW')),"
                        + " count(*) filter (where result in ('CORRECT', 'CORRECTED')),"
                        + " count(*) filter (where result <> 'NEW'), count(*) filter (where result = 'CORRECT'),"
                        + " count(*) filter (where result = 'NOT_LIVING_HERE'), count(*) filter (where result = 'DECEASED')"
                        + " from verification_result where round_id = :round and " + in.sql() + " group by 1")
                .param("round", roundId).params(in.params()).query(rs -> {
                    long[] s = sums.computeIfAbsent(rs.getString(1), k -> new long[11]);
                    for (int i = 0; i < 6; i++) {
                        s[5 + i] = rs.getLong(i + 2);
                    }
                });
        Map<String, Figures> out = new LinkedHashMap<>();
        sums.forEach((code, s) -> out.put(code, new Figures(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10])));
        return out;
    }

    /**
     * The households of a village or grid of the round, ordered by address, with their persons as of the first day
     * (current fields, masked ID numbers, versions). Only an area inside the user's own.
     */
    public List<WorkItem> worklist(long roundId, String area) {
        CurrentUser user = access.require(Permission.READ_RESIDENTS);
        Round round = get(roundId);
        if (area == null || area.isBlank()) {
            throw new ValidationException(List.of(messages.problem("area", "required")));
        }
        String code = area.trim();
        if (code.length() < 12 || areas.find(code).isEmpty()) {
            throw new ValidationException(List.of(messages.problem("area", "areaUnknown", code)));
        }
        boolean grid = code.length() > 12;
        if (!user.scope().covers(code.substring(0, 12), grid ? code : null)) {
            throw new AccessDeniedException(user.username() + " may not visit " + code);
        }
        record Row(long householdId, String no, String address, String village, String grid, String outcome) {
        }
        List<Row> households = jdbc.sql("select household_id, household_no, address, village_code, grid_code, outcome"
                        + " from verification_household where round_id = ? and " + (grid ? "grid_code = ?" : "village_code = ?")
                        + " order by address, household_no")
                .params(roundId, code)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6))).list();
        Map<Long, List<HouseholdMember>> members = persons.membersOn(households.stream().map(Row::householdId).toList(),
                round.startsOn()).stream().collect(Collectors.groupingBy(HouseholdMember::householdId));
        return households.stream().map(h -> new WorkItem(h.no(), h.address(), h.village(), h.grid(), h.outcome(),
                members.getOrDefault(h.householdId(), List.of()))).toList();
    }
}
