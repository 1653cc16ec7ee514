package org.renkou.linkage;

import org.renkou.access.Audited;
import org.renkou.access.NotAudited;
import org.renkou.common.ValidationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The linkage weights page: those in use, an estimate beside them, adopt or go back to the default. */
@Controller
@Audited(target = "linkage_weights")
class LinkageWeightsWebController {
    private final LinkageWeights weights;

    LinkageWeightsWebController(LinkageWeights weights) {
        this.weights = weights;
    }

    /** With {@code estimation}: its progress, and once it is done the estimate beside the weights in use. */
    @GetMapping("/linkage/weights")
    String page(@RequestParam(required = false) Long version, @RequestParam(required = false) Long estimation,
                Model model) {
        model.addAttribute("inUse", weights.inUse());
        result(version, estimation, model);
        return "linkage/weights-page";
    }

    @GetMapping("/linkage/weights/estimations/{id}")
    @NotAudited("an estimation's step and counts, polled every second, then the weights it made and the latest estimations: no personal data")
    String progress(@PathVariable long id, Model model) {
        result(null, id, model);
        return "linkage/weights-page :: result";
    }

    /** The estimation, the estimate, and the latest estimations (polled with it, so they agree). */
    private void result(Long version, Long estimation, Model model) {
        model.addAttribute("estimations", weights.recentEstimations());
        Long shown = version;
        if (estimation != null) {
            LinkageWeights.EstimationView e = weights.estimation(estimation);
            model.addAttribute("estimation", e);
            shown = shown == null ? e.version() : shown;
        }
        if (shown != null) {
            model.addAttribute("estimate", weights.version(shown));
        }
    }

    /** Starts an estimation and shows its progress; the estimate appears when it is done. */
    @PostMapping("/linkage/weights/estimate")
    String estimate(@RequestParam(required = false) String area, RedirectAttributes redirect) {
        try {
            return "redirect:/linkage/weights?estimation=" + weights.startEstimate(area);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.problems().stream().map(p -> p.message()).toList());
            return "redirect:/linkage/weights";
        }
    }

    @PostMapping("/linkage/weights/{version}/adopt")
    String adopt(@PathVariable long version, RedirectAttributes redirect) {
        weights.adopt(version);
        redirect.addFlashAttribute("adopted", true);
        return "redirect:/linkage/weights";
    }

    @PostMapping("/linkage/weights/default")
    String useDefault(RedirectAttributes redirect) {
        weights.useDefault();
        redirect.addFlashAttribute("adopted", true);
        return "redirect:/linkage/weights";
    }
}
