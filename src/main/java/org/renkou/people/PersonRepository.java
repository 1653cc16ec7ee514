package org.renkou.people;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.renkou.common.AreaScope;
import org.renkou.common.Dates;
import org.renkou.common.IdNumber;
import org.renkou.common.PageResult;
import org.renkou.common.PlanModes;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the register tables; the people feature is their only owner. */
@Repository
class PersonRepository {
    private static final String SELECT = """
            select p.*, h.household_no from person p left join household h on h.id = p.household_id""";
    private static final Map<String, String> SORTS = Map.of("name", "p.name", "birthDate", "p.birth_date",
            "idNumber", "p.id_number", "village", "p.village_code", "id", "p.id");

    private final JdbcClient jdbc;
    private final javax.sql.DataSource dataSource;
    private final PlanModes plans;

    PersonRepository(JdbcClient jdbc, javax.sql.DataSource dataSource, PlanModes plans) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.plans = plans;
    }

    Optional<Person> find(long id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(PersonRepository::map).optional();
    }

    /** The person with this ID number; a merged record's number finds the record it was merged into. */
    Optional<Long> idOf(String idNumber) {
        return jdbc.sql("""
                select coalesce(merged_into, id) from person
                where id_number = ? and (not entered_by_mistake or merged_into is not null)
                order by entered_by_mistake limit 1""").param(idNumber)
                .query(Long.class).optional();
    }

    long insert(PersonForm f, String idNumber, boolean flagged, Long householdId) {
        return jdbc.sql("""
                insert into person (id_number, id_number_flagged, name, sex, birth_date, ethnicity, marital_status,
                    education, household_id, relation, hukou_code, village_code, grid_code, status, arrived_on,
                    left_on, died_on, move_reason, other_place_code, phone, address, mother_id)
                values (:idNumber, :flagged, :name, :sex, :birthDate, :ethnicity, :marital, :education, :household,
                    :relation, :hukou, :village, :grid, :status, :arrived, :left, :died, :reason, :otherPlace,
                    :phone, :address, :mother)
                returning id""")
                .params(values(f, idNumber, flagged, householdId)).query(Long.class).single();
    }

    /** Updates only if nobody changed the person since {@code version}; answers whether it did. */
    boolean update(long id, int version, PersonForm f, String idNumber, boolean flagged, Long householdId) {
        Map<String, Object> values = values(f, idNumber, flagged, householdId);
        values.put("id", id);
        values.put("version", version);
        return jdbc.sql("""
                update person set id_number = :idNumber, id_number_flagged = :flagged, name = :name, sex = :sex,
                    birth_date = :birthDate, ethnicity = :ethnicity, marital_status = :marital,
                    education = :education, household_id = :household, relation = :relation, hukou_code = :hukou,
                    village_code = :village, grid_code = :grid, status = :status, arrived_on = :arrived,
                    left_on = :left, died_on = :died, move_reason = :reason, other_place_code = :otherPlace,
                    phone = :phone, address = :address, mother_id = :mother,
                    version = version + 1, updated_at = now()
                where id = :id and version = :version""")
                .params(values).update() == 1;
    }

    boolean markEnteredByMistake(long id, int version) {
        return jdbc.sql("""
                update person set entered_by_mistake = true, version = version + 1, updated_at = now()
                where id = ? and version = ?""").params(id, version).update() == 1;
    }

    <T> PageResult<T> search(PersonCriteria c, AreaScope scope, boolean floatingOnly, RowMapper<T> mapper) {
        List<Object> params = new ArrayList<>();
        String where = where(c, scope, floatingOnly, params);
        int size = c.sizeOrDefault();
        int page = c.pageOrZero();
        String order = SORTS.getOrDefault(c.sort() == null ? "id" : c.sort(), "p.id")
                + ("desc".equalsIgnoreCase(c.dir()) ? " desc" : "") + ", p.id";
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        Supplier<PageResult<T>> read = () -> {
            List<T> items = jdbc.sql(SELECT + where + " order by " + order + " limit ? offset ?")
                    .params(pageParams).query(mapper).list();
            // a first page that is not full is the whole result: no need to count
            long total = page == 0 && items.size() < size ? items.size()
                    : jdbc.sql("select count(*) from person p" + where).params(params).query(Long.class).single();
            return new PageResult<>(items, total, page, size);
        };
        // a name prefix reads one small index range whatever the prefix, so it is planned once (planning each
        // call cost more than running it); PostgreSQL keeps a generic plan for an ID number by itself, and
        // broader lists are planned for their values
        boolean namePrefix = PersonValidator.blank(c.idNumber()) && !PersonValidator.blank(c.name());
        return namePrefix ? plans.generic(read) : read.get();
    }

    /** Persons per residence status now, within a scope: no personal data, so every role may ask. */
    Map<PersonStatus, Long> countByStatus(AreaScope scope) {
        List<Object> params = new ArrayList<>();
        String where = scope.sql("village_code", "grid_code", params);
        Map<PersonStatus, Long> counts = new java.util.EnumMap<>(PersonStatus.class);
        for (PersonStatus s : PersonStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select status, count(*) from person where not entered_by_mistake and " + where + " group by status")
                .params(params)
                .query((rs, i) -> counts.put(PersonStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    /** The one place a person list's filters and the user's scope become SQL. */
    private static String where(PersonCriteria c, AreaScope scope, boolean floatingOnly, List<Object> params) {
        StringBuilder where = new StringBuilder(" where not p.entered_by_mistake and ")
                .append(scope.sql("p.village_code", "p.grid_code", params));
        if (floatingOnly) {
            where.append(" and p.status in ('INFLOW', 'OUTFLOW')");
        }
        if (!PersonValidator.blank(c.idNumber())) {
            // a merged record's number finds the record it was merged into
            where.append(" and p.id in (select x.id from person x where x.id_number = ? and not x.entered_by_mistake"
                    + " union all select m.merged_into from person m where m.id_number = ? and m.merged_into is not null)");
            String number = IdNumber.parse(c.idNumber()).normalized();
            params.add(number);
            params.add(number);
        }
        if (!PersonValidator.blank(c.name())) {
            appendPrefix(where, "p.name", c.name().trim(), params);
        }
        appendArea(where, "p", c.area(), params);
        if (c.status() != null) {
            where.append(" and p.status = ?");
            params.add(c.status().name());
        }
        if (!PersonValidator.blank(c.sex())) {
            where.append(" and p.sex = ?");
            params.add(c.sex());
        }
        LocalDate today = Dates.today();
        if (c.ageFrom() != null) {
            where.append(" and p.birth_date <= ?");
            params.add(Date.valueOf(today.minusYears(c.ageFrom())));
        }
        if (c.ageTo() != null) {
            where.append(" and p.birth_date > ?");
            params.add(Date.valueOf(today.minusYears(c.ageTo() + 1L)));
        }
        return where.toString();
    }

    /**
     * Narrows a list to an area of any level, everything below it included: a grid by its code, a village by
     * equality (one index range), anything above by code prefix.
     */
    private static void appendArea(StringBuilder where, String alias, String area, List<Object> params) {
        if (PersonValidator.blank(area)) {
            return;
        }
        String code = area.trim();
        if (code.length() >= 15) {
            where.append(" and ").append(alias).append(".grid_code = ?");
            params.add(code);
        } else if (code.length() == 12) {
            where.append(" and ").append(alias).append(".village_code = ?");
            params.add(code);
        } else {
            appendPrefix(where, alias + ".village_code", code, params);
        }
    }

    /**
     * {@code column} starts with {@code prefix}, written as one index range that a generic plan can use too
     * (a {@code like} pattern given as a parameter cannot): the columns compare in the C collation, by code point.
     */
    private static void appendPrefix(StringBuilder where, String column, String prefix, List<Object> params) {
        String end = prefixEnd(prefix);
        where.append(" and ").append(column).append(end == null ? " ^@ ?" : " >= ? and " + column + " < ?");
        params.add(prefix);
        if (end != null) {
            params.add(end);
        }
    }

    /** The least string after every string that starts with {@code prefix} (null after U+10FFFF). */
    static String prefixEnd(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        if (last == Character.MAX_CODE_POINT) {
            return null;
        }
        int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(next);
    }

    /** Every household of a scope (and area, if given), with its head and size, read with a cursor. */
    void forEachHousehold(String area, AreaScope scope, java.util.function.Consumer<HouseholdLine> sink) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where ").append(scope.sql("h.village_code", "h.grid_code", params));
        appendArea(where, "h", area, params);
        org.springframework.jdbc.core.JdbcTemplate cursor = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        cursor.setFetchSize(1000);
        cursor.query("""
                select h.household_no, h.village_code, h.grid_code, h.address,
                       (select p.name from person p where p.household_id = h.id and p.relation = '02'
                          and not p.entered_by_mistake order by p.id limit 1) as head,
                       (select count(*) from person p where p.household_id = h.id and not p.entered_by_mistake) as members
                from household h""" + where + " order by h.household_no",
                rs -> {
                    sink.accept(new HouseholdLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6)));
                }, params.toArray());
    }

    /** Every person of a list, in order, read with a cursor (for exports of any size). */
    void forEach(PersonCriteria c, AreaScope scope, boolean floatingOnly, java.util.function.Consumer<Person> sink) {
        List<Object> params = new ArrayList<>();
        String where = where(c, scope, floatingOnly, params);
        org.springframework.jdbc.core.JdbcTemplate cursor = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        cursor.setFetchSize(1000);
        cursor.query(SELECT + where + " order by p.village_code, p.household_id, p.id",
                rs -> { sink.accept(map(rs, 0)); }, params.toArray());
    }

    List<PersonSummary> members(long householdId, Map<String, String> villageNames) {
        LocalDate today = Dates.today();
        return jdbc.sql(SELECT + " where p.household_id = ? and not p.entered_by_mistake order by p.relation, p.birth_date")
                .param(householdId).query((rs, i) -> summary(rs, villageNames, today)).list();
    }

    /** See {@link PersonService#membersOn}. */
    List<HouseholdMember> membersOn(java.util.Collection<Long> householdIds, LocalDate on) {
        if (householdIds.isEmpty()) {
            return List.of();
        }
        String ids = "{" + householdIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")) + "}";
        return jdbc.sql("""
                select x.household_id, p.id, p.name, p.sex, p.birth_date, p.id_number, p.relation, p.status, p.phone,
                    p.marital_status, p.version
                from people_on(?) x join person p on p.id = x.person_id
                where x.household_id = any(cast(? as bigint[])) and x.status in ('REGISTERED', 'INFLOW', 'OUTFLOW')
                order by x.household_id, p.relation nulls last, p.birth_date, p.id""")
                .params(Date.valueOf(on), ids)
                .query((rs, i) -> new HouseholdMember(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), IdNumber.mask(rs.getString(6)), rs.getString(7),
                        PersonStatus.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10), rs.getInt(11)))
                .list();
    }

    void insertChange(long personId, String username, String source, String field, String oldValue, String newValue) {
        jdbc.sql("insert into person_change (person_id, username, source, field, old_value, new_value) values (?,?,?,?,?,?)")
                .params(personId, username, source, field, oldValue, newValue).update();
    }

    List<PersonChange> changes(long personId) {
        return jdbc.sql("select * from person_change where person_id = ? order by changed_at desc, id desc")
                .param(personId)
                .query((rs, i) -> new PersonChange(rs.getTimestamp("changed_at").toInstant(), rs.getString("username"),
                        rs.getString("source"), rs.getString("field"), rs.getString("old_value"),
                        rs.getString("new_value")))
                .list();
    }

    /** Closes the status in force and opens a new one from {@code from}. */
    void changeStatus(long personId, PersonStatus status, LocalDate from) {
        jdbc.sql("delete from person_status_period where person_id = ? and valid_from >= ?")
                .params(personId, Date.valueOf(from)).update();
        jdbc.sql("update person_status_period set valid_to = ? where person_id = ? and (valid_to is null or valid_to > ?)")
                .params(Date.valueOf(from), personId, Date.valueOf(from)).update();
        jdbc.sql("insert into person_status_period (person_id, status, valid_from) values (?, ?, ?)")
                .params(personId, status.name(), Date.valueOf(from)).update();
        jdbc.sql("update person set status_since = ? where id = ?").params(Date.valueOf(from), personId).update();
    }

    List<StatusPeriod> statusPeriods(long personId) {
        return jdbc.sql("select * from person_status_period where person_id = ? order by valid_from").param(personId)
                .query((rs, i) -> new StatusPeriod(PersonStatus.valueOf(rs.getString("status")),
                        rs.getDate("valid_from").toLocalDate(),
                        rs.getDate("valid_to") == null ? null : rs.getDate("valid_to").toLocalDate()))
                .list();
    }

    Optional<Household> household(String column, Object value) {
        return jdbc.sql("select * from household where " + column + " = ?").param(value)
                .query((rs, i) -> new Household(rs.getLong("id"), rs.getString("household_no"),
                        rs.getString("village_code"), rs.getString("grid_code"), rs.getString("address"), List.of()))
                .optional();
    }

    /** The name of the head (户主, relation 02) of the household other than {@code selfId}, alive and here, if any. */
    Optional<String> otherHead(String householdNo, Long selfId) {
        return jdbc.sql("""
                select p.name from person p join household h on h.id = p.household_id
                where h.household_no = ? and p.relation = '02' and p.id <> ? and not p.entered_by_mistake
                  and p.status not in ('DECEASED', 'MOVED_AWAY') order by p.id limit 1""")
                .params(householdNo, selfId == null ? -1L : selfId).query(String.class).optional();
    }

    long insertHousehold(String householdNo, String villageCode, String gridCode, String address) {
        return jdbc.sql("insert into household (household_no, village_code, grid_code, address) values (?,?,?,?) returning id")
                .params(householdNo, villageCode, gridCode, address).query(Long.class).single();
    }

    private static Map<String, Object> values(PersonForm f, String idNumber, boolean flagged, Long householdId) {
        Map<String, Object> v = new java.util.HashMap<>();
        v.put("idNumber", idNumber);
        v.put("flagged", flagged);
        v.put("name", f.name().trim());
        v.put("sex", f.sex());
        v.put("birthDate", f.birthDate());
        v.put("ethnicity", trim(f.ethnicity()));
        v.put("marital", trim(f.maritalStatus()));
        v.put("education", trim(f.education()));
        v.put("household", householdId);
        v.put("relation", trim(f.relation()));
        v.put("hukou", trim(f.hukouCode()));
        v.put("village", f.villageCode().trim());
        v.put("grid", trim(f.gridCode()));
        v.put("status", f.status().name());
        v.put("arrived", f.arrivedOn());
        v.put("left", f.leftOn());
        v.put("died", f.diedOn());
        v.put("reason", trim(f.moveReason()));
        v.put("otherPlace", trim(f.otherPlaceCode()));
        v.put("phone", trim(f.phone()));
        v.put("address", trim(f.address()));
        v.put("mother", f.motherId());
        return v;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static RowMapper<PersonSummary> summaries(Map<String, String> villageNames) {
        LocalDate today = Dates.today();
        return (rs, i) -> summary(rs, villageNames, today);
    }

    private static PersonSummary summary(ResultSet rs, Map<String, String> villageNames, LocalDate today)
            throws SQLException {
        LocalDate birth = rs.getDate("birth_date").toLocalDate();
        String village = rs.getString("village_code");
        long household = rs.getLong("household_id");
        Long householdId = rs.wasNull() ? null : household;
        return new PersonSummary(rs.getLong("id"), IdNumber.mask(rs.getString("id_number")), rs.getString("name"),
                rs.getString("sex"), birth, Dates.age(birth, today), village, villageNames.getOrDefault(village, village),
                rs.getString("grid_code"), PersonStatus.valueOf(rs.getString("status")), rs.getString("household_no"),
                householdId, rs.getString("relation"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static Person map(ResultSet rs, int i) throws SQLException {
        long household = rs.getLong("household_id");
        Long householdId = rs.wasNull() ? null : household;
        long mother = rs.getLong("mother_id");
        Long motherId = rs.wasNull() ? null : mother;
        return new Person(rs.getLong("id"), rs.getString("id_number"), rs.getBoolean("id_number_flagged"),
                rs.getString("name"), rs.getString("sex"), date(rs, "birth_date"), rs.getString("ethnicity"),
                rs.getString("marital_status"), rs.getString("education"), householdId, rs.getString("household_no"),
                rs.getString("relation"), rs.getString("hukou_code"), rs.getString("village_code"),
                rs.getString("grid_code"), PersonStatus.valueOf(rs.getString("status")), date(rs, "arrived_on"),
                date(rs, "left_on"), date(rs, "died_on"), rs.getString("move_reason"),
                rs.getString("other_place_code"), rs.getString("phone"), rs.getString("address"), motherId,
                rs.getBoolean("entered_by_mistake"), rs.getInt("version"));
    }
}
