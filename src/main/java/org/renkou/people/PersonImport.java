package org.renkou.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.AreaCondition;
import org.renkou.common.AreaScope;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.PgCopy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports of persons into the register, in steps an import job calls: check rows, stage the valid ones,
 * reject what is inconsistent across rows (the same ID number twice, households without a head or with two),
 * classify (added, changed, unchanged) and apply. Staged rows match existing persons by ID number, or by name,
 * birth date and household number for a child without one; changes land in the person's history. Only the
 * columns the file has are compared and written.
 */
@NamedInterface("imports")
@Service
@EnableConfigurationProperties(LargeLoadSettings.class)
public class PersonImport {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PersonImport.class);
    /** The register fields an import may carry, in the order of the import format. */
    public static final List<String> FIELDS = List.of("idNumber", "name", "sex", "birthDate", "ethnicity",
            "maritalStatus", "householdNo", "relation", "hukouCode", "villageCode", "gridCode", "status", "phone",
            "address", "arrivedOn", "leftOn", "diedOn", "moveReason", "otherPlaceCode");
    /** Fields whose column every file must have. */
    public static final Set<String> REQUIRED = Set.of("idNumber", "name", "sex", "birthDate", "villageCode", "status");

    private static final Map<String, String> COLUMNS = columns();
    /** The staged rows (alias r) that add a person: classified, matching no one, not rejected. */
    private static final String ADDS = "r.outcome is null and r.person_id is null";

    /** A valid row, normalised, ready to stage. */
    public record StagedRow(int rowNo, PersonForm form, String idNumber, boolean idNumberFlagged) {
    }

    /** A row refused for a reason that spans rows or the register. */
    public record Rejection(int rowNo, String field, String value, String message) {
    }

    public record Counts(int added, int changed, int unchanged) {
    }

    /** A checked row: its problems (none when it may be staged) and its normalised ID number. */
    public record Checked(List<FieldProblem> problems, String idNumber, boolean idNumberFlagged) {
    }

    /** Checks rows with the register's rules; areas are read once per import. */
    public final class RowChecker {
        private final Map<String, Area> areasByCode;
        private final AreaScope scope;

        private RowChecker(Map<String, Area> areasByCode, AreaScope scope) {
            this.areasByCode = areasByCode;
            this.scope = scope;
        }

        /** The problems of one row (empty when it may be staged) and its normalised ID number. */
        public Checked check(PersonForm form) {
            PersonValidator.Result r = validator.validate(form, code -> Optional.ofNullable(areasByCode.get(code)));
            List<FieldProblem> problems = r.problems();
            if (problems.isEmpty() && !scope.covers(form.villageCode().trim(),
                    form.gridCode() == null || form.gridCode().isBlank() ? null : form.gridCode().trim())) {
                problems = List.of(messages.problem("villageCode", "areaScope", form.villageCode()));
            }
            return new Checked(problems, r.idNumber(), r.idNumberFlagged());
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final PersonValidator validator;
    private final AreaService areas;
    private final AccessService access;
    private final AuditService audit;
    private final Messages messages;
    private final PersonRepository repository;
    private final long largeLoadRows;
    private final ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<DuplicateCheck> duplicates;

    PersonImport(JdbcClient jdbc, DataSource dataSource, PersonValidator validator, AreaService areas,
                 AccessService access, AuditService audit, Messages messages, PersonRepository repository,
                 LargeLoadSettings largeLoad, ApplicationEventPublisher events,
                 org.springframework.beans.factory.ObjectProvider<DuplicateCheck> duplicates) {
        this.events = events;
        this.duplicates = duplicates;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.validator = validator;
        this.areas = areas;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.repository = repository;
        this.largeLoadRows = largeLoad.largeLoadRows();
    }

    public RowChecker checker() {
        CurrentUser user = access.require(Permission.WRITE_REGISTER);
        Map<String, Area> byCode = new LinkedHashMap<>();
        for (Area.Level level : List.of(Area.Level.VILLAGE, Area.Level.GRID)) {
            areas.byLevel(level).forEach(a -> byCode.put(a.code(), a));
        }
        return new RowChecker(byCode, user.scope());
    }

    /** Writes checked rows into the staging table (COPY), in their own transaction. */
    public void stage(long jobId, List<StagedRow> rows) {
        PgCopy copy = new PgCopy();
        for (StagedRow s : rows) {
            PersonForm f = s.form();
            copy.row(jobId, s.rowNo(), s.idNumber(), s.idNumberFlagged(), trim(f.name()), f.sex(),
                    f.birthDate(), trim(f.ethnicity()), trim(f.maritalStatus()), trim(f.householdNo()),
                    trim(f.relation()), trim(f.hukouCode()), trim(f.villageCode()), trim(f.gridCode()),
                    f.status().name(), f.arrivedOn(), f.leftOn(), f.diedOn(), trim(f.moveReason()),
                    trim(f.otherPlaceCode()), trim(f.phone()), trim(f.address()));
        }
        copy.into(dataSource, "person_import_row (job_id, row_no, id_number, id_flagged, name, sex, birth_date,"
                + " ethnicity, marital_status, household_no, relation, hukou_code, village_code, grid_code, status,"
                + " arrived_on, left_on, died_on, move_reason, other_place_code, phone, address)");
    }

    /**
     * Refuses rows that clash with other rows or with the register. Each keeps its reason, read back a page at a
     * time by {@link #rejections} (a file may have a million of them), and is not applied.
     */
    @Transactional
    public void rejectInconsistent(long jobId, boolean withHouseholds) {
        CurrentUser user = access.require(Permission.WRITE_REGISTER);
        roomToSort();
        jdbc.sql("analyze person_import_row").update(); // fresh statistics, or the planner loops over a million rows
        jdbc.sql("""
                update person_import_row r set outcome = 'REJECTED', problem = 'import.duplicateId',
                       problem_field = 'idNumber', problem_value = r.id_number, problem_args = array[d.first::text]
                from (select row_no, min(row_no) over (partition by id_number) as first
                      from person_import_row where job_id = ? and id_number is not null) d
                where r.job_id = ? and r.row_no = d.row_no and d.row_no > d.first""").params(jobId, jobId).update();
        match(jobId);
        AreaCondition personIn = user.scope().on("p.village_code", "p.grid_code");
        jdbc.sql("update person_import_row r set outcome = 'REJECTED', problem = 'import.personOutsideScope',"
                        + " problem_field = 'idNumber', problem_value = r.id_number from person p"
                        + " where r.job_id = :job and p.id = r.person_id and r.outcome is null and not " + personIn.sql())
                .param("job", jobId).params(personIn.params()).update();
        // nor join a household of another area (the answer does not say where it is)
        AreaCondition householdIn = user.scope().on("h.village_code", "h.grid_code");
        jdbc.sql("update person_import_row r set outcome = 'REJECTED', problem = 'import.householdOutsideScope',"
                        + " problem_field = 'householdNo', problem_value = r.household_no from household h"
                        + " where r.job_id = :job and h.household_no = r.household_no and r.outcome is null and not "
                        + householdIn.sql())
                .param("job", jobId).params(householdIn.params()).update();
        if (withHouseholds) {
            rejectHouseholdsWithoutOneHead(jobId);
        }
    }

    /** The rows {@link #rejectInconsistent} refused, in order of row number after {@code afterRow}, at most {@code limit}. */
    public List<Rejection> rejections(long jobId, int afterRow, int limit) {
        return jdbc.sql("""
                select row_no, problem_field, problem_value, problem, problem_args from person_import_row
                where job_id = ? and row_no > ? and problem is not null order by row_no limit ?""")
                .params(jobId, afterRow, limit)
                .query((rs, i) -> {
                    java.sql.Array args = rs.getArray(5);
                    return new Rejection(rs.getInt(1), rs.getString(2), rs.getString(3),
                            messages.get(rs.getString(4), args == null ? new Object[0] : (Object[]) args.getArray()));
                }).list();
    }

    /**
     * Whether each staged row adds, changes or leaves a person as it is, comparing only the file's columns. Only
     * changes are marked: a row that matched no one adds a person ({@link #ADDS}), one that matched and is not
     * marked leaves them as they are (marking every row of a first import or a re-import would write each staged
     * row once more).
     */
    @Transactional
    public Counts classify(long jobId, Set<String> fields) {
        roomToSort();
        String differs = fields.stream().map(PersonImport::differs).collect(Collectors.joining(" or "));
        jdbc.sql("update person_import_row r set outcome = 'CHANGED'"
                + " from person p left join household h on h.id = p.household_id"
                + " where r.job_id = ? and r.person_id = p.id and r.outcome is null and (" + differs + ")")
                .param(jobId).update();
        return counts(jobId);
    }

    /**
     * Writes the rows {@link #classify} counted to the register: the caller's transaction makes it all or nothing.
     * {@code between} runs between its statements (a cancelled job throws there, rather than after the last).
     * The rows that add a person are accepted even when they probably duplicate one: each such pair is queued for
     * review with the import as its source ({@link DuplicateCheck#queueImported}).
     */
    @Transactional
    public void apply(long jobId, Set<String> fields, Counts counts, String source, Runnable between) {
        CurrentUser user = access.require(Permission.WRITE_REGISTER);
        roomToSort();
        long t0 = System.currentTimeMillis();
        LargeLoad large = largeLoad(counts.added()) ? LargeLoad.begin(jdbc) : null;
        if (fields.contains("householdNo")) {
            addHouseholds(jobId, large != null);
            between.run();
        }
        List<Long> added = addPersons(jobId, user, source);
        if (large != null) {
            large.restore(between);
        }
        between.run();
        long t1 = System.currentTimeMillis();
        changePersons(jobId, fields, user, source);
        between.run();
        DuplicateCheck check = duplicates.getIfAvailable();
        if (check != null && !added.isEmpty()) {
            check.queueImported(jobId, added);
        }
        log.info("Import {}: new persons written in {} ms{}, changed ones in {} ms", jobId, t1 - t0,
                large == null ? "" : " (a large load: keys and indexes built again)", System.currentTimeMillis() - t1);
        audit.record(AuditAction.IMPORT, "person", null, source + ": added " + counts.added() + ", changed " + counts.changed()
                + ", unchanged " + counts.unchanged());
    }

    /**
     * Whether the job adds at least {@code renkou.import.large-load-rows} persons to a register without any (a town's
     * first load): into one with persons, a large load would keep every reader of the register waiting while it writes.
     */
    private boolean largeLoad(long adding) {
        return adding >= largeLoadRows && LargeLoad.registerEmpty(jdbc);
    }

    /**
     * The import's sorts, hashes and the rows one statement hands to the next are a file's worth: kept in memory
     * for this transaction (one import runs at a time) instead of spilling to disk in the default 4 MB.
     */
    private void roomToSort() {
        jdbc.sql("set local work_mem = '256MB'").update();
    }

    /** Removes a job's staging rows (after it is done, failed or cancelled). */
    public void discard(long jobId) {
        jdbc.sql("delete from person_import_row where job_id = ?").param(jobId).update();
    }

    /**
     * The households of the file the register does not have. Normally the unique household number leaves out those
     * it has (an anti-join scanning the index being filled was quadratic); in a large load, without that index,
     * existing households are read once into a hash table and left out.
     */
    private void addHouseholds(long jobId, boolean large) {
        jdbc.sql("insert into household (household_no, village_code, grid_code, address)"
                + " select distinct on (r.household_no) r.household_no, r.village_code, r.grid_code, r.address"
                + " from person_import_row r where r.job_id = ? and (" + ADDS + " or r.outcome = 'CHANGED')"
                + " and r.household_no is not null"
                + (large ? " and not exists (select 1 from household h where h.household_no = r.household_no)" : "")
                + " order by r.household_no, r.row_no"
                + (large ? "" : " on conflict (household_no) do nothing")).param(jobId).update();
    }

    /**
     * One statement writes the new persons with their current status's start, their "created" history rows and
     * their status periods: each row is read once, and no row is written twice. The inflow persons among them are
     * announced ({@link PersonsArrived}), so their hukou places are asked about them as for an arrival by hand.
     * Answers the new persons' ids.
     */
    private List<Long> addPersons(long jobId, CurrentUser user, String source) {
        List<Long> added = new ArrayList<>();
        List<PersonsArrived.Arrived> inflow = new ArrayList<>();
        jdbc.sql("with added as (insert into person (id, id_number, id_number_flagged, name, sex, birth_date, ethnicity,"
                        + " marital_status, household_id, relation, hukou_code, village_code, grid_code, status, arrived_on,"
                        + " left_on, died_on, move_reason, other_place_code, phone, address, status_since)"
                        + " select nextval('person_id_seq'), r.id_number, r.id_flagged, r.name, r.sex, r.birth_date,"
                        + " r.ethnicity, r.marital_status, h.id, r.relation, r.hukou_code, r.village_code, r.grid_code,"
                        + " r.status, r.arrived_on, r.left_on, r.died_on, r.move_reason, r.other_place_code, r.phone,"
                        + " r.address, " + StatusPeriods.since("r.")
                        + " from person_import_row r left join household h on h.household_no = r.household_no"
                        + " where r.job_id = ? and " + ADDS
                        + " returning id, name, status, birth_date, arrived_on, left_on, died_on, id_number, sex, hukou_code),"
                        + " created as (insert into person_change (person_id, username, source, field, new_value)"
                        + " select id, ?, ?, 'created', name from added),"
                        + " periods as (" + StatusPeriods.insertPeriods("added") + ")"
                        + " select id, arrived, case when arrived then id_number end, case when arrived then name end,"
                        + " case when arrived then birth_date end, case when arrived then sex end,"
                        + " case when arrived then hukou_code end"
                        + " from (select *, status = 'INFLOW' and hukou_code is not null as arrived from added) a order by id")
                .params(jobId, user.username(), "IMPORT " + source)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    added.add(rs.getLong(1));
                    if (rs.getBoolean(2)) {
                        inflow.add(new PersonsArrived.Arrived(rs.getLong(1), rs.getString(3), rs.getString(4),
                                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7)));
                    }
                });
        if (!inflow.isEmpty()) {
            events.publishEvent(new PersonsArrived(inflow));
        }
        return added;
    }

    private void changePersons(long jobId, Set<String> fields, CurrentUser user, String source) {
        List<Object[]> statusChanges = fields.contains("status") ? jdbc.sql("""
                select r.person_id, r.status, coalesce(case r.status when 'INFLOW' then r.arrived_on
                    when 'DECEASED' then r.died_on when 'REGISTERED' then r.arrived_on else r.left_on end, current_date)
                from person_import_row r join person p on p.id = r.person_id
                where r.job_id = ? and r.outcome = 'CHANGED' and p.status is distinct from r.status""").param(jobId)
                .query((rs, i) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate()}).list()
                : List.of();
        String values = fields.stream().map(PersonImport::historyValue).collect(Collectors.joining(", "));
        jdbc.sql("insert into person_change (person_id, username, source, field, old_value, new_value)"
                        + " select p.id, ?, ?, f.field, f.old, f.new from person_import_row r join person p on p.id = r.person_id"
                        + " left join household h on h.id = p.household_id"
                        + " cross join lateral (values " + values + ") f(field, old, new)"
                        + " where r.job_id = ? and r.outcome = 'CHANGED' and f.old is distinct from f.new")
                .params(user.username(), "IMPORT " + source, jobId).update();
        String sets = fields.stream().map(PersonImport::assignment).collect(Collectors.joining(", "));
        jdbc.sql("update person p set " + sets + ", version = p.version + 1, updated_at = now()"
                        + " from person_import_row r where r.job_id = ? and r.outcome = 'CHANGED' and p.id = r.person_id")
                .param(jobId).update();
        for (Object[] c : statusChanges) {
            repository.changeStatus((Long) c[0], PersonStatus.valueOf((String) c[1]), (LocalDate) c[2]);
        }
    }

    private void match(long jobId) {
        jdbc.sql("""
                update person_import_row r set person_id = p.id from person p
                where r.job_id = ? and r.id_number is not null and p.id_number = r.id_number
                  and not p.entered_by_mistake""").param(jobId).update();
        jdbc.sql("""
                update person_import_row r set person_id = p.id
                from person p join household h on h.id = p.household_id
                where r.job_id = ? and r.id_number is null and r.person_id is null and p.id_number is null
                  and p.name = r.name and p.birth_date = r.birth_date and h.household_no = r.household_no
                  and not p.entered_by_mistake""").param(jobId).update();
    }

    /** A household in the file needs exactly one head (户主, relation 02), unless the register has its head. */
    private void rejectHouseholdsWithoutOneHead(long jobId) {
        jdbc.sql("""
                update person_import_row r set outcome = 'REJECTED', problem = 'import.twoHeads',
                       problem_field = 'relation', problem_value = r.relation,
                       problem_args = array[r.household_no, h.first::text]
                from (select row_no, min(row_no) over (partition by household_no) as first from person_import_row
                      where job_id = ? and relation = '02' and household_no is not null and outcome is null) h
                where r.job_id = ? and r.row_no = h.row_no and h.row_no > h.first""").params(jobId, jobId).update();
        // a head for a household whose head in the register stays its head
        jdbc.sql("""
                update person_import_row r set outcome = 'REJECTED', problem = 'import.headInRegister',
                       problem_field = 'relation', problem_value = r.relation, problem_args = array[r.household_no, p.name]
                from person p join household h on h.id = p.household_id
                where r.job_id = ? and r.outcome is null and r.relation = '02' and r.household_no is not null
                  and r.status not in ('DECEASED', 'MOVED_AWAY') and h.household_no = r.household_no
                  and p.relation = '02' and p.id <> coalesce(r.person_id, -1) and not p.entered_by_mistake
                  and p.status not in ('DECEASED', 'MOVED_AWAY')
                  and not exists (select 1 from person_import_row o where o.job_id = r.job_id and o.person_id = p.id
                                  and o.outcome is null and (o.relation is distinct from '02'
                                      or o.household_no is distinct from r.household_no
                                      or o.status in ('DECEASED', 'MOVED_AWAY')))""").param(jobId).update();
        jdbc.sql("""
                update person_import_row r set outcome = 'REJECTED', problem = 'import.noHead',
                       problem_field = 'householdNo', problem_value = r.household_no, problem_args = array[r.household_no]
                where r.job_id = ? and r.household_no is not null and r.outcome is null
                  and not exists (select 1 from person_import_row o where o.job_id = r.job_id
                                  and o.household_no = r.household_no and o.relation = '02' and o.outcome is null)
                  and not exists (select 1 from person p join household h on h.id = p.household_id
                                  where h.household_no = r.household_no and p.relation = '02'
                                    and not p.entered_by_mistake and p.status not in ('DECEASED', 'MOVED_AWAY'))""")
                .param(jobId).update();
    }

    private Counts counts(long jobId) {
        return jdbc.sql("""
                select count(*) filter (where %s), count(*) filter (where r.outcome = 'CHANGED'),
                       count(*) filter (where r.outcome is null and r.person_id is not null)
                from person_import_row r where r.job_id = ?""".formatted(ADDS))
                .param(jobId).query((rs, i) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
    }

    private static String differs(String field) {
        return switch (field) {
            case "householdNo" -> "h.household_no is distinct from r.household_no";
            case "idNumber" -> "p.id_number is distinct from r.id_number or p.id_number_flagged <> r.id_flagged";
            default -> "p." + COLUMNS.get(field) + " is distinct from r." + COLUMNS.get(field);
        };
    }

    private static String historyValue(String field) {
        return switch (field) {
            case "householdNo" -> "('householdNo', h.household_no, r.household_no)";
            default -> "('" + field + "', p." + COLUMNS.get(field) + "::text, r." + COLUMNS.get(field) + "::text)";
        };
    }

    private static String assignment(String field) {
        return switch (field) {
            case "householdNo" -> "household_id = (select id from household where household_no = r.household_no)";
            case "idNumber" -> "id_number = r.id_number, id_number_flagged = r.id_flagged";
            default -> COLUMNS.get(field) + " = r." + COLUMNS.get(field);
        };
    }

    private static Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : FIELDS) {
            m.put(f, f.replaceAll("([A-Z])", "_$1").toLowerCase());
        }
        return m;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
