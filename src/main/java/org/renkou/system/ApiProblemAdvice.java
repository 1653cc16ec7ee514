package org.renkou.system;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.renkou.common.ConflictException;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.ReportPeriod;
import org.renkou.common.ValidationException;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;

/**
 * Every API error as RFC 9457 problem details; validation errors carry {@code errors: [{field, rule, message}]}.
 * Ordered before {@link PageProblemAdvice}, which answers the same refusals on pages.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice {
    private final Messages messages;

    ApiProblemAdvice(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ValidationException.class)
    ProblemDetail validation(ValidationException e) {
        return validationProblem(e.problems());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail beanValidation(MethodArgumentNotValidException e) {
        return validationProblem(e.getBindingResult().getFieldErrors().stream()
                .map(f -> messages.problem(f.getField(), "invalid", String.valueOf(f.getRejectedValue()))).toList());
    }

    /** A request parameter outside its declared bounds ({@code @Min}, {@code @Max} on the controller's parameter). */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail parameterValidation(HandlerMethodValidationException e) {
        return validationProblem(parameterProblems(messages, e));
    }

    @ExceptionHandler(ReportPeriod.InvalidPeriodException.class)
    ProblemDetail period(ReportPeriod.InvalidPeriodException e) {
        return validationProblem(List.of(messages.problem("period", "period", e.text())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return validationProblem(List.of(typeMismatchProblem(messages, e)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return validationProblem(List.of(messages.problem(e.getParameterName(), "required")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return validationProblem(List.of(messages.problem(e.getRequestPartName(), "required")));
    }

    /** A body that is no JSON of the expected shape; where the parser knows the field, the problem names it. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JacksonException j && !j.getPath().isEmpty()) {
            String field = jsonPath(j.getPath());
            return validationProblem(List.of(new FieldProblem(field, "invalid",
                    messages.get("rule.unreadableField", messages.fieldName(lastName(j.getPath()))))));
        }
        return problem(HttpStatus.BAD_REQUEST, messages.get("problem.unreadable"));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, messages.get("problem.notFound"));
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail pd = problem(HttpStatus.CONFLICT, e.getMessage());
        if (e.problem() != null) {
            FieldProblem p = e.problem();
            pd.setProperty("errors", List.of(Map.of("field", p.field(), "rule", p.rule(), "message", p.message())));
        }
        return pd;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, messages.get("problem.forbidden"));
    }

    static FieldProblem typeMismatchProblem(Messages messages, MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        boolean number = type != null && (Number.class.isAssignableFrom(type) || type == int.class || type == long.class);
        return messages.problem(e.getName(), number ? "wholeNumber" : "invalid", String.valueOf(e.getValue()));
    }

    static List<FieldProblem> parameterProblems(Messages messages, HandlerMethodValidationException e) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> {
            MethodParameter p = r.getMethodParameter();
            String field = p.getParameterName() == null ? "parameter" : p.getParameterName();
            Min min = p.getParameterAnnotation(Min.class);
            Max max = p.getParameterAnnotation(Max.class);
            if (min != null && max != null) {
                problems.add(messages.problem(field, "range", min.value(), max.value()));
            } else if (min != null) {
                problems.add(messages.problem(field, "atLeast", min.value()));
            } else {
                problems.add(messages.problem(field, "invalid", String.valueOf(r.getArgument())));
            }
        });
        return problems;
    }

    private ProblemDetail validationProblem(List<FieldProblem> problems) {
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, messages.get("problem.validation"));
        pd.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "rule", p.rule(), "message", p.message())).toList());
        return pd;
    }

    private static String jsonPath(List<JacksonException.Reference> path) {
        StringBuilder s = new StringBuilder();
        for (JacksonException.Reference r : path) {
            if (r.getPropertyName() != null) {
                s.append(s.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    private static String lastName(List<JacksonException.Reference> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).getPropertyName() != null) {
                return path.get(i).getPropertyName();
            }
        }
        return "";
    }

    static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(status.getReasonPhrase());
        pd.setType(URI.create("about:blank"));
        return pd;
    }
}
