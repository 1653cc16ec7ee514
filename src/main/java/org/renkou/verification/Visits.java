package org.renkou.verification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.renkou.access.AccessService;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.access.Permission;
import org.renkou.common.ConflictException;
import org.renkou.common.FieldProblem;
import org.renkou.common.IdNumber;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.ValidationException;
import org.renkou.migration.Departure;
import org.renkou.migration.FloatingService;
import org.renkou.people.HouseholdMember;
import org.renkou.people.Person;
import org.renkou.people.PersonForm;
import org.renkou.people.PersonService;
import org.renkou.people.PersonStatus;
import org.renkou.people.PossibleDuplicateException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the visits phones send. Each visit is applied in its own transaction, so one refused visit does not
 * hold back the others of its batch; its clientId is stored in the same transaction, so a resend (also one
 * racing the first send) finds it and changes nothing. Register changes go through {@code people} with the
 * round as their source, and each is kept here for the office's list and undo.
 */
@Service
public class Visits {
    static final Set<String> OUTCOMES = Set.of("VISITED", "NOBODY_HOME", "REFUSED");
    static final Set<String> RESULTS = Set.of("CORRECT", "CORRECTED", "NOT_LIVING_HERE", "DECEASED", "NEW");
    /** The fields a visitor may correct in place (a status changes through its own result). */
    static final Set<String> CORRECTABLE = Set.of("idNumber", "confirmIdNumber", "name", "sex", "birthDate", "ethnicity",
            "maritalStatus", "education", "householdNo", "relation", "hukouCode", "villageCode", "gridCode", "phone",
            "address", "otherPlaceCode");
    static final int MAX_BATCH = 500;

    private record Household(long id, String householdNo, String villageCode, String gridCode, String address) {
    }

    /** A visit refused while being applied: its transaction is rolled back and this is the answer. */
    private static final class Rejected extends RuntimeException {
        private final transient Visit.Answer answer;

        Rejected(Visit.Answer answer) {
            super(answer.state(), null, false, false);
            this.answer = answer;
        }
    }

    private final JdbcClient jdbc;
    private final AccessService access;
    private final AuditService audit;
    private final VerificationRounds rounds;
    private final PersonService persons;
    private final Messages messages;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final FloatingService floating;

    Visits(JdbcClient jdbc, AccessService access, AuditService audit, VerificationRounds rounds, PersonService persons,
           Messages messages, JsonMapper json, TransactionTemplate tx, Clock clock, FloatingService floating) {
        this.floating = floating;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.rounds = rounds;
        this.persons = persons;
        this.messages = messages;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Applies a batch of visits, answering each. A household of the round outside the user's areas refuses the whole
     * batch (nothing is applied): a phone only holds its own grid's worklist.
     */
    public List<Visit.Answer> apply(long roundId, List<Visit> batch) {
        CurrentUser user = access.require(Permission.WRITE_REGISTER);
        Round round = rounds.get(roundId);
        if (batch == null || batch.isEmpty()) {
            return List.of();
        }
        if (batch.size() > MAX_BATCH) {
            throw new ValidationException(List.of(messages.problem("visits", "assessment.tooMany", String.valueOf(MAX_BATCH))));
        }
        Map<String, Household> households = households(roundId, batch);
        for (Household h : households.values()) {
            if (!user.scope().covers(h.villageCode(), h.gridCode())) {
                throw new AccessDeniedException(user.username() + " may not visit household " + h.householdNo());
            }
        }
        List<Visit.Answer> answers = new ArrayList<>(batch.size());
        for (Visit v : batch) {
            answers.add(applyOne(round, v == null ? new Visit(null, null, null, null, null) : v,
                    v == null || v.householdNo() == null ? null : households.get(v.householdNo().trim()), user));
        }
        return answers;
    }

    private Map<String, Household> households(long roundId, List<Visit> batch) {
        List<String> numbers = batch.stream().filter(Objects::nonNull).map(Visit::householdNo).filter(Objects::nonNull)
                .map(String::trim).distinct().toList();
        if (numbers.isEmpty()) {
            return Map.of();
        }
        String array = "{" + numbers.stream().map(n -> "\"" + n.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",")) + "}";
        return jdbc.sql("select household_id, household_no, village_code, grid_code, address from verification_household"
                        + " where round_id = ? and household_no = any(cast(? as text[]))")
                .params(roundId, array)
                .query((rs, i) -> new Household(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list().stream().collect(Collectors.toMap(Household::householdNo, Function.identity()));
    }

    private Visit.Answer applyOne(Round round, Visit v, Household h, CurrentUser user) {
        List<FieldProblem> problems = check(round, v, h);
        if (!problems.isEmpty()) {
            return Visit.Answer.rejected(v.clientId(), problems, null, null);
        }
        try {
            return tx.execute(status -> applyChecked(round, v, h, user));
        } catch (Rejected r) {
            return r.answer;
        }
    }

    private List<FieldProblem> check(Round round, Visit v, Household h) {
        List<FieldProblem> problems = new ArrayList<>();
        if (v.clientId() == null || v.clientId().isBlank()) {
            problems.add(messages.problem("clientId", "required"));
        } else {
            try {
                UUID.fromString(v.clientId().trim());
            } catch (IllegalArgumentException e) {
                problems.add(messages.problem("clientId", "invalid", v.clientId()));
            }
        }
        if (v.householdNo() == null || v.householdNo().isBlank()) {
            problems.add(messages.problem("householdNo", "required"));
        } else if (h == null) {
            problems.add(messages.problem("householdNo", "notInRound", v.householdNo()));
        }
        if (v.visitedOn() == null) {
            problems.add(messages.problem("visitedOn", "required"));
        } else if (v.visitedOn().isAfter(LocalDate.now(clock))) {
            problems.add(messages.problem("visitedOn", "notFuture"));
        } else if (v.visitedOn().isBefore(round.startsOn()) || v.visitedOn().isAfter(round.endsOn())) {
            problems.add(messages.problem("visitedOn", "withinCampaign", round.startsOn().toString(), round.endsOn().toString()));
        }
        if (v.outcome() == null || !OUTCOMES.contains(v.outcome())) {
            problems.add(messages.problem("outcome", "oneOf", String.valueOf(v.outcome()), String.join(", ", OUTCOMES)));
        }
        List<Visit.PersonResult> results = v.persons() == null ? List.of() : v.persons();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            Visit.PersonResult r = results.get(i);
            String at = "persons[" + i + "].";
            if (r == null || r.result() == null || !RESULTS.contains(r.result())) {
                problems.add(at(at, messages.problem("result", "oneOf", r == null ? "null" : String.valueOf(r.result()),
                        String.join(", ", RESULTS))));
            } else if ("NEW".equals(r.result())) {
                if (r.person() == null) {
                    problems.add(at(at, messages.problem("person", "required")));
                }
            } else if (r.personId() == null) {
                problems.add(at(at, messages.problem("personId", "required")));
            } else if (!seen.add(r.personId())) {
                problems.add(at(at, messages.problem("personId", "twice", String.valueOf(r.personId()))));
            }
        }
        if (!results.isEmpty() && !"VISITED".equals(v.outcome()) && OUTCOMES.contains(String.valueOf(v.outcome()))) {
            problems.add(messages.problem("persons", "onlyVisited"));
        }
        return problems;
    }

    private static FieldProblem at(String prefix, FieldProblem p) {
        return new FieldProblem(prefix + p.field(), p.rule(), p.message());
    }

    private Visit.Answer applyChecked(Round round, Visit v, Household h, CurrentUser user) {
        Optional<Long> visitId = jdbc.sql("""
                insert into verification_visit (client_id, round_id, household_id, visited_on, outcome, username)
                values (cast(? as uuid), ?, ?, ?, ?, ?) on conflict (client_id) do nothing returning id""")
                .params(v.clientId().trim(), round.id(), h.id(), v.visitedOn(), v.outcome(), user.username())
                .query(Long.class).optional();
        if (visitId.isEmpty()) {
            return Visit.Answer.alreadyApplied(v.clientId());
        }
        // a household once found at home stays visited; nobody home or a refusal leaves it to be visited again
        jdbc.sql("""
                update verification_household set outcome = case when outcome = 'VISITED' then outcome else ? end,
                    visited_on = case when outcome = 'VISITED' then visited_on else ? end
                where round_id = ? and household_id = ?""")
                .params(v.outcome(), v.visitedOn(), round.id(), h.id()).update();
        List<Long> created = new ArrayList<>();
        if ("VISITED".equals(v.outcome()) && v.persons() != null) {
            Map<Long, HouseholdMember> members = persons.membersOn(List.of(h.id()), round.startsOn()).stream()
                    .collect(Collectors.toMap(HouseholdMember::personId, Function.identity()));
            String source = PersonService.Source.VERIFICATION.of(round.id());
            for (int i = 0; i < v.persons().size(); i++) {
                Long id = applyResult(round, v, h, visitId.get(), members, v.persons().get(i), "persons[" + i + "].", source, user);
                if ("NEW".equals(v.persons().get(i).result())) {
                    created.add(id);
                }
            }
        }
        audit.record(AuditAction.CREATE, "verification_visit", String.valueOf(visitId.get()),
                "round " + round.id() + " " + h.householdNo() + " " + v.outcome());
        return Visit.Answer.applied(v.clientId(), created.isEmpty() ? null : created);
    }

    /** Applies one person's result; answers the person's id (the new one's for NEW). */
    private Long applyResult(Round round, Visit v, Household h, long visitId, Map<Long, HouseholdMember> members,
                             Visit.PersonResult r, String at, String source, CurrentUser user) {
        try {
            if ("NEW".equals(r.result())) {
                Person p = persons.createChecked(newPerson(r.person(), h), source,
                        r.notDuplicateOf() == null ? Set.of() : new HashSet<>(r.notDuplicateOf()));
                recordResult(round, visitId, h, p.id(), "NEW");
                recordChange(round, visitId, p.id(), "NEW", Map.of("created", new Object[]{null, p.name()}), user);
                return p.id();
            }
            HouseholdMember m = members.get(r.personId());
            if (m == null) {
                throw new ValidationException(List.of(messages.problem("personId", "notInHousehold",
                        String.valueOf(r.personId()), h.householdNo())));
            }
            int version = r.version() == null ? m.version() : r.version();
            if (version != m.version()) {
                throw new ConflictException(messages.get("problem.staleVersion"));
            }
            Function<PersonForm, PersonForm> change = switch (r.result()) {
                case "CORRECTED" -> f -> corrected(f, r.corrections());
                case "NOT_LIVING_HERE" -> f -> notLivingHere(f, r, v.visitedOn());
                case "DECEASED" -> f -> with(f, Map.of("status", PersonStatus.DECEASED.name(),
                        "diedOn", r.diedOn() == null ? "" : r.diedOn().toString()));
                default -> null;
            };
            if (change != null) {
                PersonService.Revision revision = movesOutOfTown(r, m, h)
                        ? moveOut(m.personId(), r, v.visitedOn(), source)
                        : persons.revise(m.personId(), version, change::apply, source);
                Map<String, Object[]> fields = diff(revision.before(), revision.after());
                if (!fields.isEmpty()) {
                    recordChange(round, visitId, m.personId(), r.result(), fields, user);
                }
            }
            recordResult(round, visitId, h, m.personId(), r.result());
            return m.personId();
        } catch (ValidationException e) {
            throw new Rejected(Visit.Answer.rejected(v.clientId(), e.problems().stream().map(p -> at(at, p)).toList(), null, null));
        } catch (ConflictException e) {
            throw new Rejected(Visit.Answer.rejected(v.clientId(),
                    List.of(new FieldProblem(at + "version", "stale", e.getMessage())), current(r.personId()), null));
        } catch (PossibleDuplicateException e) {
            throw new Rejected(Visit.Answer.rejected(v.clientId(),
                    List.of(new FieldProblem(at + "person", "possibleDuplicate", messages.get("problem.possibleDuplicate"))),
                    null, e.candidates()));
        } catch (AccessDeniedException | NotFoundException e) {
            throw new Rejected(Visit.Answer.rejected(v.clientId(),
                    List.of(at(at, messages.problem("personId", "notInHousehold", String.valueOf(r.personId()), h.householdNo()))),
                    null, null));
        }
    }

    /** The person as the register holds them now, ID number masked as in lists. */
    private Object current(Long personId) {
        if (personId == null) {
            return null;
        }
        Person p = persons.get(personId);
        return p.withIdNumber(IdNumber.mask(p.idNumber()));
    }

    private PersonForm corrected(PersonForm f, Map<String, Object> corrections) {
        if (corrections == null || corrections.isEmpty()) {
            throw new ValidationException(List.of(messages.problem("corrections", "required")));
        }
        List<FieldProblem> unknown = corrections.keySet().stream().filter(k -> !CORRECTABLE.contains(k))
                .map(k -> new FieldProblem("corrections." + k, "notCorrectable", messages.get("rule.notCorrectable", k))).toList();
        if (!unknown.isEmpty()) {
            throw new ValidationException(unknown);
        }
        return with(f, corrections);
    }

    private PersonForm notLivingHere(PersonForm f, Visit.PersonResult r, LocalDate visitedOn) {
        if ("WITHIN_TOWN".equals(r.movedTo())) {
            return r.corrections() == null || r.corrections().isEmpty() ? f : corrected(f, r.corrections());
        }
        if (r.movedTo() != null && !"OUT".equals(r.movedTo())) {
            throw new ValidationException(List.of(messages.problem("movedTo", "oneOf", r.movedTo(), "OUT, WITHIN_TOWN")));
        }
        PersonStatus now = f.status();
        if (now != PersonStatus.REGISTERED && now != PersonStatus.INFLOW) {
            return f; // away already (outflow): the register says so
        }
        Map<String, Object> values = new HashMap<>();
        values.put("status", (now == PersonStatus.INFLOW ? PersonStatus.MOVED_AWAY : PersonStatus.OUTFLOW).name());
        values.put("leftOn", (r.leftOn() == null ? visitedOn : r.leftOn()).toString());
        values.put("otherPlaceCode", r.destination() == null || r.destination().isBlank() ? null : r.destination().trim());
        values.put("moveReason", r.moveReason());
        return with(f, values);
    }

    /**
     * Whether a person found not living here left the town as migration counts it: an inflow person who left, or
     * a registered person gone to a destination outside the town (the destination's node is to be told).
     */
    private static boolean movesOutOfTown(Visit.PersonResult r, HouseholdMember m, Household h) {
        if (!"NOT_LIVING_HERE".equals(r.result()) || "WITHIN_TOWN".equals(r.movedTo())
                || (r.movedTo() != null && !"OUT".equals(r.movedTo()))) {
            return false;
        }
        String town = h.villageCode().substring(0, Math.min(9, h.villageCode().length()));
        return m.status() == PersonStatus.INFLOW || (m.status() == PersonStatus.REGISTERED && r.destination() != null
                && !r.destination().isBlank() && !r.destination().trim().startsWith(town));
    }

    /** The move out through migration: the same move record and notice (通报) as a departure entered by the office. */
    private PersonService.Revision moveOut(long personId, Visit.PersonResult r, LocalDate visitedOn, String source) {
        Person before = persons.get(personId);
        Person after = floating.moveOut(personId, new Departure(r.leftOn() == null ? visitedOn : r.leftOn(),
                r.destination() == null || r.destination().isBlank() ? null : r.destination().trim(), r.moveReason(), null), source);
        return new PersonService.Revision(before, after);
    }

    /** The form with some fields replaced, each value read as the person form reads it. */
    private PersonForm with(PersonForm f, Map<String, ?> values) {
        Map<String, Object> fields = json.convertValue(f, new TypeReference<LinkedHashMap<String, Object>>() { });
        values.forEach((k, val) -> fields.put(k, val instanceof String s && s.isEmpty() ? null : val));
        try {
            return json.convertValue(fields, PersonForm.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ValidationException(List.of(messages.problem("corrections", "invalid", String.valueOf(values))));
        }
    }

    /** A person found in the household: the visited household's number, village, grid and address unless given. */
    private PersonForm newPerson(Map<String, Object> person, Household h) {
        Map<String, Object> fields = new LinkedHashMap<>(person);
        fields.putIfAbsent("householdNo", h.householdNo());
        fields.putIfAbsent("villageCode", h.villageCode());
        fields.putIfAbsent("gridCode", h.gridCode());
        fields.putIfAbsent("address", h.address());
        fields.putIfAbsent("status", PersonStatus.REGISTERED.name());
        fields.remove("version");
        try {
            return json.convertValue(fields, PersonForm.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ValidationException(List.of(messages.problem("person", "invalid", String.valueOf(person))));
        }
    }

    /** The fields that differ between two states of a person: {field: [old, new]}. */
    private Map<String, Object[]> diff(Person before, Person after) {
        Map<String, Object> a = json.convertValue(PersonForm.of(before), new TypeReference<LinkedHashMap<String, Object>>() { });
        Map<String, Object> b = json.convertValue(PersonForm.of(after), new TypeReference<LinkedHashMap<String, Object>>() { });
        Map<String, Object[]> out = new LinkedHashMap<>();
        a.forEach((k, old) -> {
            if (!"version".equals(k) && !Objects.equals(old, b.get(k))) {
                out.put(k, new Object[]{old, b.get(k)});
            }
        });
        return out;
    }

    private void recordResult(Round round, long visitId, Household h, long personId, String result) {
        jdbc.sql("""
                insert into verification_result (round_id, person_id, visit_id, village_code, grid_code, result)
                values (?, ?, ?, ?, ?, ?)
                on conflict (round_id, person_id) do update set visit_id = excluded.visit_id, result = excluded.result""")
                .params(round.id(), personId, visitId, h.villageCode(), h.gridCode(), result).update();
    }

    private void recordChange(Round round, long visitId, long personId, String result, Map<String, Object[]> fields,
                              CurrentUser user) {
        jdbc.sql("insert into verification_change (round_id, visit_id, person_id, result, fields, made_by)"
                        + " values (?, ?, ?, ?, cast(? as jsonb), ?)")
                .params(round.id(), visitId, personId, result, json.writeValueAsString(fields), user.username()).update();
    }
}
