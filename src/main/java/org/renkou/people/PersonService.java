package org.renkou.people;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.ConflictException;
import org.renkou.common.Dates;
import org.renkou.common.IdNumber;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.PageResult;
import org.renkou.common.ValidationException;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of persons. Every write is audited here (reads by their handlers, {@code @Audited}); every change
 * of a field lands in the person's history; the residence status is kept as dated periods so that
 * population figures can be taken for any date. Persons are never deleted.
 */
@NamedInterface("register")
@Service
public class PersonService {
    /** Where a change came from, kept in the history. */
    public enum Source { WEB, API, IMPORT, SYSTEM, BIRTH, VERIFICATION;
        /** The source as kept in the history, naming the piece of work it came from (a verification round). */
        public String of(Object reference) {
            return name() + "#" + reference;
        }
    }

    /** A person before and after a change (whole ID numbers: for the caller's own record of what it changed). */
    public record Revision(Person before, Person after) {
    }

    private final PersonRepository repository;
    private final PersonValidator validator;
    private final AccessService access;
    private final AuditService audit;
    private final AreaService areas;
    private final Messages messages;
    private final org.springframework.beans.factory.ObjectProvider<DuplicateCheck> duplicates;

    PersonService(PersonRepository repository, PersonValidator validator, AccessService access, AuditService audit,
                  AreaService areas, Messages messages,
                  org.springframework.beans.factory.ObjectProvider<DuplicateCheck> duplicates) {
        this.repository = repository;
        this.validator = validator;
        this.access = access;
        this.audit = audit;
        this.areas = areas;
        this.messages = messages;
        this.duplicates = duplicates;
    }

    /** The list a user may see, ID numbers masked. */
    public PageResult<PersonSummary> search(PersonCriteria criteria) {
        CurrentUser user = access.require(Permission.READ_PERSONS);
        return repository.search(criteria.checked(messages), user.scope(), user.floatingOnly(),
                PersonRepository.summaries(villageNames()));
    }

    /**
     * Every person of a list, for an export (the handler's audit entry gets the row count). ID numbers are
     * whole only for roles that may see them; one transaction lets the cursor stream a list of any size.
     */
    @Transactional
    public void export(PersonCriteria criteria, java.util.function.Consumer<Person> sink) {
        CurrentUser user = access.require(Permission.READ_PERSONS);
        criteria.checked(messages);
        boolean whole = user.has(Permission.SEE_WHOLE_ID_NUMBERS);
        long[] rows = {0};
        repository.forEach(criteria, user.scope(), user.floatingOnly(), p -> {
            sink.accept(whole ? p : p.withIdNumber(IdNumber.mask(p.idNumber())));
            rows[0]++;
        });
        audit.rows(rows[0]);
    }

    /** Every household of the user's areas (and of {@code area}, if given), for an export (rows audited). */
    @Transactional
    public void exportHouseholds(String area, java.util.function.Consumer<HouseholdLine> sink) {
        CurrentUser user = access.require(Permission.READ_PERSONS);
        if (user.floatingOnly()) {
            throw new AccessDeniedException("the police liaison reads floating people only");
        }
        long[] rows = {0};
        repository.forEachHousehold(area, user.scope(), h -> {
            sink.accept(h);
            rows[0]++;
        });
        audit.rows(rows[0]);
    }

    /** How many persons of each residence status the user's areas hold today. */
    public Map<PersonStatus, Long> countByStatus() {
        return repository.countByStatus(access.current().scope());
    }

    /** The same list as full records (for API clients), ID numbers masked. */
    public PageResult<Person> searchRecords(PersonCriteria criteria) {
        CurrentUser user = access.require(Permission.READ_PERSONS);
        return repository.search(criteria.checked(messages), user.scope(), user.floatingOnly(), PersonRepository::map)
                .map(p -> p.withIdNumber(IdNumber.mask(p.idNumber())));
    }

    /** A person's full record; the ID number is whole only for roles allowed to see it. */
    @Transactional
    public Person get(long id) {
        CurrentUser user = access.require(Permission.READ_PERSONS);
        Person p = readable(id, user);
        return user.has(Permission.SEE_WHOLE_ID_NUMBERS) ? p : p.withIdNumber(IdNumber.mask(p.idNumber()));
    }

    /** Every change of a person's fields; old and new ID numbers are masked as on the record itself. */
    @Transactional
    public List<PersonChange> history(long id) {
        CurrentUser user = access.require(Permission.READ_PERSONS);
        readable(id, user);
        List<PersonChange> changes = repository.changes(id);
        return user.has(Permission.SEE_WHOLE_ID_NUMBERS) ? changes : changes.stream().map(PersonChange::withIdNumbersMasked).toList();
    }

    public List<StatusPeriod> statusPeriods(long id) {
        readable(id, access.require(Permission.READ_PERSONS));
        return repository.statusPeriods(id);
    }

    public Optional<Long> findIdByIdNumber(String idNumber) {
        return repository.idOf(idNumber);
    }

    @Transactional
    public Person create(PersonForm form, Source source) {
        return create(access.require(Permission.WRITE_REGISTER), form, source.name());
    }

    /**
     * Adds a person at the desk or through the API, unless the register probably holds them already: then the
     * candidates are the answer, except those the user said are somebody else ({@code notDuplicateOf}, remembered).
     */
    @Transactional
    public Person createChecked(PersonForm form, Source source, java.util.Set<Long> notDuplicateOf) {
        return createChecked(form, source.name(), notDuplicateOf);
    }

    /** The same, with the source as kept in the history (see {@link Source#of}). */
    @Transactional
    public Person createChecked(PersonForm form, String source, java.util.Set<Long> notDuplicateOf) {
        CurrentUser user = access.require(Permission.WRITE_REGISTER);
        check(form, null, user);
        DuplicateCheck check = duplicates.getIfAvailable();
        if (check == null) {
            return create(user, form, source);
        }
        List<DuplicateCheck.Candidate> all = check.candidates(form);
        List<DuplicateCheck.Candidate> candidates = all.stream()
                .filter(c -> !notDuplicateOf.contains(c.personId())).toList();
        if (!candidates.isEmpty()) {
            throw new PossibleDuplicateException(candidates);
        }
        Person p = create(user, form, source);
        // only what was offered is remembered (an id the user made up names nobody)
        List<Long> declined = all.stream().map(DuplicateCheck.Candidate::personId).toList();
        if (!declined.isEmpty()) {
            check.rememberDistinct(p.id(), declined);
        }
        return p;
    }

    /** A child born to a woman of the register, entered by whoever records the birth (the clinic too). */
    @Transactional
    public Person registerNewborn(PersonForm form) {
        CurrentUser user = access.current();
        if (!user.has(Permission.WRITE_REGISTER) && !user.has(Permission.WRITE_HEALTH)) {
            throw new AccessDeniedException(user.username() + " may not record births");
        }
        return create(user, form, Source.BIRTH.name());
    }

    private Person create(CurrentUser user, PersonForm form, String source) {
        PersonValidator.Result checked = check(form, null, user);
        requireWritable(user, form.villageCode(), form.gridCode());
        Long householdId = household(form, user);
        long id = repository.insert(form, checked.idNumber(), checked.idNumberFlagged(), householdId);
        LocalDate since = statusSince(form);
        LocalDate livedHereFrom = form.arrivedOn() != null ? form.arrivedOn() : form.birthDate();
        if (form.status() != PersonStatus.REGISTERED && form.status() != PersonStatus.INFLOW && livedHereFrom != null
                && livedHereFrom.isBefore(since)) {
            // someone who left or died was registered here until then, as the bulk loader derives it
            repository.changeStatus(id, PersonStatus.REGISTERED, livedHereFrom);
        }
        repository.changeStatus(id, form.status(), since);
        repository.insertChange(id, user.username(), source, "created", null, form.name().trim());
        audit.record(AuditAction.CREATE, "person", String.valueOf(id), source);
        return repository.find(id).orElseThrow();
    }

    @Transactional
    public Person update(long id, PersonForm form, Source source) {
        CurrentUser user = access.require(Permission.WRITE_REGISTER);
        return update(user, readable(id, user), form, source.name());
    }

    /**
     * Changes some fields of a person as read at {@code version} ({@code change} gets the whole record as a form),
     * with the same rules as the person form; {@code source} (see {@link Source#of}) goes into the history.
     */
    @Transactional
    public Revision revise(long id, int version, java.util.function.UnaryOperator<PersonForm> change, String source) {
        CurrentUser user = access.require(Permission.WRITE_REGISTER);
        Person before = readable(id, user);
        if (before.version() != version) {
            throw new ConflictException(messages.get("problem.staleVersion"));
        }
        PersonForm form = change.apply(PersonForm.of(before));
        Person after = update(user, before, new PersonForm(form.idNumber(), form.confirmIdNumber(), form.name(), form.sex(),
                form.birthDate(), form.ethnicity(), form.maritalStatus(), form.education(), form.householdNo(), form.relation(),
                form.hukouCode(), form.villageCode(), form.gridCode(), form.status(), form.arrivedOn(), form.leftOn(),
                form.diedOn(), form.moveReason(), form.otherPlaceCode(), form.phone(), form.address(), form.motherId(), version),
                source);
        return new Revision(before, after);
    }

    /**
     * The members of these households as of a date (living there or away: registered, inflow, outflow) with their
     * current fields, ID numbers masked as in lists, ordered by household and relation.
     */
    public List<HouseholdMember> membersOn(java.util.Collection<Long> householdIds, LocalDate on) {
        access.require(Permission.READ_RESIDENTS);
        return repository.membersOn(householdIds, on);
    }

    private Person update(CurrentUser user, Person before, PersonForm form, String source) {
        long id = before.id();
        requireWritable(user, before.villageCode(), before.gridCode());
        if (form.version() == null) {
            throw new ValidationException(List.of(messages.problem("version", "required")));
        }
        PersonValidator.Result checked = check(form, id, user);
        requireWritable(user, form.villageCode(), form.gridCode());
        Long householdId = household(form, user);
        if (!repository.update(id, form.version(), form, checked.idNumber(), checked.idNumberFlagged(), householdId)) {
            throw new ConflictException(messages.get("problem.staleVersion"));
        }
        Person after = repository.find(id).orElseThrow();
        recordChanges(before, after, user, source);
        if (before.status() != after.status()) {
            repository.changeStatus(id, after.status(), statusSince(form));
        }
        audit.record(AuditAction.UPDATE, "person", String.valueOf(id), source);
        return after;
    }

    /** A record that should never have been made: kept, but out of every list and figure. */
    @Transactional
    public void markEnteredByMistake(long id, int version) {
        CurrentUser user = access.require(Permission.WRITE_REGISTER);
        Person p = readable(id, user);
        requireWritable(user, p.villageCode(), p.gridCode());
        if (!repository.markEnteredByMistake(id, version)) {
            throw new ConflictException(messages.get("problem.staleVersion"));
        }
        repository.insertChange(id, user.username(), Source.WEB.name(), "enteredByMistake", "false", "true");
        audit.record(AuditAction.UPDATE, "person", String.valueOf(id), "entered by mistake");
    }

    /** A household with its members, if the user may see it. */
    public Household household(long householdId) {
        CurrentUser user = access.require(Permission.READ_PERSONS);
        Household h = repository.household("id", householdId)
                .filter(x -> user.scope().covers(x.villageCode(), x.gridCode()))
                .orElseThrow(() -> new NotFoundException("household " + householdId));
        List<PersonSummary> members = repository.members(householdId, villageNames()).stream()
                .filter(m -> !user.floatingOnly()
                        || m.status() == PersonStatus.INFLOW || m.status() == PersonStatus.OUTFLOW)
                .toList();
        return new Household(h.id(), h.householdNo(), h.villageCode(), h.gridCode(), h.address(), members);
    }

    private Person readable(long id, CurrentUser user) {
        return repository.find(id)
                .filter(p -> user.scope().covers(p.villageCode(), p.gridCode()))
                .filter(p -> !user.floatingOnly()
                        || p.status() == PersonStatus.INFLOW || p.status() == PersonStatus.OUTFLOW)
                .orElseThrow(() -> new NotFoundException("person " + id));
    }

    private void requireWritable(CurrentUser user, String villageCode, String gridCode) {
        if (!user.scope().covers(villageCode == null ? null : villageCode.trim(), gridCode == null ? null : gridCode.trim())) {
            throw new AccessDeniedException("outside the user's areas");
        }
    }

    /**
     * The form's problems; a number registered for someone else is "taken" when the user may see that person,
     * and otherwise only "not yours to register", which says neither who nor where.
     */
    private PersonValidator.Result check(PersonForm form, Long selfId, CurrentUser user) {
        PersonValidator.Result r = validator.validate(form);
        if (r.problems().isEmpty() && r.idNumber() != null) {
            Optional<Long> other = repository.idOf(r.idNumber());
            if (other.isPresent() && !other.get().equals(selfId)) {
                boolean visible = repository.find(other.get()).filter(p -> user.scope().covers(p.villageCode(), p.gridCode()))
                        .isPresent();
                throw new ValidationException(List.of(messages.problem("idNumber",
                        visible ? "idNumber.taken" : "idNumber.unavailable")));
            }
        }
        if (!r.problems().isEmpty()) {
            throw new ValidationException(r.problems());
        }
        if (HEAD.equals(form.relation() == null ? null : form.relation().trim()) && !PersonValidator.blank(form.householdNo())
                && form.status() != PersonStatus.DECEASED && form.status() != PersonStatus.MOVED_AWAY) {
            String no = form.householdNo().trim();
            // a household outside the user's areas is refused later without a word about it, its head included
            boolean visible = repository.household("household_no", no)
                    .map(h -> user.scope().covers(h.villageCode(), h.gridCode())).orElse(true);
            repository.otherHead(no, selfId).filter(head -> visible).ifPresent(head -> {
                throw new ValidationException(List.of(messages.problem("relation", "secondHead", no, head)));
            });
        }
        return r;
    }

    /** The relation code (GB/T 4761) of the household head, 户主: one to a household. */
    static final String HEAD = "02";

    /**
     * Finds the household by number, creating it in the person's village and grid when new. A household outside
     * the user's areas is not theirs to join (nor to learn about: the answer does not say where it is).
     */
    private Long household(PersonForm f, CurrentUser user) {
        if (PersonValidator.blank(f.householdNo())) {
            return null;
        }
        String no = f.householdNo().trim();
        Optional<Household> existing = repository.household("household_no", no);
        if (existing.isPresent() && !user.scope().covers(existing.get().villageCode(), existing.get().gridCode())) {
            throw new ValidationException(List.of(messages.problem("householdNo", "householdNo.unavailable")));
        }
        return existing.map(Household::id)
                .orElseGet(() -> repository.insertHousehold(no, f.villageCode().trim(),
                        PersonValidator.blank(f.gridCode()) ? null : f.gridCode().trim(), f.address()));
    }

    /** The date the current status began: the move or death date it comes with, else birth or today. */
    private static LocalDate statusSince(PersonForm f) {
        LocalDate d = switch (f.status()) {
            case INFLOW -> f.arrivedOn();
            case OUTFLOW, MOVED_AWAY -> f.leftOn();
            case DECEASED -> f.diedOn();
            case REGISTERED -> f.arrivedOn() != null ? f.arrivedOn() : f.birthDate();
        };
        return d != null ? d : Dates.today();
    }

    private void recordChanges(Person before, Person after, CurrentUser user, String source) {
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("idNumber", new Object[]{before.idNumber(), after.idNumber()});
        fields.put("name", new Object[]{before.name(), after.name()});
        fields.put("sex", new Object[]{before.sex(), after.sex()});
        fields.put("birthDate", new Object[]{before.birthDate(), after.birthDate()});
        fields.put("ethnicity", new Object[]{before.ethnicity(), after.ethnicity()});
        fields.put("maritalStatus", new Object[]{before.maritalStatus(), after.maritalStatus()});
        fields.put("education", new Object[]{before.education(), after.education()});
        fields.put("householdNo", new Object[]{before.householdNo(), after.householdNo()});
        fields.put("relation", new Object[]{before.relation(), after.relation()});
        fields.put("hukouCode", new Object[]{before.hukouCode(), after.hukouCode()});
        fields.put("villageCode", new Object[]{before.villageCode(), after.villageCode()});
        fields.put("gridCode", new Object[]{before.gridCode(), after.gridCode()});
        fields.put("status", new Object[]{before.status(), after.status()});
        fields.put("arrivedOn", new Object[]{before.arrivedOn(), after.arrivedOn()});
        fields.put("leftOn", new Object[]{before.leftOn(), after.leftOn()});
        fields.put("diedOn", new Object[]{before.diedOn(), after.diedOn()});
        fields.put("moveReason", new Object[]{before.moveReason(), after.moveReason()});
        fields.put("otherPlaceCode", new Object[]{before.otherPlaceCode(), after.otherPlaceCode()});
        fields.put("phone", new Object[]{before.phone(), after.phone()});
        fields.put("address", new Object[]{before.address(), after.address()});
        fields.forEach((field, v) -> {
            if (!Objects.equals(v[0], v[1])) {
                repository.insertChange(before.id(), user.username(), source, field,
                        v[0] == null ? null : v[0].toString(), v[1] == null ? null : v[1].toString());
            }
        });
    }

    private Map<String, String> villageNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Area a : areas.byLevel(Area.Level.VILLAGE)) {
            names.put(a.code(), a.name());
        }
        return names;
    }
}
