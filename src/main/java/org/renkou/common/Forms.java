package org.renkou.common;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page's form handled the same way everywhere: run the write; on success flash "saved", on refusal flash
 * the messages (which name the field and the rule); then back to the page (post/redirect/get).
 */
public final class Forms {
    private Forms() {
    }

    public static String save(RedirectAttributes redirect, String page, Supplier<?> write) {
        try {
            write.get();
            redirect.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.problems().stream().map(FieldProblem::message).toList());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(e.getMessage()));
        }
        return "redirect:" + page;
    }
}
