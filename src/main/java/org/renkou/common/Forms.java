package org.renkou.common;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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
            redirect.addFlashAttribute("errors", e.messages());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(e.getMessage()));
        }
        return "redirect:" + page;
    }

    /**
     * Like {@link #save}, but a refusal shows the page again at once (from {@code show}, with the messages in
     * the model) instead of redirecting to it.
     */
    public static String saveOrShow(Model model, RedirectAttributes redirect, String page, Runnable write,
                                    Supplier<String> show) {
        try {
            write.run();
        } catch (ValidationException e) {
            model.addAttribute("errors", e.messages());
            return show.get();
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + page;
    }

    /**
     * A service's refusal onto the page's form: each problem under its field, so it shows beside that input, or
     * above the form when the form has no such field.
     */
    public static void reject(BindingResult binding, List<FieldProblem> problems) {
        BeanWrapperImpl target = new BeanWrapperImpl(binding.getTarget());
        for (FieldProblem p : problems) {
            if (target.isReadableProperty(p.field())) {
                binding.rejectValue(p.field(), p.rule(), p.message());
            } else {
                binding.reject(p.rule(), p.message());
            }
        }
    }
}
