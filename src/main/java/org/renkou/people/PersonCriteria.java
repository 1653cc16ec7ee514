package org.renkou.people;

import java.util.ArrayList;
import java.util.List;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.ValidationException;
import org.springframework.modulith.NamedInterface;

/**
 * A search of the register. Any part may be null: ID number (exact), name (prefix), area (any level,
 * everything below it), status, sex, age range on today. {@code page} counts from 0.
 */
@NamedInterface("register")
public record PersonCriteria(String idNumber, String name, String area, PersonStatus status, String sex,
                             Integer ageFrom, Integer ageTo, String sort, String dir, Integer page, Integer size) {

    public static final int MAX_SIZE = 200;
    /** Ages are asked for in years, 0 to this; a larger one is a typing error (and no date). */
    public static final int MAX_AGE = 150;

    /** Refuses an age outside 0 to {@link #MAX_AGE}, naming the field. */
    public PersonCriteria checked(Messages messages) {
        List<FieldProblem> problems = new ArrayList<>();
        if (ageFrom != null && (ageFrom < 0 || ageFrom > MAX_AGE)) {
            problems.add(messages.problem("ageFrom", "range", 0, MAX_AGE));
        }
        if (ageTo != null && (ageTo < 0 || ageTo > MAX_AGE)) {
            problems.add(messages.problem("ageTo", "range", 0, MAX_AGE));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return this;
    }

    public int pageOrZero() {
        return page == null || page < 0 ? 0 : page;
    }

    public int sizeOrDefault() {
        return size == null || size < 1 ? 20 : Math.min(size, MAX_SIZE);
    }

    public PersonCriteria withPage(int p) {
        return new PersonCriteria(idNumber, name, area, status, sex, ageFrom, ageTo, sort, dir, p, size);
    }
}
