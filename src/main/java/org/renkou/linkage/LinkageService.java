package org.renkou.linkage;

import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.renkou.access.AccessService;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.area.AreaService;
import org.renkou.common.ConflictException;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.PageResult;
import org.renkou.common.ValidationException;
import org.renkou.people.DuplicateCheck;
import org.renkou.people.PersonForm;
import org.renkou.people.PersonMerges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Record linkage: runs over an area in the background, the review queue, and the decisions on a pair (merge
 * through people, distinct, undo). Also the duplicate check people asks before a person is added.
 */
@Service
public class LinkageService implements DuplicateCheck {
    private static final Logger log = LoggerFactory.getLogger(LinkageService.class);
    /** Progress is written after this many comparisons. */
    private static final int PROGRESS_EVERY = 1_000_000;
    /** A run's pairs are queued this many at a time. */
    private static final int INSERT_BATCH = 2_000;
    /** Up to this many persons an import adds are checked one by one; more, in one pass over the register. */
    private static final int IMPORT_ONE_BY_ONE = 5_000;

    private final LinkageRepository repository;
    private final Scorer scorer;
    private final PersonMerges merges;
    private final AreaService areas;
    private final AccessService access;
    private final AuditService audit;
    private final Messages messages;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "linkage");
        t.setDaemon(true);
        return t;
    });

    LinkageService(LinkageRepository repository, Scorer scorer, PersonMerges merges, AreaService areas,
                   AccessService access, AuditService audit, Messages messages) {
        this.repository = repository;
        this.scorer = scorer;
        this.merges = merges;
        this.areas = areas;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
    }

    /** Starts a run over the area (and everything below it) against the whole register; answers its id. */
    public long startRun(String areaCode) {
        CurrentUser user = reviewer();
        if (areaCode == null || areaCode.isBlank()) {
            throw new ValidationException(List.of(messages.problem("area", "required")));
        }
        String area = areaCode.trim();
        if (areas.find(area).isEmpty()) {
            throw new ValidationException(List.of(messages.problem("area", "areaUnknown", area)));
        }
        if (!user.scope().contains(area)) {
            throw new AccessDeniedException("outside the user's areas");
        }
        long id = repository.createRun(area, user.username());
        audit.record(AuditAction.CREATE, "linkage_run", String.valueOf(id), area);
        worker.submit(() -> run(id, area, user.username()));
        return id;
    }

    public LinkageRepository.Run run(long id) {
        CurrentUser user = reviewer();
        return repository.run(id).filter(r -> user.scope().contains(r.areaCode())).map(this::readable)
                .orElseThrow(() -> new NotFoundException("linkage run " + id));
    }

    /** A run cut off by a restart says so in the reader's language. */
    private LinkageRepository.Run readable(LinkageRepository.Run r) {
        return InterruptedRuns.INTERRUPTED.equals(r.message())
                ? new LinkageRepository.Run(r.id(), r.areaCode(), r.status(), r.persons(), r.comparisons(), r.pairs(),
                messages.get(r.message()))
                : r;
    }

    /** The latest runs over the user's areas, newest first (a run cut off by a restart shows as failed, with why). */
    public List<LinkageRepository.Run> recentRuns() {
        CurrentUser user = reviewer();
        return repository.recentRuns(200).stream().filter(r -> user.scope().contains(r.areaCode())).limit(10)
                .map(this::readable).toList();
    }

    private void run(long id, String area, String username) {
        long started = System.nanoTime();
        try {
            Blocking blocking = new Blocking();
            NameFrequencies names = new NameFrequencies();
            int[] persons = {0};
            repository.forEachPerson("", r -> {
                blocking.add(r);
                names.add(r);
                if (r.villageCode() != null && r.villageCode().startsWith(area)) {
                    persons[0]++;
                }
            });
            repository.progress(id, persons[0], 0, 0);
            long loaded = System.nanoTime();
            int[] pairs = {0};
            long[] compared = {0};
            List<LinkageRepository.Found> found = new ArrayList<>();
            blocking.forEachPair(r -> r.villageCode() != null && r.villageCode().startsWith(area), (a, b) -> {
                scorer.match(a, b, names).ifPresent(s -> {
                    found.add(new LinkageRepository.Found(a.id(), b.id(), s));
                    if (found.size() == INSERT_BATCH) {
                        pairs[0] += repository.insertRunPairs(found, id, username);
                        found.clear();
                    }
                });
                if (++compared[0] % PROGRESS_EVERY == 0) {
                    repository.progress(id, persons[0], compared[0], pairs[0]);
                }
            });
            pairs[0] += repository.insertRunPairs(found, id, username);
            repository.progress(id, persons[0], compared[0], pairs[0]);
            repository.finishRun(id, "DONE", null);
            log.info("linkage run {} over {}: {} persons of the area, read in {} ms; {} pairs compared, {} queued, in {} ms",
                    id, area, persons[0], (loaded - started) / 1_000_000, compared[0], pairs[0],
                    (System.nanoTime() - loaded) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("linkage run {} failed", id, e);
            repository.finishRun(id, "FAILED", e.getMessage());
        }
    }

    /** The queue: pairs of the area (the user's areas if none), best first; reasons in the user's language. */
    public PageResult<LinkageRepository.Pair> pairs(String area, String status, Long runId, Long importJobId,
                                                    Integer page, Integer size) {
        CurrentUser user = reviewer();
        if (area != null && !area.isBlank() && !user.scope().coversArea(area.trim())) {
            throw new AccessDeniedException("outside the user's areas");
        }
        List<org.renkou.common.FieldProblem> problems = new ArrayList<>();
        if (status != null && !List.of("OPEN", "MERGED", "DISTINCT").contains(status)) {
            problems.add(messages.problem("status", "linkageStatus", status));
        }
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            problems.add(messages.problem("page", "linkagePage"));
        }
        if (s < 1 || s > 500) {
            problems.add(messages.problem("size", "linkageSize"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return repository.pairs(area == null || area.isBlank() ? null : area.trim(), status, runId, importJobId,
                user.scope(), p, s);
    }

    /** One pair, if one of its persons is in the user's areas. */
    public LinkageRepository.Pair pair(long id) {
        return visible(id, reviewer());
    }

    private LinkageRepository.Pair visible(long id, CurrentUser user) {
        return repository.pair(id).filter(p -> repository.inScope(p, user.scope()))
                .orElseThrow(() -> new NotFoundException("linkage pair " + id));
    }

    /** The two are different persons: remembered, so the pair is never queued again. */
    @Transactional
    public LinkageRepository.Pair distinct(long pairId) {
        CurrentUser user = reviewer();
        LinkageRepository.Pair pair = open(pairId, user);
        repository.decide(pairId, "DISTINCT", null, null, user.username());
        audit.record(AuditAction.UPDATE, "linkage_pair", String.valueOf(pairId), pair.leftId() + "," + pair.rightId());
        return repository.pair(pairId).orElseThrow();
    }

    /** Merges the other record of the pair into the survivor, through people (which moves every reference). */
    @Transactional
    public LinkageRepository.Pair merge(long pairId, Long survivorId) {
        return merge(pairId, survivorId, java.util.Map.of());
    }

    /** The same, with field by field the record whose value stays ({@link PersonMerges#merge(long, long, String, java.util.Map)}). */
    @Transactional
    public LinkageRepository.Pair merge(long pairId, Long survivorId, java.util.Map<String, Long> values) {
        CurrentUser user = reviewer();
        LinkageRepository.Pair pair = open(pairId, user);
        if (survivorId == null || (survivorId != pair.leftId() && survivorId != pair.rightId())) {
            throw new ValidationException(List.of(messages.problem("survivorId", "linkageSurvivor")));
        }
        long mergedId = survivorId == pair.leftId() ? pair.rightId() : pair.leftId();
        long mergeId = merges.merge(survivorId, mergedId, "LINKAGE", values);
        repository.decide(pairId, "MERGED", survivorId, mergeId, user.username());
        audit.record(AuditAction.UPDATE, "linkage_pair", String.valueOf(pairId), mergedId + " into " + survivorId);
        return repository.pair(pairId).orElseThrow();
    }

    /** Takes a decision back: a merge is undone through people; the pair is open again. */
    @Transactional
    public LinkageRepository.Pair undo(long pairId) {
        CurrentUser user = reviewer();
        LinkageRepository.Pair pair = visible(pairId, user);
        if ("OPEN".equals(pair.status())) {
            throw new ConflictException(messages.get("linkage.problem.notDecided"));
        }
        if ("MERGED".equals(pair.status())) {
            merges.undo(pair.mergeId(), "LINKAGE");
        }
        repository.decide(pairId, "OPEN", null, null, user.username());
        audit.record(AuditAction.UPDATE, "linkage_pair", String.valueOf(pairId), pair.status());
        return repository.pair(pairId).orElseThrow();
    }

    /** The reasons of a pair in the user's language. */
    public List<String> reasons(List<String> codes) {
        return codes.stream().map(c -> messages.get("linkage.reason." + c)).toList();
    }

    @Override
    public List<Candidate> candidates(PersonForm form) {
        LinkRecord entry = LinkRecord.of(0, form.name(), form.idNumber(), form.sex(), form.birthDate(),
                form.householdNo(), form.hukouCode(), form.villageCode() == null ? null : form.villageCode().trim(), form.phone());
        List<Candidate> found = new ArrayList<>();
        for (LinkRecord r : near(entry)) {
            scorer.match(entry, r).ifPresent(s -> found.add(new Candidate(r.id(), s.score(), reasons(s.reasons()))));
        }
        found.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return found;
    }

    /** The records of the register a record may duplicate: born near it, its ID number but the check, its household. */
    private List<LinkRecord> near(LinkRecord r) {
        java.time.LocalDate born = r.birthDate();
        // day and month swapped is a date only when the day could be a month
        java.time.LocalDate swapped = born.getDayOfMonth() <= 12 && born.getDayOfMonth() != born.getMonthValue()
                ? java.time.LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue()) : null;
        return repository.near(born, swapped, r.idFirst17(), r.householdNo());
    }

    /**
     * A small import's persons are each checked as an entry is; a large one's (a town's old data) in one pass over
     * the register's blocks, as a run does, comparing only pairs with at least one person of the import.
     */
    @Override
    public int queueImported(long importJobId, List<Long> addedPersonIds) {
        String username = access.current().username();
        long started = System.nanoTime();
        int[] queued = {0};
        java.util.function.BiConsumer<LinkRecord, LinkRecord> compare = (a, b) -> scorer.match(a, b).ifPresent(s -> {
            if (repository.insertPair(a.id(), b.id(), s, "IMPORT", null, importJobId, "OPEN", username)) {
                queued[0]++;
            }
        });
        if (addedPersonIds.size() <= IMPORT_ONE_BY_ONE) {
            for (LinkRecord r : repository.persons(addedPersonIds)) {
                near(r).stream().filter(other -> other.id() != r.id()).forEach(other -> compare.accept(r, other));
            }
        } else {
            long[] added = addedPersonIds.stream().mapToLong(Long::longValue).sorted().toArray();
            Blocking blocking = new Blocking();
            repository.forEachPerson("", blocking::add);
            blocking.forEachPair(r -> java.util.Arrays.binarySearch(added, r.id()) >= 0, compare);
        }
        log.info("import {}: {} persons added, {} probable duplicates queued in {} ms", importJobId,
                addedPersonIds.size(), queued[0], (System.nanoTime() - started) / 1_000_000);
        return queued[0];
    }

    @Override
    public long queuedByImport(long importJobId) {
        return repository.pairsOfImport(importJobId);
    }

    @Override
    public void rememberDistinct(long newPersonId, Collection<Long> others) {
        String username = access.current().username();
        for (long other : others) {
            repository.insertPair(newPersonId, other, new Scorer.Scored(0, Scorer.Match.REVIEW, List.of()), "ENTRY",
                    null, null, "DISTINCT", username);
        }
    }

    private LinkageRepository.Pair open(long pairId, CurrentUser user) {
        LinkageRepository.Pair pair = visible(pairId, user);
        if (!"OPEN".equals(pair.status())) {
            throw new ConflictException(messages.get("linkage.problem.decided"));
        }
        return pair;
    }

    /** The town office, and cadres for their own areas (grid workers and read-only roles do not decide pairs). */
    private CurrentUser reviewer() {
        return access.require(Permission.REVIEW_DUPLICATES);
    }
}
