package org.renkou.imports;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.renkou.common.Messages;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** A file over the upload limit gets a clear answer: a problem for API clients, a message on the page for people. */
@ControllerAdvice
class UploadLimit {
    private final Messages messages;
    private final long maxMb;

    UploadLimit(Messages messages, MultipartProperties multipart) {
        this.messages = messages;
        this.maxMb = multipart.getMaxFileSize().toMegabytes();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<?> tooLarge(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    messages.get("import.error.tooLarge", maxMb));
            pd.setTitle(HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
            pd.setType(URI.create("about:blank"));
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(pd);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/imports?tooLarge")).build();
    }

    /**
     * A multipart body that cannot be parsed (cut off, no closing boundary): it fails before any controller is
     * chosen, so this unscoped advice answers it, as it answers a file over the limit.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<?> malformed(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.get("problem.validation"));
            pd.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
            pd.setType(URI.create("about:blank"));
            pd.setProperty("errors", List.of(Map.of("field", "file", "rule", "multipart",
                    "message", messages.get("rule.multipart", messages.fieldName("file")))));
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/imports?malformed")).build();
    }
}
