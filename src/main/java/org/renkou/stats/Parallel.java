package org.renkou.stats;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs independent counting queries side by side (the database has more than one core), each with the
 * caller's user and language, so a dashboard takes as long as its slowest query rather than their sum.
 */
final class Parallel {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "renkou-stats");
        t.setDaemon(true);
        return t;
    });

    private Parallel() {
    }

    static <T> CompletableFuture<T> start(Supplier<T> work) {
        SecurityContext security = SecurityContextHolder.getContext();
        LocaleContext locale = LocaleContextHolder.getLocaleContext();
        return CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(security);
            LocaleContextHolder.setLocaleContext(locale);
            try {
                return work.get();
            } finally {
                SecurityContextHolder.clearContext();
                LocaleContextHolder.resetLocaleContext();
            }
        }, POOL);
    }

    /** The result, or the task's own exception (an access refusal stays one). */
    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
