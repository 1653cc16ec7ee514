package org.renkou.stats;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counting queries planned for their own values: a figure for one town must use the area and date indexes,
 * which PostgreSQL's generic plan (chosen once a statement has run five times) does not know it can. Only
 * here: the register's short lookups keep their cached plans.
 */
@Component
class CustomPlans {
    private final TransactionTemplate readOnly;
    private final JdbcClient jdbc;

    CustomPlans(PlatformTransactionManager transactions, JdbcClient jdbc) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.jdbc = jdbc;
    }

    <T> T run(Supplier<T> work) {
        return readOnly.execute(status -> {
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
            return work.get();
        });
    }
}
