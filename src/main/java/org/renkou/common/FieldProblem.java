package org.renkou.common;

/**
 * One reason a field was refused: the field's name, the rule it broke and the message in the user's language.
 * {@code rule} is a stable key (for clients), {@code message} is for people.
 */
public record FieldProblem(String field, String rule, String message) {
}
