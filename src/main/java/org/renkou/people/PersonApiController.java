package org.renkou.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.renkou.common.PageResult;
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
class PersonApiController {
    private final PersonService persons;

    PersonApiController(PersonService persons) {
        this.persons = persons;
    }

    @GetMapping
    @Operation(summary = "Search the register; ID numbers are masked. page counts from 0",
            description = "idNumber exact, name prefix, area any level (includes everything below), "
                    + "status, sex, ageFrom/ageTo; sort = name|birthDate|idNumber|village|id, dir = asc|desc")
    PageResult<Person> search(@RequestParam(required = false) String idNumber,
                              @RequestParam(required = false) String name,
                              @RequestParam(required = false) String area,
                              @RequestParam(required = false) PersonStatus status,
                              @RequestParam(required = false) String sex,
                              @RequestParam(required = false) Integer ageFrom,
                              @RequestParam(required = false) Integer ageTo,
                              @RequestParam(required = false) String sort,
                              @RequestParam(required = false) String dir,
                              @Parameter(description = "from 0") @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        return persons.searchRecords(new PersonCriteria(idNumber, name, area, status, sex, ageFrom, ageTo, sort, dir,
                page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One person's record (audited)")
    Person get(@PathVariable long id) {
        return persons.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a person; confirmIdNumber=true accepts a wrong check character as printed")
    Person create(@RequestBody PersonForm form) {
        return persons.create(form, PersonService.Source.API);
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
