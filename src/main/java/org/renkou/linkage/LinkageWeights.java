package org.renkou.linkage;

import java.util.ArrayList;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.access.Permission;
import org.renkou.area.AreaService;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.ValidationException;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weights pairs are scored with: estimated from the register by EM (a background job), shown beside the ones
 * in use, adopted by the town office (versioned, audited), or the default of {@code linkage/weights.tsv} taken back.
 */
@Service
public class LinkageWeights {
    /** One level: the reason in words; m, u and weight in use and, for an estimate, estimated. */
    public record LevelView(String comparison, String level, String reason, double currentM, double currentU,
                            double currentWeight, Double m, Double u, Double weight) {
    }

    /** An estimate beside the weights in use. */
    public record EstimateView(long version, String area, double matchShare, long pairs, boolean inUse,
                               List<LevelView> levels) {
    }

    /** The weights in use: version null is the default. */
    public record InUseView(Long version, List<LevelView> levels) {
    }

    /**
     * An estimation in the background: status RUNNING|DONE|FAILED; step QUEUED, READING (the persons), RANDOM (u
     * from random pairs), BY_DATE and BY_NAME (EM over blocked pairs), SAVING; version the estimate, once done.
     */
    public record EstimationView(long id, String area, String status, String step, int persons, long pairs,
                                 Long version, String message, String startedBy, java.time.Instant startedAt) {
        public boolean running() {
            return "RUNNING".equals(status);
        }

        public java.time.LocalDateTime localStartedAt() {
            return java.time.LocalDateTime.ofInstant(startedAt, org.renkou.common.Dates.ZONE);
        }
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LinkageWeights.class);
    /** Persons read between two progress notes. */
    private static final int READ_PROGRESS_EVERY = 50_000;
    static final String TOO_FEW = "linkage.estimation.tooFew";

    private final Scorer scorer;
    private final WeightsRepository store;
    private final LinkageRepository register;
    private final AreaService areas;
    private final AccessService access;
    private final AuditService audit;
    private final Messages messages;
    private final JobsRepository jobs;
    private final LinkageJobs worker;
    private final TransactionTemplate tx;

    LinkageWeights(Scorer scorer, WeightsRepository store, LinkageRepository register, AreaService areas,
                   AccessService access, AuditService audit, Messages messages, JobsRepository jobs,
                   LinkageJobs worker, TransactionTemplate tx) {
        this.jobs = jobs;
        this.worker = worker;
        this.tx = tx;
        this.scorer = scorer;
        this.store = store;
        this.register = register;
        this.areas = areas;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
    }

    /** After a restart pairs are scored with the weights adopted last. */
    @EventListener(ApplicationStartedEvent.class)
    void useAdopted() {
        store.inUse().flatMap(store::find).ifPresent(v -> scorer.use(v.weights()));
    }

    /**
     * Starts estimating from the persons of the area (blank: the whole register) in the background; the estimate
     * is kept as a new version, shown beside the weights in use and not used until adopted. Answers the job's id
     * (while one over the area runs, that one's).
     */
    public long startEstimate(String area) {
        return begin(area).id();
    }

    /** The old way: the same job, answered with the estimate when it is over. */
    public EstimateView estimate(String area) {
        LinkageJobs.Started started = begin(area);
        LinkageJobs.await(started.done());
        Long version = jobs.estimation(started.id()).map(JobsRepository.Estimation::version).orElse(null);
        if (version == null) {
            throw new IllegalStateException("estimation " + started.id() + " made no version");
        }
        return view(find(version));
    }

    /** One estimation per area at a time: while one runs, starting another answers that one. */
    private LinkageJobs.Started begin(String area) {
        CurrentUser user = access.require(Permission.TOWN_OFFICE);
        String prefix = area == null ? "" : area.trim();
        if (!prefix.isEmpty()) {
            if (areas.find(prefix).isEmpty()) {
                throw new ValidationException(List.of(messages.problem("area", "areaUnknown", prefix)));
            }
            if (!user.scope().contains(prefix)) {
                throw new AccessDeniedException("outside the user's areas");
            }
        }
        return worker.submit("estimation:" + prefix, () -> {
            long id = jobs.createEstimation(prefix, user.username());
            audit.record(AuditAction.CREATE, "linkage_estimation", String.valueOf(id),
                    prefix.isEmpty() ? "register" : prefix);
            return id;
        }, id -> work(id, prefix));
    }

    /** In the worker, as the user who started it; a failure is kept on the job (and thrown to whoever waits). */
    private void work(long id, String prefix) {
        try {
            CurrentUser user = access.require(Permission.TOWN_OFFICE);
            jobs.estimationStep(id, "READING", 0, 0);
            List<LinkRecord> records = new ArrayList<>();
            Blocking blocking = new Blocking();
            register.forEachPerson(prefix, r -> {
                records.add(r);
                blocking.add(r);
                if (records.size() % READ_PROGRESS_EVERY == 0) {
                    jobs.estimationStep(id, "READING", records.size(), 0);
                }
            });
            if (records.size() < 2) {
                jobs.finishEstimation(id, "FAILED", null, TOO_FEW);
                throw new ValidationException(List.of(messages.problem("area", "linkageTooFewPersons")));
            }
            WeightEstimation.Estimate estimate = new WeightEstimation(Weights.standard()).estimate(records, blocking,
                    (step, pairs) -> jobs.estimationStep(id, step, records.size(), pairs));
            jobs.estimationStep(id, "SAVING", records.size(), estimate.pairs());
            long version = tx.execute(status -> {
                long v = store.save(prefix, estimate, user.username());
                audit.record(AuditAction.CREATE, "linkage_weights", String.valueOf(v),
                        (prefix.isEmpty() ? "register" : prefix) + ": " + estimate.pairs() + " pairs");
                return v;
            });
            jobs.finishEstimation(id, "DONE", version, null);
        } catch (ValidationException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("weights estimation {} failed", id, e);
            jobs.finishEstimation(id, "FAILED", null, e.getMessage());
            throw e;
        }
    }

    /** An estimation as it goes; version is the estimate it made, once done. */
    public EstimationView estimation(long id) {
        CurrentUser user = access.require(Permission.TOWN_OFFICE);
        return jobs.estimation(id).filter(e -> e.areaCode().isEmpty() || user.scope().contains(e.areaCode()))
                .map(this::view).orElseThrow(() -> new NotFoundException("weights estimation " + id));
    }

    /** The latest estimations over the user's areas, newest first. */
    public List<EstimationView> recentEstimations() {
        CurrentUser user = access.require(Permission.TOWN_OFFICE);
        return jobs.recentEstimations(100).stream()
                .filter(e -> e.areaCode().isEmpty() || user.scope().contains(e.areaCode())).limit(5)
                .map(this::view).toList();
    }

    private EstimationView view(JobsRepository.Estimation e) {
        String message = e.message() == null ? null
                : e.message().startsWith("linkage.") ? messages.get(e.message()) : e.message();
        return new EstimationView(e.id(), e.areaCode(), e.status(), e.step(), e.persons(), e.pairs(), e.version(),
                message, e.startedBy(), e.startedAt());
    }

    public EstimateView version(long id) {
        access.require(Permission.TOWN_OFFICE);
        return view(find(id));
    }

    /** Pairs are scored with this version from now on (pairs already queued keep their score). */
    @Transactional
    public InUseView adopt(long id) {
        CurrentUser user = access.require(Permission.TOWN_OFFICE);
        WeightsRepository.Version v = find(id);
        store.use(id, user.username());
        audit.record(AuditAction.UPDATE, "linkage_weights", String.valueOf(id), "adopted");
        scorer.use(v.weights());
        return inUse();
    }

    /** Back to the default weights of linkage/weights.tsv. */
    @Transactional
    public InUseView useDefault() {
        CurrentUser user = access.require(Permission.TOWN_OFFICE);
        store.use(null, user.username());
        audit.record(AuditAction.UPDATE, "linkage_weights", null, "default (linkage/weights.tsv)");
        scorer.use(Weights.standard());
        return inUse();
    }

    public InUseView inUse() {
        access.require(Permission.REVIEW_DUPLICATES);
        List<LevelView> levels = scorer.weights().levels().stream()
                .map(l -> new LevelView(l.comparison().name(), l.level(), reason(l), l.m(), l.u(), round(l.weight()),
                        null, null, null)).toList();
        return new InUseView(store.inUse().orElse(null), levels);
    }

    private WeightsRepository.Version find(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("linkage weights " + id));
    }

    private EstimateView view(WeightsRepository.Version v) {
        Weights current = scorer.weights();
        List<LevelView> levels = new ArrayList<>();
        for (Weights.Level e : v.weights().levels()) {
            Weights.Level c = current.levels().stream()
                    .filter(l -> l.comparison() == e.comparison() && l.level().equals(e.level())).findFirst().orElse(e);
            levels.add(new LevelView(e.comparison().name(), e.level(), reason(e), c.m(), c.u(), round(c.weight()), e.m(),
                    e.u(), round(e.weight())));
        }
        return new EstimateView(v.id(), v.areaCode(), v.matchShare(), v.pairs(),
                store.inUse().map(id -> id == v.id()).orElse(false), levels);
    }

    private String reason(Weights.Level l) {
        return messages.get("linkage.reason." + l.comparison() + "." + l.level());
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
