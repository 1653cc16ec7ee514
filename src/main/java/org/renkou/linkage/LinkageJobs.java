package org.renkou.linkage;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The worker of linkage's background jobs besides runs (bulk merges, estimations): one thread, so two bulk merges
 * never work on the same pairs at once. A job runs as the user who started it (their permissions, their name in
 * the audit log and the history) and in their language. Its state lives in its table; the future answered only
 * serves the old endpoints that answer when the job is done.
 */
@Component
class LinkageJobs {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "linkage-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Started> running = new ConcurrentHashMap<>();

    /** A job begun: its id, and its end. */
    record Started(long id, CompletableFuture<Void> done) {
    }

    /**
     * Runs a job in the background as the current user, unless one of the same {@code key} (kind and area) is
     * under way: then that one is answered, so a second click or a second officer does not do the work twice.
     * {@code create} writes the job's row (and its audit entry) and answers its id.
     */
    synchronized Started submit(String key, LongSupplier create, LongConsumer job) {
        Started under = running.get(key);
        if (under != null && !under.done().isDone()) {
            return under;
        }
        long id = create.getAsLong();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Locale locale = LocaleContextHolder.getLocale();
        Started started = new Started(id, CompletableFuture.runAsync(() -> as(auth, locale, () -> job.accept(id)), worker));
        running.put(key, started);
        started.done().whenComplete((v, e) -> running.remove(key, started));
        return started;
    }

    /** Waits until the job is over; what the job threw is thrown here. */
    static void await(CompletableFuture<Void> done) {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a linkage job", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void as(Authentication auth, Locale locale, Runnable job) {
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(auth);
        SecurityContextHolder.setContext(ctx);
        LocaleContextHolder.setLocale(locale);
        try {
            job.run();
        } finally {
            SecurityContextHolder.clearContext();
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
