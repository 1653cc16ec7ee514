package org.renkou.verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.renkou.access.AccessService;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.access.Permission;
import org.renkou.common.ConflictException;
import org.renkou.common.IdNumber;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.PageResult;
import org.renkou.migration.FloatingService;
import org.renkou.people.Person;
import org.renkou.people.PersonForm;
import org.renkou.people.PersonService;
import org.renkou.people.PersonStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every change a round made to the register, for the town office to review, and the undo of one: the old values
 * go back (through {@code people}, so the history tells the undo as well), a person the round added is marked
 * entered by mistake. A change the register has moved on from since (somebody changed the field again) is not
 * undone over that newer value.
 */
@Service
public class RoundChanges {
    /** One change: the person, what the visit found, each field old → new, and whether it was undone. */
    public record Change(long id, long personId, String personName, String result, Map<String, List<String>> fields,
                         String madeBy, Instant madeAt, String undoneBy, Instant undoneAt, String idNumber, long visitId,
                         String householdNo, String villageCode, java.time.LocalDate visitedOn) {
        public java.time.LocalDateTime localMadeAt() {
            return java.time.LocalDateTime.ofInstant(madeAt, org.renkou.common.Dates.ZONE);
        }

        public java.time.LocalDateTime localUndoneAt() {
            return undoneAt == null ? null : java.time.LocalDateTime.ofInstant(undoneAt, org.renkou.common.Dates.ZONE);
        }
    }

    private final JdbcClient jdbc;
    private final AccessService access;
    private final AuditService audit;
    private final VerificationRounds rounds;
    private final PersonService persons;
    private final Messages messages;
    private final JsonMapper json;
    private final FloatingService floating;

    RoundChanges(JdbcClient jdbc, AccessService access, AuditService audit, VerificationRounds rounds, PersonService persons,
                 Messages messages, JsonMapper json, FloatingService floating) {
        this.floating = floating;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.rounds = rounds;
        this.persons = persons;
        this.messages = messages;
        this.json = json;
    }

    /**
     * The round's changes, the latest first, of one village and one kind of result if given; ID numbers (of the
     * person and in the fields) shown as the user may see them.
     */
    public PageResult<Change> list(long roundId, String village, String kind, int page, int size) {
        CurrentUser user = access.require(Permission.TOWN_OFFICE);
        rounds.get(roundId);
        boolean whole = user.has(Permission.SEE_WHOLE_ID_NUMBERS);
        String villageCode = village == null || village.isBlank() ? null : village.trim();
        String result = kind == null || kind.isBlank() ? null : kind.trim();
        String where = " where c.round_id = :round and (cast(:village as text) is null or h.village_code = :village)"
                + " and (cast(:kind as text) is null or c.result = :kind)";
        String from = " from verification_change c join verification_visit v on v.id = c.visit_id"
                + " join verification_household h on h.round_id = v.round_id and h.household_id = v.household_id";
        List<Change> items = jdbc.sql("select c.*, v.visited_on, h.household_no, h.village_code, x.name as person_name,"
                        + " x.id_number" + from
                        + " left join lateral (select p.name, p.id_number from people_on(current_date) p"
                        + " where p.person_id = c.person_id) x on true" + where
                        + " order by c.id desc limit :size offset :offset")
                .param("round", roundId).param("village", villageCode).param("kind", result)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, i) -> new Change(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
                        rs.getString("result"), shown(read(rs.getString("fields")), whole), rs.getString("made_by"),
                        rs.getTimestamp("made_at").toInstant(), rs.getString("undone_by"),
                        rs.getTimestamp("undone_at") == null ? null : rs.getTimestamp("undone_at").toInstant(),
                        whole ? rs.getString("id_number") : IdNumber.mask(rs.getString("id_number")), rs.getLong("visit_id"),
                        rs.getString("household_no"), rs.getString("village_code"),
                        rs.getObject("visited_on", java.time.LocalDate.class)))
                .list();
        long total = jdbc.sql("select count(*)" + from + where)
                .param("round", roundId).param("village", villageCode).param("kind", result).query(Long.class).single();
        return new PageResult<>(items, total, page, size);
    }

    /** Undoes one change of the round. */
    @Transactional
    public void undo(long roundId, long changeId) {
        CurrentUser user = access.require(Permission.TOWN_OFFICE);
        rounds.get(roundId);
        record Row(long personId, String result, String fields, String undoneBy) {
        }
        Row row = jdbc.sql("select person_id, result, fields, undone_by from verification_change where round_id = ? and id = ? for update")
                .params(roundId, changeId)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional().orElseThrow(() -> new NotFoundException("change " + changeId));
        if (row.undoneBy() != null) {
            throw new ConflictException(messages.get("problem.changeUndone"));
        }
        Person now = persons.get(row.personId());
        String source = PersonService.Source.VERIFICATION.of(roundId + " undo");
        if ("NEW".equals(row.result())) {
            persons.markEnteredByMistake(row.personId(), now.version());
        } else {
            Map<String, List<String>> fields = read(row.fields());
            if (movedOut(row.result(), fields)) {
                // the move went through migration, which told the other place: it takes the move back and tells it
                floating.undoMoveOut(row.personId(), now.version(), f -> restored(f, fields), source);
            } else {
                persons.revise(row.personId(), now.version(), f -> restored(f, fields), source);
            }
        }
        jdbc.sql("update verification_change set undone_by = ?, undone_at = now() where id = ?")
                .params(user.username(), changeId).update();
        audit.record(AuditAction.UPDATE, "verification_change", String.valueOf(changeId), "undone");
    }

    /** Whether the change was a move away (the status became outflow or moved away). */
    private static boolean movedOut(String result, Map<String, List<String>> fields) {
        List<String> status = fields.get("status");
        return "NOT_LIVING_HERE".equals(result) && status != null
                && (PersonStatus.OUTFLOW.name().equals(status.get(1)) || PersonStatus.MOVED_AWAY.name().equals(status.get(1)));
    }

    /** The old values back, each only where the field still holds what the round wrote. */
    private PersonForm restored(PersonForm f, Map<String, List<String>> fields) {
        Map<String, Object> values = json.convertValue(f, new TypeReference<LinkedHashMap<String, Object>>() { });
        for (Map.Entry<String, List<String>> e : fields.entrySet()) {
            Object current = values.get(e.getKey());
            String written = e.getValue().get(1);
            if (!Objects.equals(current == null ? null : current.toString(), written)) {
                throw new ConflictException(messages.get("problem.changedSinceRound", messages.fieldName(e.getKey())));
            }
            values.put(e.getKey(), e.getValue().get(0));
        }
        return json.convertValue(values, PersonForm.class);
    }

    private Map<String, List<String>> read(String fields) {
        Map<String, List<Object>> raw = json.readValue(fields, new TypeReference<LinkedHashMap<String, List<Object>>>() { });
        Map<String, List<String>> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            List<String> pair = new ArrayList<>();
            v.forEach(x -> pair.add(x == null ? null : x.toString()));
            out.put(k, pair);
        });
        return out;
    }

    private static Map<String, List<String>> shown(Map<String, List<String>> fields, boolean whole) {
        if (whole || !fields.containsKey("idNumber")) {
            return fields;
        }
        Map<String, List<String>> out = new LinkedHashMap<>(fields);
        List<String> pair = new ArrayList<>();
        fields.get("idNumber").forEach(x -> pair.add(IdNumber.mask(x)));
        out.put("idNumber", pair);
        return out;
    }
}
