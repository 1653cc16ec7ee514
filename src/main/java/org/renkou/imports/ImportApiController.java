package org.renkou.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.renkou.access.AuditAction;
import org.renkou.access.Audited;
import org.renkou.access.NotAudited;
import org.renkou.people.PersonCriteria;
import org.renkou.people.PersonStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Imports and exports", description = "Bulk import of persons (CSV/XLSX) and exports in the same format")
// the downloads answer both API clients (/api/v1/...) and signed-in browsers (the same path without it)
@Audited(target = "import")
class ImportApiController {
    private final ImportService imports;
    private final PersonFiles files;

    ImportApiController(ImportService imports, PersonFiles files) {
        this.imports = imports;
        this.files = files;
    }

    @PostMapping(path = "/api/v1/imports/persons", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start an import (dryRun=true only checks); answers the job id at once")
    Map<String, Object> start(@RequestParam("file") MultipartFile file,
                              @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        return Map.of("id", imports.submit(file.getOriginalFilename(), file.getInputStream(), dryRun));
    }

    @GetMapping("/api/v1/imports")
    List<Map<String, Object>> list() {
        return imports.recent().stream().map(ImportApiController::json).toList();
    }

    @GetMapping("/api/v1/imports/{id}")
    @Operation(summary = "A job's state: RUNNING, DONE, FAILED or CANCELLED, with its counts; duplicatesQueued: "
            + "the probable duplicates among its added rows, queued for review (GET /api/v1/linkage/pairs?import=ID)")
    Map<String, Object> get(@PathVariable long id) {
        Map<String, Object> job = json(imports.get(id));
        job.put("duplicatesQueued", imports.duplicatesQueued(id));
        return job;
    }

    @PostMapping("/api/v1/imports/{id}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void cancel(@PathVariable long id) {
        imports.cancel(id);
    }

    @Audited(target = "import", action = AuditAction.EXPORT)
    @GetMapping({"/api/v1/imports/{id}/errors", "/imports/{id}/errors"})
    @Operation(summary = "The rejected rows: row number, column, value, reason (CSV, or ?format=xlsx)")
    void errors(@PathVariable long id, @RequestParam(defaultValue = "csv") String format, HttpServletResponse response)
            throws IOException {
        Downloads.prepare(response, "import-" + id + "-errors", format);
        files.errors(imports.errors(id), format, response.getOutputStream());
    }

    @NotAudited("an empty template")
    @GetMapping({"/api/v1/imports/template", "/imports/template"})
    void template(@RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
        Downloads.prepare(response, "persons-template", format);
        files.template(format, response.getOutputStream());
    }

    @Audited(target = "person", action = AuditAction.EXPORT)
    @GetMapping({"/api/v1/exports/persons", "/exports/persons"})
    @Operation(summary = "The filtered person list in the import format (ID numbers masked unless you may see them)")
    void export(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String name,
                @RequestParam(required = false) String area, @RequestParam(required = false) PersonStatus status,
                @RequestParam(required = false) String sex, @RequestParam(required = false) @Min(0) @Max(PersonCriteria.MAX_AGE) Integer ageFrom,
                @RequestParam(required = false) @Min(0) @Max(PersonCriteria.MAX_AGE) Integer ageTo, @RequestParam(defaultValue = "csv") String format,
                HttpServletResponse response) throws IOException {
        Downloads.prepare(response, "persons", format);
        files.export(new PersonCriteria(idNumber, name, area, status, sex, ageFrom, ageTo, null, null, null, null),
                format, response.getOutputStream());
    }

    @Audited(target = "household", action = AuditAction.EXPORT)
    @GetMapping({"/api/v1/exports/households", "/exports/households"})
    @Operation(summary = "The households of an area with head and size (CSV, or ?format=xlsx)")
    void households(@RequestParam(required = false) String area, @RequestParam(defaultValue = "csv") String format,
                    HttpServletResponse response) throws IOException {
        Downloads.prepare(response, "households", format);
        files.households(area, format, response.getOutputStream());
    }

    static Map<String, Object> json(ImportJob j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("status", j.status());
        m.put("phase", j.phase());
        m.put("total", j.total());
        m.put("accepted", j.accepted());
        m.put("rejected", j.rejected());
        m.put("added", j.added());
        m.put("changed", j.changed());
        m.put("unchanged", j.unchanged());
        m.put("processed", j.processed());
        m.put("dryRun", j.dryRun());
        m.put("fileName", j.fileName());
        m.put("username", j.username());
        m.put("message", j.message());
        return m;
    }
}
