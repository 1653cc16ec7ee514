package org.renkou.people;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.Audited;
import org.renkou.access.CurrentUser;
import org.renkou.access.NotAudited;
import org.renkou.area.Area;
import org.renkou.area.AreaService;
import org.renkou.area.PlaceNames;
import org.renkou.common.ConflictException;
import org.renkou.common.Dates;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.ValidationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Home page, the person list with its filters, a person's page and form, the household page. */
@Controller
@Audited(target = "person")
class PersonWebController {
    private final PersonService persons;
    private final AreaService areas;
    private final CodeTables codes;
    private final AccessService access;
    private final Messages messages;
    private final PlaceNames placeNames;
    private final PersonMerges merges;
    private final List<PersonRecords> featureRecords;

    PersonWebController(PersonService persons, AreaService areas, CodeTables codes, AccessService access,
                        Messages messages, PlaceNames placeNames, PersonMerges merges, List<PersonRecords> featureRecords) {
        this.merges = merges;
        this.featureRecords = featureRecords.stream().filter(PersonRecords::onPersonPage)
                .sorted(java.util.Comparator.comparingInt(PersonRecords::order)).toList();
        this.placeNames = placeNames;
        this.persons = persons;
        this.areas = areas;
        this.codes = codes;
        this.access = access;
        this.messages = messages;
    }

    @NotAudited("the home page: counts by status and the area tree")
    @GetMapping("/")
    String home(Model model) {
        Map<PersonStatus, Long> counts = persons.countByStatus();
        long registered = counts.get(PersonStatus.REGISTERED);
        model.addAttribute("resident", registered + counts.get(PersonStatus.INFLOW));
        model.addAttribute("hukou", registered + counts.get(PersonStatus.OUTFLOW));
        model.addAttribute("inflow", counts.get(PersonStatus.INFLOW));
        model.addAttribute("outflow", counts.get(PersonStatus.OUTFLOW));
        model.addAttribute("today", Dates.today());
        model.addAttribute("tree", areas.tree(access.current().scope()));
        model.addAttribute("place", ownPlace(access.current()));
        return "people/home";
    }

    @GetMapping("/persons")
    String list(@ModelAttribute("criteria") PersonCriteria criteria, HttpServletRequest request, Model model) {
        model.addAttribute("result", persons.search(criteria));
        model.addAttribute("codes", codes);
        model.addAttribute("villages", areas.visible(Area.Level.VILLAGE));
        model.addAttribute("statuses", PersonStatus.values());
        model.addAttribute("canWrite", access.has(Permission.WRITE_REGISTER));
        return request.getHeader("HX-Request") != null ? "people/list :: results" : "people/list";
    }

    @GetMapping("/persons/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = access.current();
        Person p = persons.get(id);
        model.addAttribute("person", p);
        model.addAttribute("mergedInto", p.enteredByMistake() ? merges.mergedInto(id).orElse(null) : null);
        model.addAttribute("history", persons.history(id).stream().map(c -> new ChangeRow(c, shown(c.field(), c.oldValue()),
                shown(c.field(), c.newValue()))).toList());
        model.addAttribute("periods", persons.statusPeriods(id));
        model.addAttribute("codes", codes);
        model.addAttribute("place", areas.path(p.gridCode() != null ? p.gridCode() : p.villageCode()));
        model.addAttribute("canWrite", user.has(Permission.WRITE_REGISTER));
        model.addAttribute("idHidden", !user.has(Permission.SEE_WHOLE_ID_NUMBERS));
        model.addAttribute("sections", featureRecords.stream().map(r -> r.of(id)).filter(PersonRecords.Records::readable).toList());
        return "people/person";
    }

    @NotAudited("an empty form")
    @GetMapping("/persons/new")
    String newForm(@RequestParam(required = false) String householdNo, Model model) {
        PersonForm empty = PersonForm.empty();
        return form(householdNo == null ? empty : withHousehold(empty, householdNo), null, Map.of(), null, model);
    }

    @PostMapping("/persons")
    String create(@ModelAttribute("form") PersonForm form, BindingResult binding,
                  @RequestParam(required = false) java.util.Set<Long> notDuplicateOf, Model model,
                  RedirectAttributes redirect) {
        try {
            rejectBindingErrors(binding);
            Person p = persons.createChecked(form, PersonService.Source.WEB,
                    notDuplicateOf == null ? java.util.Set.of() : notDuplicateOf);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/persons/" + p.id();
        } catch (ValidationException e) {
            return form(form, null, byField(e.problems()), null, model);
        } catch (PossibleDuplicateException e) {
            // the candidates side by side with the entry; ticking one says "a different person"
            model.addAttribute("candidates", e.candidates().stream()
                    .map(c -> Map.of("candidate", c, "person", persons.get(c.personId()))).toList());
            return form(form, null, Map.of(), messages.get("problem.possibleDuplicate"), model);
        }
    }

    @GetMapping("/persons/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(PersonForm.of(persons.get(id)), id, Map.of(), null, model);
    }

    @PostMapping("/persons/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") PersonForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        try {
            rejectBindingErrors(binding);
            persons.update(id, form, PersonService.Source.WEB);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/persons/" + id;
        } catch (ValidationException e) {
            return form(form, id, byField(e.problems()), null, model);
        } catch (ConflictException e) {
            return form(form, id, Map.of(), e.getMessage(), model);
        }
    }

    @PostMapping("/persons/{id}/mistake")
    String markMistake(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        persons.markEnteredByMistake(id, version);
        return "redirect:/persons/" + id;
    }

    @Audited(target = "household")
    @GetMapping("/households/{id}")
    String household(@PathVariable long id, Model model) {
        Household h = persons.household(id);
        model.addAttribute("household", h);
        model.addAttribute("place", areas.path(h.gridCode() != null ? h.gridCode() : h.villageCode()));
        model.addAttribute("codes", codes);
        model.addAttribute("canWrite", access.has(Permission.WRITE_REGISTER));
        return "people/household";
    }

    private String form(PersonForm form, Long id, Map<String, String> errors, String conflict, Model model) {
        access.require(Permission.WRITE_REGISTER);
        model.addAttribute("form", form);
        model.addAttribute("personId", id);
        model.addAttribute("fieldErrors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("codes", codes);
        model.addAttribute("villages", areas.visible(Area.Level.VILLAGE));
        model.addAttribute("grids", areas.inScope(Area.Level.GRID));
        model.addAttribute("statuses", PersonStatus.values());
        return "people/form";
    }

    /** A change as the history shows it: codes read as names. */
    record ChangeRow(PersonChange change, String oldValue, String newValue) {
    }

    /** A stored value in words: a code by its table's name, a status by its name, a place by its name. */
    private String shown(String field, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        return switch (field) {
            case "status" -> messages.get("status." + value);
            case "sex" -> codes.name(CodeTables.SEX, value);
            case "maritalStatus" -> codes.name(CodeTables.MARITAL, value);
            case "ethnicity" -> codes.name(CodeTables.ETHNICITY, value);
            case "education" -> codes.name(CodeTables.EDUCATION, value);
            case "relation" -> codes.name(CodeTables.RELATION, value);
            case "villageCode", "gridCode", "hukouCode", "otherPlaceCode" -> placeNames.name(value) + "（" + value + "）";
            case "moveReason" -> messages.get("moveReason." + value).startsWith("moveReason.") ? value : messages.get("moveReason." + value);
            case "enteredByMistake" -> messages.get(Boolean.parseBoolean(value) ? "common.yes" : "common.no");
            default -> value;
        };
    }

    /** What the figures of the home page count: the town for town-wide users, otherwise the user's own areas. */
    private String ownPlace(CurrentUser user) {
        if (user.scope().all()) {
            return areas.byLevel(Area.Level.TOWN).stream().findFirst().map(Area::name).orElse("");
        }
        return user.scope().codes().stream().map(areas::find).flatMap(java.util.Optional::stream)
                .map(a -> a.level() == Area.Level.GRID ? areas.get(a.parentCode()).name() + a.name() : a.name())
                .collect(java.util.stream.Collectors.joining("、"));
    }

    private void rejectBindingErrors(BindingResult binding) {
        if (binding.hasFieldErrors()) {
            throw new ValidationException(binding.getFieldErrors().stream()
                    .map(f -> messages.problem(f.getField(), "invalid", String.valueOf(f.getRejectedValue()))).toList());
        }
    }

    private static Map<String, String> byField(List<FieldProblem> problems) {
        Map<String, String> m = new LinkedHashMap<>();
        problems.forEach(p -> m.merge(p.field(), p.message(), (a, b) -> a + " " + b));
        return m;
    }

    private static PersonForm withHousehold(PersonForm f, String householdNo) {
        return new PersonForm(f.idNumber(), f.confirmIdNumber(), f.name(), f.sex(), f.birthDate(), f.ethnicity(),
                f.maritalStatus(), f.education(), householdNo, f.relation(), f.hukouCode(), f.villageCode(),
                f.gridCode(), f.status(), f.arrivedOn(), f.leftOn(), f.diedOn(), f.moveReason(), f.otherPlaceCode(),
                f.phone(), f.address(), f.motherId(), f.version());
    }
}
