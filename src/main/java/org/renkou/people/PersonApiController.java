package org.renkou.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.renkou.access.Audited;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.PageResult;
import org.renkou.common.TextLimits;
import org.renkou.common.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Persons", description = "The full-population register (全员人口个案)")
@Audited(target = "person")
class PersonApiController {
    private final PersonService persons;
    private final Messages messages;

    private final tools.jackson.databind.json.JsonMapper json;

    PersonApiController(PersonService persons, Messages messages, tools.jackson.databind.json.JsonMapper json) {
        this.persons = persons;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Search the register; ID numbers are masked. page counts from 0",
            description = "idNumber exact, name prefix, area any level (includes everything below), "
                    + "status, sex, ageFrom/ageTo; sort = name|birthDate|idNumber|village|id, dir = asc|desc")
    @Parameters({@Parameter(name = "idNumber", in = ParameterIn.QUERY, schema = @Schema(type = "string", maxLength = 18)),
            @Parameter(name = "name", in = ParameterIn.QUERY, schema = @Schema(type = "string", maxLength = TextLimits.NAME)),
            @Parameter(name = "area", in = ParameterIn.QUERY, schema = @Schema(type = "string", maxLength = 15)),
            @Parameter(name = "status", in = ParameterIn.QUERY, schema = @Schema(implementation = PersonStatus.class)),
            @Parameter(name = "sex", in = ParameterIn.QUERY, schema = @Schema(type = "string", maxLength = 1)),
            @Parameter(name = "ageFrom", in = ParameterIn.QUERY,
                    schema = @Schema(type = "integer", minimum = "0", maximum = "" + PersonCriteria.MAX_AGE)),
            @Parameter(name = "ageTo", in = ParameterIn.QUERY,
                    schema = @Schema(type = "integer", minimum = "0", maximum = "" + PersonCriteria.MAX_AGE)),
            @Parameter(name = "sort", in = ParameterIn.QUERY,
                    schema = @Schema(type = "string", allowableValues = {"name", "birthDate", "idNumber", "village", "id"})),
            @Parameter(name = "dir", in = ParameterIn.QUERY, schema = @Schema(type = "string", allowableValues = {"asc", "desc"})),
            @Parameter(name = "page", in = ParameterIn.QUERY, description = "from 0",
                    schema = @Schema(type = "integer", minimum = "0")),
            @Parameter(name = "size", in = ParameterIn.QUERY,
                    schema = @Schema(type = "integer", minimum = "1", maximum = "" + PersonCriteria.MAX_SIZE))})
    PageResult<Person> search(@Parameter(hidden = true) @RequestParam Map<String, String> query) {
        // one map instead of eleven bound parameters: binding each cost more than the search's own Java code
        return persons.searchRecords(criteria(query));
    }

    private PersonCriteria criteria(Map<String, String> q) {
        List<FieldProblem> problems = new ArrayList<>();
        PersonStatus status = null;
        if (q.get("status") != null && !q.get("status").isBlank()) {
            try {
                status = PersonStatus.valueOf(q.get("status").trim());
            } catch (IllegalArgumentException e) {
                problems.add(messages.problem("status", "status", q.get("status")));
            }
        }
        Integer ageFrom = whole(q, "ageFrom", problems);
        Integer ageTo = whole(q, "ageTo", problems);
        Integer page = whole(q, "page", problems);
        Integer size = whole(q, "size", problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new PersonCriteria(q.get("idNumber"), q.get("name"), q.get("area"), status, q.get("sex"), ageFrom, ageTo,
                q.get("sort"), q.get("dir"), page, size);
    }

    private Integer whole(Map<String, String> q, String field, List<FieldProblem> problems) {
        String value = q.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            problems.add(messages.problem(field, "wholeNumber", value));
            return null;
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "One person's record (audited)")
    Person get(@PathVariable long id) {
        return persons.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a person; confirmIdNumber=true accepts a wrong check character as printed",
            description = "A person probably in the register already is answered 409 with candidates: "
                    + "[{personId, score, reasons}], unless notDuplicateOf: [personId, ...] says they are somebody else")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            schema = @Schema(implementation = PersonForm.class)))
    Person create(@RequestBody Map<String, Object> body) {
        // read as a map (its texts checked like every body's): notDuplicateOf is a word about this request, not a
        // field of the person
        PersonForm form = body == null ? null : json.convertValue(body, PersonForm.class);
        if (form == null) {
            throw new ValidationException(List.of(messages.problem("name", "required")));
        }
        java.util.Set<Long> notDuplicateOf = new java.util.HashSet<>();
        if (body.get("notDuplicateOf") instanceof java.util.Collection<?> ids) {
            ids.forEach(n -> {
                if (n instanceof Number number) {
                    notDuplicateOf.add(number.longValue());
                }
            });
        }
        return persons.createChecked(form, PersonService.Source.API, notDuplicateOf);
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(tools.jackson.core.JacksonException.class)
    org.springframework.http.ProblemDetail unreadable(tools.jackson.core.JacksonException e) {
        org.springframework.http.ProblemDetail pd = org.springframework.http.ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, messages.get("problem.unreadable"));
        pd.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
        return pd;
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(PossibleDuplicateException.class)
    org.springframework.http.ProblemDetail possibleDuplicate(PossibleDuplicateException e) {
        org.springframework.http.ProblemDetail pd = org.springframework.http.ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, messages.get("problem.possibleDuplicate"));
        pd.setTitle(HttpStatus.CONFLICT.getReasonPhrase());
        pd.setProperty("candidates", e.candidates());
        return pd;
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a person; send the version you read, a stale one answers 409")
    Person update(@PathVariable long id, @RequestBody PersonForm form) {
        return persons.update(id, form, PersonService.Source.API);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every change of the person's fields: who, when, old and new value")
    List<PersonChange> history(@PathVariable long id) {
        return persons.history(id);
    }

    @PostMapping("/{id}/entered-by-mistake")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark a record as entered by mistake (persons are never deleted)")
    void enteredByMistake(@PathVariable long id, @RequestParam int version) {
        persons.markEnteredByMistake(id, version);
    }
}
