package org.renkou.linkage;

import org.renkou.access.Audited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
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
@Audited(target = "linkage_pair")
@RequestMapping("/api/v1/linkage")
@Tag(name = "Record linkage", description = "Probable duplicate persons (消重): runs, the review queue, merge and undo")
class LinkageApiController {
    /** A run as the API shows it. */
    record RunView(long id, String status, int persons, long comparisons, int pairs, String message) {
    }

    /** A pair as the API shows it: reasons in the user's language. */
    record PairView(long id, long leftId, long rightId, double score, String match, List<String> reasons,
                    String status, String source, Long runId, Long importJobId, Long survivorId) {
    }

    record AreaRequest(String area) {
    }

    /** values: field by field, the id of the record whose value stays (fields left out: the survivor's, or filled). */
    record MergeRequest(Long survivorId, Map<String, Long> values) {
    }

    /** The AUTO pairs a bulk merge would merge, paged; {@code upTo} is sent back to merge exactly these. */
    record AutoPreviewView(List<PairView> items, long total, int page, int size, long upTo, java.time.Instant asOf) {
    }

    /** asOf: the preview's time; a record changed after it keeps its pairs out of the merge. */
    record AutoMergeRequest(String area, Long upTo, java.time.Instant asOf) {
    }

    record AutoMergeView(int merged, List<AutoMerges.Failure> failed) {
    }

    private final LinkageService linkage;
    private final AutoMerges autoMerges;

    LinkageApiController(LinkageService linkage, AutoMerges autoMerges) {
        this.linkage = linkage;
        this.autoMerges = autoMerges;
    }

    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Find probable duplicates among the persons of an area and the register around them (background)")
    Map<String, Long> start(@RequestBody AreaRequest request) {
        return Map.of("id", linkage.startRun(request == null ? null : request.area()));
    }

    @GetMapping("/runs/{id}")
    @Operation(summary = "A run's progress: persons of the area, pairs compared, pairs queued; message says why a FAILED run failed")
    RunView run(@PathVariable long id) {
        LinkageRepository.Run r = linkage.run(id);
        return new RunView(r.id(), r.status(), r.persons(), r.comparisons(), r.pairs(), r.message());
    }

    @GetMapping("/pairs")
    @Operation(summary = "The review queue: pairs of persons of the area, best first; status OPEN|MERGED|DISTINCT, run narrows to one run, import to the pairs one import queued")
    PageResult<PairView> pairs(@RequestParam(required = false) String area, @RequestParam(required = false) String status,
                               @RequestParam(required = false) Long run,
                               @RequestParam(name = "import", required = false) Long importJob,
                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return linkage.pairs(area, status, run, importJob, page, size).map(this::view);
    }

    @GetMapping("/pairs/auto-preview")
    @Operation(summary = "The town office's preview of a bulk merge: the open AUTO pairs of the area, best first; "
            + "upTo bounds them (pairs queued later are not merged)")
    AutoPreviewView autoPreview(@RequestParam(required = false) String area, @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        AutoMerges.Preview p = autoMerges.preview(area, page, size);
        return new AutoPreviewView(p.pairs().items().stream().map(this::view).toList(), p.pairs().total(),
                p.pairs().page(), p.pairs().size(), p.upTo(), p.asOf());
    }

    @PostMapping("/pairs/auto-merges")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start merging every open AUTO pair of the area up to the preview's upTo in the background, "
            + "each on its own (the record with an ID number stays); a pair decided, or with a record changed since "
            + "asOf (the preview's time), is skipped with the reason. Answers the job's id (while one over the area runs, that one's)")
    Map<String, Long> startAutoMerge(@RequestBody AutoMergeRequest request) {
        return Map.of("id", autoMerges.start(request == null ? null : request.area(),
                request == null ? null : request.upTo(), request == null ? null : request.asOf()));
    }

    @GetMapping("/pairs/auto-merges/{id}")
    @Operation(summary = "A bulk merge's progress: status RUNNING|DONE|FAILED, merged, skipped and failed of total, "
            + "notMerged the pairs not merged and why; message says why a FAILED one stopped")
    AutoMerges.Job autoMergeJob(@PathVariable long id) {
        return autoMerges.job(id);
    }

    @PostMapping("/pairs/auto-merge")
    @Operation(deprecated = true, summary = "The same bulk merge, answered when it is over: how many were merged "
            + "and which were not, and why (the request waits; use /pairs/auto-merges and poll instead)")
    AutoMergeView autoMerge(@RequestBody AutoMergeRequest request) {
        AutoMerges.Outcome o = autoMerges.mergeAll(request == null ? null : request.area(),
                request == null ? null : request.upTo());
        return new AutoMergeView(o.merged(), o.failed());
    }

    @GetMapping("/pairs/{id}")
    @Operation(summary = "One pair")
    PairView pair(@PathVariable long id) {
        return view(linkage.pair(id));
    }

    @PostMapping("/pairs/{id}/merge")
    @Operation(summary = "Merge the pair into survivorId: the other record's references move to it, it stays as merged into N; "
            + "values {field: personId} says field by field whose value stays")
    PairView merge(@PathVariable long id, @RequestBody MergeRequest request) {
        return view(linkage.merge(id, request == null ? null : request.survivorId(),
                request == null || request.values() == null ? Map.of() : request.values()));
    }

    @PostMapping("/pairs/{id}/distinct")
    @Operation(summary = "The two are different persons (remembered: the pair is not queued again)")
    PairView distinct(@PathVariable long id) {
        return view(linkage.distinct(id));
    }

    @PostMapping("/pairs/{id}/undo")
    @Operation(summary = "Take a decision back: a merge is undone, both records as they were; the pair is open again")
    PairView undo(@PathVariable long id) {
        return view(linkage.undo(id));
    }

    private PairView view(LinkageRepository.Pair p) {
        return new PairView(p.id(), p.leftId(), p.rightId(), p.score(), p.match(), linkage.reasons(p.reasons()),
                p.status(), p.source(), p.runId(), p.importJobId(), p.survivorId());
    }
}
