package org.renkou.people;

import java.time.Instant;

/** One changed field of a person: who, when, through what (web, API, import), old and new value. */
public record PersonChange(Instant changedAt, String username, String source, String field, String oldValue,
                           String newValue) {
    public java.time.LocalDateTime localChangedAt() {
        return java.time.LocalDateTime.ofInstant(changedAt, org.renkou.common.Dates.ZONE);
    }
}
