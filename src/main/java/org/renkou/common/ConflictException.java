package org.renkou.common;

/**
 * Somebody else changed the record since the user read it (version check), a unique value is taken, or the
 * record's state forbids the step; then {@code problem} names the field and the rule broken.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {
    private final FieldProblem problem;

    public ConflictException(String message) {
        super(message);
        this.problem = null;
    }

    public ConflictException(FieldProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    /** The rule broken, or {@code null} for a plain conflict. */
    public FieldProblem problem() {
        return problem;
    }
}
