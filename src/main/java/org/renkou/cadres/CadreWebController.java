package org.renkou.cadres;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.Audited;
import org.renkou.access.Permission;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.common.Forms;
import org.renkou.common.Messages;
import org.renkou.common.ReportPeriod;
import org.renkou.common.ValidationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cadre team page: the posts of the user's areas by village with holder, phone and training hours, the vacant
 * posts first; the town office adds a post, gives a post to a new holder, corrects a holder's phone and account
 * and ends a holder's service.
 */
@Controller
@Audited(target = "cadre")
class CadreWebController {
    private final CadreService cadres;
    private final AreaService areas;
    private final AccessService access;
    private final Messages messages;

    CadreWebController(CadreService cadres, AreaService areas, AccessService access, Messages messages) {
        this.cadres = cadres;
        this.areas = areas;
        this.access = access;
        this.messages = messages;
    }

    /** A new holder of a post, as the page binds it. */
    public static class HolderPage {
        private String name;
        private String phone;
        private String username;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate since;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public LocalDate getSince() { return since; }
        public void setSince(LocalDate since) { this.since = since; }

        CadreService.HolderForm toForm() {
            return new CadreService.HolderForm(null, name, phone, username, null, since);
        }

        boolean blank() {
            return (name == null || name.isBlank()) && (phone == null || phone.isBlank()) && (username == null || username.isBlank());
        }
    }

    /** A holder's corrected phone and account, as the page binds it; {@code post} is the row it was sent from. */
    public static class ContactPage {
        private String phone;
        private String username;
        private Long post;

        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public Long getPost() { return post; }
        public void setPost(Long post) { this.post = post; }
    }

    /** A new post (with its first holder, if named), as the page binds it. */
    public static class PostPage extends HolderPage {
        private Post.Kind kind;
        private String areaCode;
        private String title;

        public Post.Kind getKind() { return kind; }
        public void setKind(Post.Kind kind) { this.kind = kind; }
        public String getAreaCode() { return areaCode; }
        public void setAreaCode(String areaCode) { this.areaCode = areaCode; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
    }

    @GetMapping("/cadres")
    String page(@RequestParam(required = false) String area, @RequestParam(required = false) Post.Kind kind,
                @RequestParam(required = false) String period, @RequestParam(required = false) String newPostArea,
                @RequestParam(required = false) Post.Kind newPostKind, Model model) {
        PostPage post = new PostPage();
        post.setAreaCode(newPostArea);
        post.setKind(newPostKind);
        post.setSince(cadres.today());
        return show(area, kind, period, post, new BeanPropertyBindingResult(post, "post"), null, null, model);
    }

    @PostMapping("/cadres/posts")
    String addPost(@ModelAttribute("post") PostPage post, BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                cadres.addPost(new CadreService.PostForm(post.getKind(), post.getAreaCode(), post.getTitle(),
                        post.blank() ? null : post.toForm()));
                redirect.addFlashAttribute("saved", true);
                return "redirect:/cadres";
            } catch (ValidationException e) {
                Forms.reject(binding, e.problems());
            }
        }
        return show(null, null, null, post, binding, null, null, model);
    }

    @PostMapping("/cadres/{id}/contact")
    String correctContact(@PathVariable long id, @ModelAttribute("contact") ContactPage contact, BindingResult binding,
                          Model model, RedirectAttributes redirect) {
        String row = contact.getPost() == null ? "" : "#post-" + contact.getPost();
        if (!binding.hasErrors()) {
            try {
                cadres.correctContact(id, new CadreService.ContactForm(contact.getPhone(), contact.getUsername()));
                redirect.addFlashAttribute("saved", true);
                return "redirect:/cadres" + row;
            } catch (ValidationException e) {
                Forms.reject(binding, e.problems());
            }
        }
        model.addAttribute("contactPost", contact.getPost());
        model.addAttribute("contact", contact);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "contact", binding);
        PostPage post = new PostPage();
        post.setSince(cadres.today());
        return show(null, null, null, post, new BeanPropertyBindingResult(post, "post"), null, null, model);
    }

    @PostMapping("/cadres/posts/{id}/holder")
    String fill(@PathVariable long id, @ModelAttribute("holder") HolderPage holder, BindingResult binding, Model model,
                RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                cadres.fill(id, holder.toForm());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/cadres#post-" + id;
            } catch (ValidationException e) {
                Forms.reject(binding, e.problems());
            }
        }
        PostPage post = new PostPage();
        post.setSince(cadres.today());
        return show(null, null, null, post, new BeanPropertyBindingResult(post, "post"), id, binding, model);
    }

    @PostMapping("/cadres/posts/{id}/vacate")
    String vacate(@PathVariable long id, RedirectAttributes redirect) {
        cadres.vacate(id);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/cadres#post-" + id;
    }

    /** The page; a refused holder form ({@code holderPost}, {@code holderBinding}) shows open with its errors. */
    private String show(String area, Post.Kind kind, String period, PostPage post, BindingResult postBinding, Long holderPost,
                        BindingResult holderBinding, Model model) {
        String p = period == null || period.isBlank() ? String.valueOf(cadres.today().getYear()) : period.trim();
        ReportPeriod parsed;
        try {
            parsed = ReportPeriod.parse(p);
        } catch (IllegalArgumentException e) {
            parsed = ReportPeriod.parse(String.valueOf(cadres.today().getYear()));
            model.addAttribute("periodError", messages.problem("period", "period", p).message());
        }
        boolean office = access.has(Permission.TOWN_OFFICE);
        List<Area> villages = areas.visible(Area.Level.VILLAGE);
        List<Area> postAreas = new ArrayList<>(areas.visible(Area.Level.TOWN));
        postAreas.addAll(villages);
        model.addAttribute("team", cadres.team(area, kind, parsed));
        model.addAttribute("office", office);
        model.addAttribute("area", area);
        model.addAttribute("kind", kind);
        model.addAttribute("period", p);
        model.addAttribute("kinds", Post.Kind.values());
        model.addAttribute("villages", villages);
        model.addAttribute("postAreas", postAreas);
        model.addAttribute("post", post);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "post", postBinding);
        model.addAttribute("holderPost", holderPost);
        HolderPage holder = holderBinding == null ? new HolderPage() : (HolderPage) holderBinding.getTarget();
        if (holderBinding == null) {
            holder.setSince(cadres.today());
        }
        model.addAttribute("holder", holder);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "holder",
                holderBinding == null ? new BeanPropertyBindingResult(holder, "holder") : holderBinding);
        if (!model.containsAttribute("contact")) { // the refused correction (correctContact) keeps what was typed
            ContactPage contact = new ContactPage();
            model.addAttribute("contact", contact);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "contact", new BeanPropertyBindingResult(contact, "contact"));
        }
        return "cadres/cadres";
    }

    /** The service's refusals as field errors of the form (the message already names the field and the rule). */
}
