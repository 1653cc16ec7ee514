package org.renkou.linkage;

import org.renkou.access.Audited;
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

    @GetMapping("/linkage/weights")
    String page(@RequestParam(required = false) Long version, Model model) {
        model.addAttribute("inUse", weights.inUse());
        if (version != null) {
            model.addAttribute("estimate", weights.version(version));
        }
        return "linkage/weights-page";
    }

    @PostMapping("/linkage/weights/estimate")
    String estimate(@RequestParam(required = false) String area, RedirectAttributes redirect) {
        try {
            return "redirect:/linkage/weights?version=" + weights.estimate(area).version();
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
