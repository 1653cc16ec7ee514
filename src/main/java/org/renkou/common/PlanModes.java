package org.renkou.common;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queries run with PostgreSQL's plan cache told how to plan them, in a read-only transaction of their own
 * (the setting ends with it). PostgreSQL plans a prepared statement for its values five times, then keeps a
 * generic plan only if that looks no dearer, which it decides from estimates.
 */
@Component
public class PlanModes {
    private final TransactionTemplate readOnly;
    private final JdbcClient jdbc;

    PlanModes(PlatformTransactionManager transactions, JdbcClient jdbc) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.jdbc = jdbc;
    }

    /**
     * Planned for their values every time: a figure for one town must use the area and date indexes, which
     * the generic plan does not know it can.
     */
    public <T> T custom(Supplier<T> work) {
        return run("force_custom_plan", work);
    }

    /**
     * Planned once: a selective lookup whose plan does not depend on its values (the same index range for
     * every name prefix), where planning it again costs more than running it and its own transaction.
     */
    public <T> T generic(Supplier<T> work) {
        return run("force_generic_plan", work);
    }

    /** Inside a caller's transaction the work runs as it is: a local setting would outlast it there. */
    private <T> T run(String mode, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        return readOnly.execute(status -> {
            jdbc.sql("set local plan_cache_mode = " + mode).update();
            return work.get();
        });
    }
}
