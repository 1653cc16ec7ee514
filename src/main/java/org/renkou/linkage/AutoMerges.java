package org.renkou.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.renkou.access.AccessService;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.access.CurrentUser;
import org.renkou.access.Permission;
import org.renkou.common.ConflictException;
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
 * The town office merges the {@code AUTO} pairs of an area in one go, after a preview: exactly the pairs the preview
 * showed (none queued after it), each in its own transaction through the ordinary merge (audited per pair), so a
 * pair that cannot be merged is reported and leaves nothing half done.
 */
@Service
class AutoMerges {
    private static final Logger log = LoggerFactory.getLogger(AutoMerges.class);

    /** A page of the pairs a bulk merge would merge; {@code upTo} bounds them for the confirmation. */
    record Preview(PageResult<LinkageRepository.Pair> pairs, long upTo) {
    }

    /** A pair not merged, and why, in the user's language. */
    record Failure(long pairId, String message) {
    }

    record Outcome(int merged, List<Failure> failed) {
    }

    private final LinkageRepository repository;
    private final LinkageService linkage;
    private final PersonService persons;
    private final AccessService access;
    private final AuditService audit;
    private final Messages messages;
    private final TransactionTemplate tx;

    AutoMerges(LinkageRepository repository, LinkageService linkage, PersonService persons, AccessService access,
               AuditService audit, Messages messages, TransactionTemplate tx) {
        this.repository = repository;
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
        List<org.renkou.common.FieldProblem> problems = new ArrayList<>();
        if (p < 0) {
            problems.add(messages.problem("page", "linkagePage"));
        }
        if (s < 1 || s > 500) {
            problems.add(messages.problem("size", "linkageSize"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long upTo = repository.lastPairId();
        return new Preview(repository.pairs(filter(area(area, user), upTo), user.scope(), p, s), upTo);
    }

    /** Merges every open AUTO pair of the area up to the preview's bound; answers how many, and the failures. */
    Outcome mergeAll(String area, Long upTo) {
        CurrentUser user = officer();
        if (upTo == null) {
            throw new ValidationException(List.of(messages.problem("upTo", "required")));
        }
        String scoped = area(area, user);
        List<Long> ids = repository.pairIds(filter(scoped, upTo), user.scope());
        int merged = 0;
        List<Failure> failed = new ArrayList<>();
        for (long id : ids) {
            try {
                tx.executeWithoutResult(status -> mergeOne(id));
                merged++;
            } catch (RuntimeException e) {
                failed.add(new Failure(id, why(id, e)));
            }
        }
        audit.record(AuditAction.UPDATE, "linkage_pair", scoped == null ? "" : scoped,
                "AUTO pairs up to " + upTo + ": " + merged + " merged, " + failed.size() + " not");
        return new Outcome(merged, failed);
    }

    private void mergeOne(long pairId) {
        LinkageRepository.Pair pair = linkage.pair(pairId);
        if (!"AUTO".equals(pair.match()) || !"OPEN".equals(pair.status())) {
            throw new ConflictException(messages.get("linkage.problem.decided"));
        }
        linkage.merge(pairId, survivor(persons.get(pair.leftId()), persons.get(pair.rightId())), Map.of());
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

    private String why(long pairId, RuntimeException e) {
        if (e instanceof ConflictException) {
            return e.getMessage();
        }
        if (e instanceof ValidationException v) {
            return String.join(" ", v.messages());
        }
        if (e instanceof NotFoundException) {
            return messages.get("linkage.autoMerge.gone");
        }
        if (e instanceof AccessDeniedException) {
            return messages.get("linkage.autoMerge.outside");
        }
        log.error("AUTO merge of pair {} failed", pairId, e);
        return messages.get("linkage.autoMerge.error");
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
