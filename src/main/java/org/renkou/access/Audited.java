package org.renkou.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks web and API handlers whose requests leave one audit entry (recorded by {@link AuditRecorder}), on a
 * controller for all its handlers or on one handler. Without an action it follows from the request: a GET of
 * one record ({@code /{id}}) is {@link AuditAction#VIEW}, other GETs {@link AuditAction#SEARCH} (with a query)
 * or {@link AuditAction#LIST}, POST {@link AuditAction#CREATE}, PUT and PATCH {@link AuditAction#UPDATE},
 * DELETE {@link AuditAction#DELETE}. A write whose service already made its entry (in the writer's
 * transaction) is not recorded twice.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {
    /** The kind of record read or changed ("person", "household", "woman", ...). */
    String target();

    /** Empty: derived from the request as described above. */
    AuditAction[] action() default {};
}
