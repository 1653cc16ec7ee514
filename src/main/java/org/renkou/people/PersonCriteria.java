package org.renkou.people;

/**
 * A search of the register. Any part may be null: ID number (exact), name (prefix), area (any level,
 * everything below it), status, sex, age range on today. {@code page} counts from 0.
 */
public record PersonCriteria(String idNumber, String name, String area, PersonStatus status, String sex,
                             Integer ageFrom, Integer ageTo, String sort, String dir, Integer page, Integer size) {

    public static final int MAX_SIZE = 200;

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
