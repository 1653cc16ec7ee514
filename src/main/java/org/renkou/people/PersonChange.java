package org.renkou.people;

import java.time.Instant;
import org.renkou.common.IdNumber;

/** One changed field of a person: who, when, through what (web, API, import), old and new value. */
public record PersonChange(Instant changedAt, String username, String source, String field, String oldValue,
                           String newValue) {
    /** The same change for a reader who may not see whole ID numbers: a changed ID number shows masked. */
    public PersonChange withIdNumbersMasked() {
        if (!"idNumber".equals(field)) {
            return this;
        }
        return new PersonChange(changedAt, username, source, field, IdNumber.mask(oldValue), IdNumber.mask(newValue));
    }

    /** The kind of source (WEB, API, VERIFICATION, ...), without the piece of work it names ({@code VERIFICATION#12}). */
    public String sourceKind() {
        int hash = source == null ? -1 : source.indexOf('#');
        return hash < 0 ? source : source.substring(0, hash);
    }

    /** The piece of work the change came from (a verification round's number), or empty. */
    public String sourceReference() {
        int hash = source == null ? -1 : source.indexOf('#');
        return hash < 0 ? "" : source.substring(hash + 1);
    }

    public java.time.LocalDateTime localChangedAt() {
        return java.time.LocalDateTime.ofInstant(changedAt, org.renkou.common.Dates.ZONE);
    }
}
