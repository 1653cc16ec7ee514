package org.renkou.people;

import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.renkou.access.AccessService;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.common.ConflictException;
import org.renkou.common.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merging two records of one person (消重): the survivor keeps its values and takes the merged record's where
 * its own are empty; every reference other features hold moves to it ({@link PersonReferences}); the merged
 * record stays, readable as "merged into N" and out of every list and figure. Both histories and the audit log
 * tell each step, and an undo restores both records and every moved reference as they were.
 */
@Service
public class PersonMerges {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_]+");
    /** The survivor's fields that an empty value takes from the merged record: column and history field. */
    private static final Map<String, String> FILLED = Map.of("id_number", "idNumber", "hukou_code", "hukouCode",
            "phone", "phone", "household_id", "householdNo", "ethnicity", "ethnicity", "marital_status",
            "maritalStatus", "education", "education", "address", "address");

    private record Filled(String field, String old, String value) {
    }

    private record Moved(String table, String column, String key, List<String> keys) {
    }

    private final JdbcClient jdbc;
    private final PersonRepository repository;
    private final List<PersonReferences> references;
    private final AccessService access;
    private final AuditService audit;
    private final JsonMapper json;

    PersonMerges(JdbcClient jdbc, PersonRepository repository, List<PersonReferences> references,
                 AccessService access, AuditService audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.references = references;
        this.access = access;
        this.audit = audit;
        this.json = json;
    }

    /** Merges {@code mergedId} into {@code survivorId}; answers the merge's id, for an undo. */
    @Transactional
    public long merge(long survivorId, long mergedId, String source) {
        CurrentUser user = access.require(Permission.WRITE_REGISTER);
        if (survivorId == mergedId) {
            throw new ConflictException("a person cannot be merged into itself");
        }
        Person survivor = writable(survivorId, user);
        Person merged = writable(mergedId, user);
        jdbc.sql("update person set entered_by_mistake = true, merged_into = ?, version = version + 1, updated_at = now() where id = ?")
                .params(survivorId, mergedId).update();
        List<Filled> filled = fill(survivor, merged);
        List<Moved> moved = new ArrayList<>();
        for (PersonReferences r : references) {
            for (PersonReferences.Column c : r.personColumns()) {
                moved.add(move(c, mergedId, survivorId));
            }
        }
        long id = jdbc.sql("""
                insert into person_merge (survivor_id, merged_id, filled, moved, merged_by)
                values (?, ?, cast(? as jsonb), cast(? as jsonb), ?) returning id""")
                .params(survivorId, mergedId, write(filled), write(moved), user.username()).query(Long.class).single();
        repository.insertChange(mergedId, user.username(), source, "mergedInto", null, String.valueOf(survivorId));
        repository.insertChange(survivorId, user.username(), source, "mergedFrom", null, String.valueOf(mergedId));
        for (Filled f : filled) {
            repository.insertChange(survivorId, user.username(), source, FILLED.get(f.field()), f.old(), f.value());
        }
        audit.record(AuditAction.UPDATE, "person", String.valueOf(mergedId), "into " + survivorId + " (merge " + id + ")");
        return id;
    }

    /** Undoes a merge: both records and every moved reference as they were before it. */
    @Transactional
    public void undo(long mergeId, String source) {
        CurrentUser user = access.require(Permission.WRITE_REGISTER);
        Map<String, Object> m = jdbc.sql("select * from person_merge where id = ? for update").param(mergeId)
                .query().singleRow();
        if (m.get("undone_at") != null) {
            throw new ConflictException("merge " + mergeId + " is undone already");
        }
        long survivorId = ((Number) m.get("survivor_id")).longValue();
        long mergedId = ((Number) m.get("merged_id")).longValue();
        writable(survivorId, user);
        List<Filled> filled = read(m.get("filled").toString(), new TypeReference<>() { });
        for (Filled f : filled) {
            jdbc.sql("update person set " + identifier(f.field()) + " = " + cast(f.field()) + " where id = ?")
                    .params(f.old(), survivorId).update();
            repository.insertChange(survivorId, user.username(), source, FILLED.get(f.field()), f.value(), f.old());
        }
        jdbc.sql("update person set entered_by_mistake = false, merged_into = null, version = version + 1, updated_at = now() where id = ?")
                .param(mergedId).update();
        jdbc.sql("update person set version = version + 1, updated_at = now() where id = ?").param(survivorId).update();
        List<Moved> moved = read(m.get("moved").toString(), new TypeReference<>() { });
        for (Moved mv : moved) {
            if (!mv.keys().isEmpty()) {
                jdbc.sql("update " + identifier(mv.table()) + " set " + identifier(mv.column()) + " = ? where "
                                + identifier(mv.column()) + " = ? and " + identifier(mv.key()) + "::text = any(string_to_array(?, ','))")
                        .params(mergedId, survivorId, String.join(",", mv.keys())).update();
            }
        }
        jdbc.sql("update person_merge set undone_by = ?, undone_at = now() where id = ?").params(user.username(), mergeId).update();
        repository.insertChange(mergedId, user.username(), source, "mergedInto", String.valueOf(survivorId), null);
        repository.insertChange(survivorId, user.username(), source, "mergedFrom", String.valueOf(mergedId), null);
        audit.record(AuditAction.UPDATE, "person", String.valueOf(mergedId), "from " + survivorId + " (merge " + mergeId + ")");
    }

    private Person writable(long id, CurrentUser user) {
        Person p = repository.find(id).filter(x -> !x.enteredByMistake())
                .orElseThrow(() -> new NotFoundException("person " + id));
        if (!user.scope().covers(p.villageCode(), p.gridCode())) {
            throw new AccessDeniedException("outside the user's areas");
        }
        return p;
    }

    /** The survivor's empty fields take the merged record's values (the merged record is out of the way by now). */
    private List<Filled> fill(Person survivor, Person merged) {
        Map<String, Object[]> values = Map.of(
                "id_number", new Object[]{survivor.idNumber(), merged.idNumber()},
                "hukou_code", new Object[]{survivor.hukouCode(), merged.hukouCode()},
                "phone", new Object[]{survivor.phone(), merged.phone()},
                "household_id", new Object[]{survivor.householdId(), merged.householdId()},
                "ethnicity", new Object[]{survivor.ethnicity(), merged.ethnicity()},
                "marital_status", new Object[]{survivor.maritalStatus(), merged.maritalStatus()},
                "education", new Object[]{survivor.education(), merged.education()},
                "address", new Object[]{survivor.address(), merged.address()});
        List<Filled> filled = new ArrayList<>();
        values.forEach((column, v) -> {
            if (blank(v[0]) && !blank(v[1])) {
                filled.add(new Filled(column, null, v[1].toString()));
            }
        });
        filled.sort(java.util.Comparator.comparing(Filled::field));
        for (Filled f : filled) {
            jdbc.sql("update person set " + identifier(f.field()) + " = " + cast(f.field()) + " where id = ?")
                    .params(f.value(), survivor.id()).update();
        }
        if (filled.stream().anyMatch(f -> f.field().equals("id_number")) && merged.idNumberFlagged()) {
            jdbc.sql("update person set id_number_flagged = true where id = ?").param(survivor.id()).update();
        }
        return filled;
    }

    private Moved move(PersonReferences.Column c, long from, long to) {
        String table = identifier(c.table());
        String column = identifier(c.personColumn());
        String key = identifier(c.key());
        StringBuilder guard = new StringBuilder();
        for (String u : c.uniqueWith()) {
            guard.append(" and x.").append(identifier(u)).append(" is not distinct from t.").append(identifier(u));
        }
        String sql = "update " + table + " t set " + column + " = ? where t." + column + " = ?"
                + (c.uniqueWith().isEmpty() ? "" : " and not exists (select 1 from " + table + " x where x." + column
                + " = ?" + guard + ")")
                + " returning t." + key + "::text";
        List<Object> params = c.uniqueWith().isEmpty() ? List.of(to, from) : List.of(to, from, to);
        List<String> keys = jdbc.sql(sql).params(params).query(String.class).list();
        return new Moved(c.table(), c.personColumn(), c.key(), keys);
    }

    private static String cast(String column) {
        return column.equals("household_id") ? "cast(? as bigint)" : "?";
    }

    private static String identifier(String s) {
        if (!IDENTIFIER.matcher(s).matches()) {
            throw new IllegalArgumentException("not a column name: " + s);
        }
        return s;
    }

    private static boolean blank(Object o) {
        return o == null || o.toString().isBlank();
    }

    private String write(Object o) {
        return json.writeValueAsString(o);
    }

    private <T> T read(String s, TypeReference<T> type) {
        return json.readValue(s, type);
    }

    /** The record a merged record was merged into, if it was. */
    public java.util.Optional<Long> mergedInto(long id) {
        return jdbc.sql("select merged_into from person where id = ?").param(id).query(Long.class).optional()
                .filter(Objects::nonNull);
    }
}
