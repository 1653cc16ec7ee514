package org.renkou.linkage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.renkou.access.AccessService;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.access.Permission;
import org.renkou.common.ConflictException;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.PageResult;
import org.renkou.common.ValidationException;
import org.renkou.people.Person;
import org.renkou.people.PersonService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The town office merges the {@code AUTO} pairs of an area in one go, after a preview, as a background job:
 * exactly the pairs the preview showed (none queued after it), each in its own transaction through the ordinary
 * merge (audited per pair), its outcome written in that transaction, so a stop loses nothing and leaves nothing
 * half done. A pair decided, or one of whose records was changed by someone, since the preview is skipped with
 * the reason, not merged blindly.
 */
@Service
class AutoMerges {
    private static final Logger log = LoggerFactory.getLogger(AutoMerges.class);
    static final String DECIDED = "linkage.autoMerge.decided";
    static final String CHANGED = "linkage.autoMerge.changed";
    static final String GONE = "linkage.autoMerge.gone";

    /** A page of the pairs a bulk merge would merge; {@code upTo} bounds them, {@code asOf} is when they were shown. */
    record Preview(PageResult<LinkageRepository.Pair> pairs, long upTo, Instant asOf) {
    }

    /** A pair not merged, and why, in the reader's language; outcome SKIPPED (changed meanwhile) or FAILED. */
    record Failure(long pairId, String outcome, String message) {
    }

    /** What the old endpoint answers: how many merged, and the pairs not merged. */
    record Outcome(int merged, List<Failure> failed) {
    }

    /** A bulk merge as it goes: merged, skipped and failed of total; message says why a FAILED one stopped. */
    record Job(long id, String area, long upTo, String status, int total, int merged, int skipped, int failed,
               String message, String startedBy, Instant startedAt, List<Failure> notMerged) {
        public boolean running() {
            return "RUNNING".equals(status);
        }

        public java.time.LocalDateTime localStartedAt() {
            return java.time.LocalDateTime.ofInstant(startedAt, org.renkou.common.Dates.ZONE);
        }

        public int percent() {
            return total == 0 ? (running() ? 0 : 100) : (merged + skipped + failed) * 100 / total;
        }
    }

    /** A pair's way out of its transaction when it is not to be merged: skipped, with the reason's key. */
    private static final class Skipped extends RuntimeException {
        private final String key;

        Skipped(String key) {
            super(key, null, false, false);
            this.key = key;
        }
    }

    private final LinkageRepository repository;
    private final JobsRepository jobs;
    private final LinkageJobs worker;
    private final LinkageService linkage;
    private final PersonService persons;
    private final AccessService access;
    private final AuditService audit;
    private final Messages messages;
    private final TransactionTemplate tx;

    AutoMerges(LinkageRepository repository, JobsRepository jobs, LinkageJobs worker, LinkageService linkage,
               PersonService persons, AccessService access, AuditService audit, Messages messages,
               TransactionTemplate tx) {
        this.repository = repository;
        this.jobs = jobs;
        this.worker = worker;
        this.linkage = linkage;
        this.persons = persons;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.tx = tx;
    }

    Preview preview(String area, Integer page, Integer size) {
        CurrentUser user = officer();
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        List<FieldProblem> problems = new ArrayList<>();
        if (p < 0) {
            problems.add(messages.problem("page", "linkagePage"));
        }
        if (s < 1 || s > 500) {
            problems.add(messages.problem("size", "linkageSize"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Instant asOf = Instant.now();
        long upTo = repository.lastPairId();
        return new Preview(repository.pairs(filter(area(area, user), upTo), user.scope(), p, s), upTo, asOf);
    }

    /**
     * Starts merging every open AUTO pair of the area up to the preview's bound; answers the job's id. With the
     * preview's time, a record changed after it keeps its pairs out; without, changes after the start do. While
     * a bulk merge of the area runs, answers that one.
     */
    long start(String area, Long upTo, Instant asOf) {
        return begin(area, upTo, asOf).id();
    }

    /** The old way: the same job, answered when it is over. */
    Outcome mergeAll(String area, Long upTo) {
        LinkageJobs.Started started = begin(area, upTo, null);
        LinkageJobs.await(started.done());
        Job job = job(started.id());
        return new Outcome(job.merged(), job.notMerged());
    }

    /** One bulk merge per area at a time: while one runs, starting another answers that one. */
    private LinkageJobs.Started begin(String area, Long upTo, Instant asOf) {
        CurrentUser user = officer();
        if (upTo == null) {
            throw new ValidationException(List.of(messages.problem("upTo", "required")));
        }
        String scoped = area(area, user);
        String key = "auto-merge:" + (scoped == null ? "*" + user.username() : scoped);
        return worker.submit(key, () -> {
            long id = jobs.createAutoMerge(scoped == null ? "" : scoped, upTo, asOf, user.username());
            audit.record(AuditAction.CREATE, "linkage_auto_merge", String.valueOf(id),
                    (scoped == null ? "" : scoped + ": ") + "AUTO pairs up to " + upTo);
            return id;
        }, id -> work(id, scoped, upTo, asOf));
    }

    Job job(long id) {
        CurrentUser user = officer();
        return jobs.autoMerge(id).filter(j -> visible(j, user)).map(this::view)
                .orElseThrow(() -> new NotFoundException("bulk merge " + id));
    }

    /** The latest bulk merges over the user's areas, newest first. */
    List<Job> recent() {
        CurrentUser user = officer();
        return jobs.recentAutoMerges(100).stream().filter(j -> visible(j, user)).limit(5).map(this::view).toList();
    }

    /** A job over every area of its starter is theirs to watch; one over an area, of everyone covering it. */
    private static boolean visible(JobsRepository.AutoMerge j, CurrentUser user) {
        return j.areaCode().isEmpty() ? j.startedBy().equals(user.username()) || user.scope().all()
                : user.scope().coversArea(j.areaCode());
    }

    private Job view(JobsRepository.AutoMerge j) {
        List<Failure> notMerged = jobs.notMerged(j.id()).stream().map(n -> new Failure(n.pairId(), n.outcome(),
                n.reasonKey() != null ? messages.get(n.reasonKey()) : n.reason())).toList();
        String message = j.message() == null ? null
                : j.message().startsWith("linkage.") ? messages.get(j.message()) : j.message();
        return new Job(j.id(), j.areaCode(), j.upTo(), j.status(), j.total(), j.merged(), j.skipped(), j.failed(),
                message, j.startedBy(), j.startedAt(), notMerged);
    }

    /** In the worker, as the user who started it. */
    private void work(long id, String area, long upTo, Instant asOf) {
        try {
            CurrentUser user = officer();
            List<Long> ids = repository.pairIds(filter(area, upTo), user.scope());
            jobs.listPairs(id, ids);
            Map<Long, Integer> versions = versions(ids, asOf);
            for (int i = 0; i < ids.size(); i++) {
                mergeOne(id, i, ids.get(i), versions);
            }
            JobsRepository.AutoMerge done = jobs.autoMerge(id).orElseThrow();
            audit.record(AuditAction.UPDATE, "linkage_auto_merge", String.valueOf(id), done.merged() + " merged, "
                    + done.skipped() + " skipped, " + done.failed() + " failed of " + done.total());
            jobs.finishAutoMerge(id, "DONE", null);
        } catch (RuntimeException e) {
            log.error("bulk merge {} failed", id, e);
            jobs.finishAutoMerge(id, "FAILED", e.getMessage());
        }
    }

    /**
     * The version of each record of the pairs as the job lists them; -1 for one changed since the preview, so
     * its pairs are skipped. A record the job itself changes by a merge gets its new version.
     */
    private Map<Long, Integer> versions(List<Long> pairIds, Instant asOf) {
        Map<Long, Integer> versions = new HashMap<>();
        for (long pairId : pairIds) {
            repository.pair(pairId).ifPresent(p -> {
                versions.computeIfAbsent(p.leftId(), personId -> version(personId, asOf));
                versions.computeIfAbsent(p.rightId(), personId -> version(personId, asOf));
            });
        }
        return versions;
    }

    private Integer version(long personId, Instant asOf) {
        try {
            Person p = persons.get(personId);
            boolean changed = asOf != null
                    && persons.history(personId).stream().anyMatch(c -> c.changedAt().isAfter(asOf));
            return changed ? -1 : p.version();
        } catch (NotFoundException e) {
            // merged or marked as entered by mistake: the pair says so at its turn
            return -1;
        }
    }

    private void mergeOne(long jobId, int position, long pairId, Map<Long, Integer> versions) {
        try {
            tx.executeWithoutResult(status -> {
                LinkageRepository.Pair pair = linkage.pair(pairId);
                if (!"AUTO".equals(pair.match()) || !"OPEN".equals(pair.status())) {
                    throw new Skipped(DECIDED);
                }
                Person left = persons.get(pair.leftId());
                Person right = persons.get(pair.rightId());
                // a merged record stays readable (marked entered by mistake): its pairs have lost a record
                if (left.enteredByMistake() || right.enteredByMistake()) {
                    throw new Skipped(GONE);
                }
                if (!versions.getOrDefault(left.id(), -1).equals(left.version())
                        || !versions.getOrDefault(right.id(), -1).equals(right.version())) {
                    throw new Skipped(CHANGED);
                }
                long survivor = survivor(left, right);
                linkage.merge(pairId, survivor, Map.of());
                versions.put(survivor, persons.get(survivor).version());
                jobs.outcome(jobId, position, "MERGED", null, null);
            });
        } catch (Skipped s) {
            jobs.outcome(jobId, position, "SKIPPED", s.key, null);
        } catch (NotFoundException e) {
            // the pair or a record is no longer there for the user
            jobs.outcome(jobId, position, "SKIPPED", GONE, null);
        } catch (RuntimeException e) {
            failed(jobId, position, pairId, e);
        }
    }

    private void failed(long jobId, int position, long pairId, RuntimeException e) {
        if (e instanceof ConflictException) {
            jobs.outcome(jobId, position, "FAILED", null, e.getMessage());
        } else if (e instanceof ValidationException v) {
            jobs.outcome(jobId, position, "FAILED", null, String.join(" ", v.messages()));
        } else if (e instanceof AccessDeniedException) {
            jobs.outcome(jobId, position, "FAILED", "linkage.autoMerge.outside", null);
        } else {
            log.error("AUTO merge of pair {} failed", pairId, e);
            jobs.outcome(jobId, position, "FAILED", "linkage.autoMerge.error", null);
        }
    }

    /** The record that stays: the one with a checked ID number, else the one with a number, else the older. */
    private static long survivor(Person a, Person b) {
        int rankA = rank(a);
        int rankB = rank(b);
        if (rankA != rankB) {
            return rankA > rankB ? a.id() : b.id();
        }
        return Math.min(a.id(), b.id());
    }

    private static int rank(Person p) {
        if (p.idNumber() == null || p.idNumber().isBlank()) {
            return 0;
        }
        return p.idNumberFlagged() ? 1 : 2;
    }

    private static LinkageRepository.Filter filter(String area, long upTo) {
        return new LinkageRepository.Filter(area, "OPEN", "AUTO", null, null, upTo);
    }

    private static String area(String area, CurrentUser user) {
        if (area == null || area.isBlank()) {
            return null;
        }
        if (!user.scope().coversArea(area.trim())) {
            throw new AccessDeniedException("outside the user's areas");
        }
        return area.trim();
    }

    /** The town office decides in bulk; a cadre reviews pair by pair. */
    private CurrentUser officer() {
        access.require(Permission.REVIEW_DUPLICATES);
        return access.require(Permission.TOWN_OFFICE);
    }
}
