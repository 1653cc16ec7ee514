package org.renkou.imports;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.renkou.access.Audited;
import org.renkou.common.Messages;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The import page (upload, dry run, job list) and a job's page with its live progress. */
@Controller
@Audited(target = "import")
class ImportWebController {
    private final ImportService imports;
    private final Messages messages;
    private final long maxMb;

    ImportWebController(ImportService imports, Messages messages, MultipartProperties multipart) {
        this.imports = imports;
        this.messages = messages;
        this.maxMb = multipart.getMaxFileSize().toMegabytes();
    }

    @GetMapping("/imports")
    String page(@RequestParam(required = false) String tooLarge, @RequestParam(required = false) String malformed,
                Model model) {
        model.addAttribute("jobs", imports.recent());
        model.addAttribute("maxMb", maxMb);
        if (tooLarge != null) {
            model.addAttribute("error", messages.get("import.error.tooLarge", maxMb));
        } else if (malformed != null) {
            model.addAttribute("error", messages.get("rule.multipart", messages.fieldName("file")));
        }
        return "imports/imports";
    }

    @PostMapping("/imports")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        long id = imports.submit(file.getOriginalFilename(), file.getInputStream(), dryRun);
        return "redirect:/imports/" + id;
    }

    @GetMapping("/imports/{id}")
    String job(@PathVariable long id, HttpServletRequest request, Model model) {
        ImportJob job = imports.get(id);
        model.addAttribute("job", job);
        model.addAttribute("duplicates", job.running() ? 0 : imports.duplicatesQueued(id));
        model.addAttribute("errors", job.running() ? java.util.List.of() : imports.errors(id).stream().limit(200).toList());
        return request.getHeader("HX-Request") != null ? "imports/job :: status" : "imports/job";
    }

    @PostMapping("/imports/{id}/cancel")
    String cancel(@PathVariable long id) {
        imports.cancel(id);
        return "redirect:/imports/" + id;
    }
}
