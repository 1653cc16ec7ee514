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

/**
 * The weights pairs are scored with: estimated from the register by EM, shown beside the ones in use, adopted by
 * the town office (versioned, audited), or the default of {@code linkage/weights.tsv} taken back.
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

    private final Scorer scorer;
    private final WeightsRepository store;
    private final LinkageRepository register;
    private final AreaService areas;
    private final AccessService access;
    private final AuditService audit;
    private final Messages messages;

    LinkageWeights(Scorer scorer, WeightsRepository store, LinkageRepository register, AreaService areas,
                   AccessService access, AuditService audit, Messages messages) {
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

    /** Estimates from the persons of the area (blank: the whole register) and keeps the estimate as a new version. */
    @Transactional
    public EstimateView estimate(String area) {
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
        List<LinkRecord> records = new ArrayList<>();
        Blocking blocking = new Blocking();
        register.forEachPerson(prefix, r -> {
            records.add(r);
            blocking.add(r);
        });
        if (records.size() < 2) {
            throw new ValidationException(List.of(messages.problem("area", "linkageTooFewPersons")));
        }
        WeightEstimation.Estimate estimate = new WeightEstimation(Weights.standard()).estimate(records, blocking);
        long id = store.save(prefix, estimate, user.username());
        audit.record(AuditAction.CREATE, "linkage_weights", String.valueOf(id),
                (prefix.isEmpty() ? "register" : prefix) + ": " + estimate.pairs() + " pairs");
        return view(store.find(id).orElseThrow());
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
