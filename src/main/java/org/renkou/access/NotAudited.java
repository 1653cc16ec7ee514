package org.renkou.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler (or a controller's handlers) that returns no personal data, so its requests leave no audit
 * entry; the reason is required. A handler carries either this or {@link Audited} (the handler test checks
 * it), so nobody adds an endpoint without deciding.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotAudited {
    /** Why the handler reads nothing personal (aggregates, code tables, forms, its own account). */
    String value();
}
