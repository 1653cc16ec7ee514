package org.renkou.system;

import java.util.List;
import java.util.Map;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.ReportPeriod;
import org.renkou.common.ValidationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The refusals a page's request can meet outside its form (a mistyped period or an unknown area in the
 * address): the error page with status 400 and the messages naming the field, instead of a 500. The API's
 * answers to the same refusals are {@link ApiProblemAdvice}'s, which comes first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageProblemAdvice {
    private final Messages messages;

    PageProblemAdvice(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ValidationException.class)
    ModelAndView validation(ValidationException e) {
        return page(e.problems());
    }

    @ExceptionHandler(ReportPeriod.InvalidPeriodException.class)
    ModelAndView period(ReportPeriod.InvalidPeriodException e) {
        return page(List.of(messages.problem("period", "period", e.text())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e) {
        return page(List.of(ApiProblemAdvice.typeMismatchProblem(messages, e)));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ModelAndView parameterValidation(HandlerMethodValidationException e) {
        return page(ApiProblemAdvice.parameterProblems(messages, e));
    }

    private static ModelAndView page(List<FieldProblem> problems) {
        return new ModelAndView("error", Map.of("status", 400,
                "errors", problems.stream().map(FieldProblem::message).toList()), HttpStatus.BAD_REQUEST);
    }
}
