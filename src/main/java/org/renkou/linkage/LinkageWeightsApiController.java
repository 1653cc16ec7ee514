package org.renkou.linkage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.renkou.access.Audited;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Audited(target = "linkage_weights")
@RequestMapping("/api/v1/linkage/weights")
@Tag(name = "Record linkage", description = "Probable duplicate persons (消重): runs, the review queue, merge and undo")
class LinkageWeightsApiController {
    /** area: the persons the estimate is made from (blank or left out: the whole register). */
    record EstimateRequest(String area) {
    }

    private final LinkageWeights weights;

    LinkageWeightsApiController(LinkageWeights weights) {
        this.weights = weights;
    }

    @GetMapping
    @Operation(summary = "The weights pairs are scored with: version null is the default (linkage/weights.tsv)")
    LinkageWeights.InUseView inUse() {
        return weights.inUse();
    }

    @PostMapping("/estimates")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start estimating m and u of every comparison level from the register in the background "
            + "(EM over blocked pairs, u from random pairs); the estimate is kept as a new version, not used until "
            + "adopted. Answers the job's id (while one over the area runs, that one's)")
    Map<String, Long> startEstimate(@RequestBody(required = false) EstimateRequest request) {
        return Map.of("id", weights.startEstimate(request == null ? null : request.area()));
    }

    @GetMapping("/estimates/{id}")
    @Operation(summary = "An estimation's progress: status RUNNING|DONE|FAILED, step, persons read, pairs used; "
            + "version the estimate once DONE (see /{version}); message says why a FAILED one failed")
    LinkageWeights.EstimationView estimation(@PathVariable long id) {
        return weights.estimation(id);
    }

    @PostMapping("/estimate")
    @Operation(deprecated = true, summary = "The same estimation, answered with the estimate beside the weights in "
            + "use when it is over (the request waits; use /estimates and poll instead)")
    LinkageWeights.EstimateView estimate(@RequestBody(required = false) EstimateRequest request) {
        return weights.estimate(request == null ? null : request.area());
    }

    @GetMapping("/{version}")
    @Operation(summary = "An estimate beside the weights in use")
    LinkageWeights.EstimateView version(@PathVariable long version) {
        return weights.version(version);
    }

    @PostMapping("/{version}/adopt")
    @Operation(summary = "Score pairs with this estimate from now on (pairs already queued keep their score)")
    LinkageWeights.InUseView adopt(@PathVariable long version) {
        return weights.adopt(version);
    }

    @PostMapping("/default")
    @Operation(summary = "Go back to the default weights (linkage/weights.tsv)")
    LinkageWeights.InUseView useDefault() {
        return weights.useDefault();
    }
}
