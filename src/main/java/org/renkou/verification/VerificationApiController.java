package org.renkou.verification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.renkou.access.Audited;
import org.renkou.common.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/verification-rounds")
@Tag(name = "Verification rounds", description = "全员人口清查核对: worklists, visits from phones, coverage and accuracy")
@Audited(target = "verification_round")
class VerificationApiController {
    private final VerificationRounds rounds;
    private final Visits visits;
    private final RoundChanges changes;

    VerificationApiController(VerificationRounds rounds, Visits visits, RoundChanges changes) {
        this.rounds = rounds;
        this.visits = visits;
        this.changes = changes;
    }

    record PlanForm(String name, List<String> areaCodes, LocalDate startsOn, LocalDate endsOn) {
    }

    /** A round with its figures (API.md), over the caller's areas. */
    record RoundView(long id, String name, String status, List<String> areaCodes, LocalDate startsOn, LocalDate endsOn,
                     long households, long visited, long nobodyHome, long refused, long notVisited, long persons,
                     long found, long inRegister, long checked, long correct, BigDecimal coverage, BigDecimal accuracy) {
    }

    record RoundSummary(long id, String name, String status, List<String> areaCodes, LocalDate startsOn, LocalDate endsOn) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a round over villages or whole towns (town office); answers {id, ...}")
    RoundSummary plan(@RequestBody PlanForm f) {
        Round r = rounds.plan(f == null ? null : f.name(), f == null ? null : f.areaCodes(), f == null ? null : f.startsOn(),
                f == null ? null : f.endsOn());
        return summary(r);
    }

    @GetMapping
    @Operation(summary = "The rounds not yet over that the caller has a part in (for the phone)")
    List<RoundSummary> open() {
        return rounds.open().stream().map(this::summary).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A round and its figures: coverage = inRegister / found × 100, accuracy = correct / checked × 100")
    RoundView get(@PathVariable long id) {
        Round r = rounds.get(id);
        Figures f = rounds.figures(id);
        return new RoundView(r.id(), r.name(), rounds.status(r), r.areaCodes(), r.startsOn(), r.endsOn(), f.households(),
                f.visited(), f.nobodyHome(), f.refused(), f.notVisited(), f.persons(), f.found(), f.inRegister(), f.checked(),
                f.correct(), f.coverage(), f.accuracy());
    }

    @GetMapping("/{id}/worklist")
    @Operation(summary = "The households of a village or grid as of the first day, ordered by address, with their persons")
    List<VerificationRounds.WorkItem> worklist(@PathVariable long id, @RequestParam(required = false) String area) {
        return rounds.worklist(id, area);
    }

    @PostMapping("/{id}/visits")
    @Operation(summary = "Send visits; each is applied once (clientId), in its own transaction",
            description = "Answers [{clientId, state: APPLIED|ALREADY_APPLIED|REJECTED, errors, current, candidates, newPersonIds}]")
    List<Visit.Answer> visits(@PathVariable long id, @RequestBody List<Visit> batch) {
        return visits.apply(id, batch);
    }

    @GetMapping("/{id}/progress")
    @Operation(summary = "Progress by village, each with its grids, and the accounts of each area")
    Map<String, List<VerificationRounds.AreaProgress>> progress(@PathVariable long id) {
        return rounds.progress(id);
    }

    @GetMapping("/{id}/changes")
    @Operation(summary = "Every change the round made to the register, the latest first, of a village and a kind of result if given (town office)")
    PageResult<RoundChanges.Change> changes(@PathVariable long id, @RequestParam(required = false) String village,
                                            @RequestParam(required = false) String kind,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "50") int size) {
        return changes.list(id, village, kind, Math.max(page, 0), Math.min(Math.max(size, 1), 200));
    }

    @PostMapping("/{id}/changes/{changeId}/undo")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Undo one change of the round: the old values go back, a person it added is marked entered by mistake")
    void undo(@PathVariable long id, @PathVariable long changeId) {
        changes.undo(id, changeId);
    }

    private RoundSummary summary(Round r) {
        return new RoundSummary(r.id(), r.name(), rounds.status(r), r.areaCodes(), r.startsOn(), r.endsOn());
    }
}
