package org.renkou.common;

import java.util.List;

/** Input broke one or more rules; nothing was written. */
public class ValidationException extends RuntimeException {
    private final transient List<FieldProblem> problems;

    public ValidationException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The messages for people, each naming its field and rule. */
    public List<String> messages() {
        return problems.stream().map(FieldProblem::message).toList();
    }
}
