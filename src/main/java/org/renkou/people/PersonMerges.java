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
import org.springframework.modulith.NamedInterface;
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
@NamedInterface("duplicates")
@Service
public class PersonMerges {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_]+");
    /**
     * The fields whose value a merge may take from either record (field, as the API names it, to column). The area
     * (village, grid) and the status stay the survivor's: they carry the area scope and the status periods.
     */
    public static final Map<String, String> CHOOSABLE = choosable();
    /** The columns a merge writes, to the field their history names. */
    private static final Map<String, String> FILLED = filled();

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
    private final org.renkou.common.Messages messages;

    PersonMerges(JdbcClient jdbc, PersonRepository repository, List<PersonReferences> references,
                 AccessService access, AuditService audit, JsonMapper json, org.renkou.common.Messages messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.repository = repository;
        this.references = references;
        this.access = access;
        this.audit = audit;
        this.json = json;
    }

    /** Merges {@code mergedId} into {@code survivorId}, filling the survivor's empty fields; answers the merge's id. */
    @Transactional
    public long merge(long survivorId, long mergedId, String source) {
        return merge(survivorId, mergedId, source, Map.of());
    }

    /**
     * Merges {@code mergedId} into {@code survivorId}; {@code chosen} says, field by field ({@link #CHOOSABLE}), whose
     * value stays (the survivor's or the merged record's id); a field not chosen keeps the survivor's value, or takes
     * the merged record's where the survivor has none. Answers the merge's id, for an undo.
     */
    @Transactional
    public long merge(long survivorId, long mergedId, String source, Map<String, Long> chosen) {
        CurrentUser user = access.require(Permission.WRITE_REGISTER);
        if (survivorId == mergedId) {
            throw new ConflictException("a person cannot be merged into itself");
        }
        List<org.renkou.common.FieldProblem> problems = new ArrayList<>();
        chosen.forEach((field, personId) -> {
            if (!CHOOSABLE.containsKey(field) || personId == null || (personId != survivorId && personId != mergedId)) {
                problems.add(messages.problem("values." + field, "mergeValue", messages.fieldName(field)));
            }
        });
        if (!problems.isEmpty()) {
            throw new org.renkou.common.ValidationException(problems);
        }
        Person survivor = writable(survivorId, user);
        Person merged = writable(mergedId, user);
        jdbc.sql("update person set entered_by_mistake = true, merged_into = ?, version = version + 1, updated_at = now() where id = ?")
                .params(survivorId, mergedId).update();
        List<Filled> filled = fill(survivor, merged, chosen);
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

    /**
     * The survivor's fields after the merge: each field the user chose ({@code chosen}: field to the person whose value
     * stays) takes that person's value; any other field empty on the survivor takes the merged record's (the merged
     * record is out of the way by now, so its ID number is free).
     */
    private List<Filled> fill(Person survivor, Person merged, Map<String, Long> chosen) {
        Map<String, String> survivorValues = values(survivor);
        Map<String, String> mergedValues = values(merged);
        List<Filled> filled = new ArrayList<>();
        for (Map.Entry<String, String> f : CHOOSABLE.entrySet()) {
            String old = survivorValues.get(f.getKey());
            String taken = mergedValues.get(f.getKey());
            Long from = chosen.get(f.getKey());
            boolean take = from == null ? blank(old) && !blank(taken) : from == merged.id();
            if (take && !Objects.equals(old, taken)) {
                filled.add(new Filled(f.getValue(), old, taken));
            }
        }
        if (filled.stream().anyMatch(f -> f.field().equals("id_number"))
                && survivor.idNumberFlagged() != merged.idNumberFlagged()) {
            filled.add(new Filled("id_number_flagged", String.valueOf(survivor.idNumberFlagged()),
                    String.valueOf(merged.idNumberFlagged())));
        }
        for (Filled f : filled) {
            jdbc.sql("update person set " + identifier(f.field()) + " = " + cast(f.field()) + " where id = ?")
                    .params(f.value(), survivor.id()).update();
        }
        return filled;
    }

    /** A person's choosable fields as text (the household by its id), as they are written back. */
    private static Map<String, String> values(Person p) {
        Map<String, String> v = new java.util.HashMap<>();
        v.put("name", p.name());
        v.put("idNumber", p.idNumber());
        v.put("sex", p.sex());
        v.put("birthDate", p.birthDate() == null ? null : p.birthDate().toString());
        v.put("ethnicity", p.ethnicity());
        v.put("maritalStatus", p.maritalStatus());
        v.put("education", p.education());
        v.put("householdNo", p.householdId() == null ? null : p.householdId().toString());
        v.put("relation", p.relation());
        v.put("hukouCode", p.hukouCode());
        v.put("phone", p.phone());
        v.put("address", p.address());
        v.replaceAll((k, x) -> blank(x) ? null : x);
        return v;
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
        return switch (column) {
            case "household_id" -> "cast(? as bigint)";
            case "birth_date" -> "cast(? as date)";
            case "id_number_flagged" -> "cast(? as boolean)";
            default -> "?";
        };
    }

    private static Map<String, String> choosable() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String f : List.of("name", "idNumber", "sex", "birthDate", "ethnicity", "maritalStatus", "education",
                "relation", "hukouCode", "phone", "address")) {
            m.put(f, f.replaceAll("([A-Z])", "_$1").toLowerCase());
        }
        m.put("householdNo", "household_id");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, String> filled() {
        Map<String, String> m = new java.util.HashMap<>();
        CHOOSABLE.forEach((field, column) -> m.put(column, field));
        m.put("id_number_flagged", "idNumberFlagged");
        return m;
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
